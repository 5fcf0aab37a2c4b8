"""A whole citizen-facing process on the kernel, as a new one would be written: the model (its own
steps, then the kernel's tail), its intake form, and its document template
(templates/kernel_app/dokumen/surat_keterangan.html). No view, URL or queue template: the kernel
serves it under /proses/kernel_app.suratketerangan/."""

from django import forms
from django.db import models
from django_fsm import FSMField, transition

from apps.core.asupan import AsupanMixin, DenganPersyaratan, SyaratBerkas
from apps.core.ekor import TTE, Cetak, Penyerahan, PeriksaCetak, Verifikasi, ekor_layanan
from apps.core.models import Proses
from apps.core.peran import peran


class Status(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pemohon"
    PERBAIKAN = "perbaikan", "Perbaikan"
    TERVERIFIKASI = "terverifikasi", "Terverifikasi"
    DITANDATANGANI = "ditandatangani", "Ditandatangani (TTE)"
    DICETAK = "dicetak", "Dicetak"
    SIAP_DIAMBIL = "siap_diambil", "Siap diambil"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"


class SuratKeterangan(
    ekor_layanan(
        verifikasi=[Verifikasi(dari=Status.DIAJUKAN, kembali_ke=Status.PERBAIKAN)],
        tte=TTE(peran=("kabid", "kadis"), kembali_ke=Status.DIAJUKAN),
        cetak=Cetak(),
        periksa_cetak=PeriksaCetak(),
        penyerahan=Penyerahan(email=True),
    ),
    DenganPersyaratan,
    Proses,
):
    """Surat keterangan (test process T.2): filed at the counter or online, verified, signed,
    printed, checked and handed over or emailed."""

    KODE_PROSES = ("T.2",)
    DILACAK_PEMOHON = True
    BOLEH_DARING = True
    STATUS_AKHIR = frozenset({Status.SELESAI, Status.DITOLAK})
    JENIS_DOKUMEN_TTE = "surat_keterangan_uji"
    SALURAN_ASUPAN = {"loket": ("petugas_fo",), "daring": ("pemohon",)}
    FORM_ASUPAN = "tests.kernel_app.surat_keterangan.SuratKeteranganForm"
    PERSYARATAN = (SyaratBerkas("ktp", "KTP-el pemohon"), SyaratBerkas("pengantar", "Surat pengantar RT/RW"),
                   SyaratBerkas("lain", "Dokumen pendukung lain", wajib=False))

    status = FSMField(choices=Status.choices, default=Status.DIAJUKAN, protected=True)
    nik = models.CharField("NIK", max_length=16)
    nama = models.CharField("nama lengkap", max_length=120)
    alamat = models.CharField(max_length=200, blank=True)
    keperluan = models.CharField(max_length=200)
    email = models.EmailField("email (opsional)", blank=True)

    class Meta:
        verbose_name = "surat keterangan"
        verbose_name_plural = "surat keterangan"

    @property
    def ringkasan(self) -> str:
        return f"Surat keterangan — {self.nama}"

    @property
    def email_pemohon(self) -> str:
        return self.email

    def penerima_awal(self) -> str:
        return self.nama

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.nama, self.nik)

    def data_dokumen(self, jenis: str) -> dict:
        if jenis == "tanda_terima":
            return self.data_tanda_terima()
        return {"nama": self.nama, "nik": self.nik, "alamat": self.alamat, "keperluan": self.keperluan}

    @transition(field=status, source=Status.DIAJUKAN, target=Status.DIKEMBALIKAN, permission=peran("petugas_fo"),
                custom={"label": "Kembalikan ke pemohon", "wajib_catatan": True, "catatan_publik": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[Status.DIKEMBALIKAN, Status.PERBAIKAN], target=Status.DIAJUKAN,
                permission=peran("petugas_fo"),
                custom={"label": "Lengkapi berkas", "form": "apps.core.asupan.LengkapiBerkasForm",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def lengkapi(self, oleh=None, data=None):
        pass


class SuratKeteranganForm(AsupanMixin, forms.ModelForm):
    class Meta:
        model = SuratKeterangan
        fields = ["nik", "nama", "alamat", "keperluan", "email"]
        error_messages = {"nik": {"required": "NIK wajib diisi."}, "nama": {"required": "Nama wajib diisi."},
                          "keperluan": {"required": "Keperluan wajib diisi."}}
