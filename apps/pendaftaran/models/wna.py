"""P.4.2 — pendaftaran orang asing tinggal terbatas dan tinggal tetap (KK WNA, KTP WNA).

The verifikator WNA checks the file against the stay permit (KITAS/KITAP: number and expiry; an
expired permit is refused) and enters the data; the verifikator checks that input, then the
kernel's tail: TTE by kabid/kadis (the KK WNA is a signed PDF), cetak, QC, handover or email.
A KTP WNA is valid exactly as long as the permit it rests on.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.core.asupan import DenganPersyaratan, SyaratBerkas
from apps.core.ekor import TTE, Cetak, Penyerahan, PeriksaCetak, Verifikasi, ekor_layanan
from apps.core.models import Proses
from apps.core.peran import peran


class StatusWNA(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pemohon"
    DIINPUT = "diinput", "Data diinput verifikator WNA"
    PERBAIKAN = "perbaikan", "Perbaikan input"
    TERVERIFIKASI = "terverifikasi", "Terverifikasi"
    DITANDATANGANI = "ditandatangani", "Ditandatangani (TTE)"
    DICETAK = "dicetak", "Dicetak"
    SIAP_DIAMBIL = "siap_diambil", "Siap diambil"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"


class JenisIzinTinggal(models.TextChoices):
    KITAS = "kitas", "KITAS (izin tinggal terbatas)"
    KITAP = "kitap", "KITAP (izin tinggal tetap)"


class DokumenWNA(models.TextChoices):
    KK = "kk_wna", "KK WNA"
    KTP = "ktp_wna", "KTP WNA"


def izin_masih_berlaku(objek) -> bool:
    return bool(objek.izin_berlaku_sampai) and objek.izin_berlaku_sampai >= timezone.localdate()


S = StatusWNA


class PendaftaranWNA(
    ekor_layanan(
        verifikasi=[Verifikasi(dari=S.DIINPUT, kembali_ke=S.PERBAIKAN)],
        tte=TTE(peran=("kabid", "kadis"), kembali_ke=S.DIINPUT),
        cetak=Cetak(),
        periksa_cetak=PeriksaCetak(),
        penyerahan=Penyerahan(email=True),
    ),
    DenganPersyaratan,
    Proses,
):
    """A foreigner's KK WNA or KTP WNA (P.4.2)."""

    KODE_PROSES = ("P.4.2",)
    DILACAK_PEMOHON = True
    STATUS_AKHIR = frozenset({S.SELESAI, S.DITOLAK})
    JENIS_DOKUMEN_TTE = "dokumen_wna"
    SALURAN_ASUPAN = {"loket": ("petugas_fo", "verifikator_wna")}
    FORM_ASUPAN = "apps.pendaftaran.forms_p4.PendaftaranWNAForm"
    PERSYARATAN = (
        SyaratBerkas("paspor", "Paspor"),
        SyaratBerkas("izin_tinggal", "KITAS/KITAP"),
        SyaratBerkas("skck", "Surat Keterangan Tempat Tinggal dari kepolisian (SKTT/STM)"),
        SyaratBerkas("lain", "Dokumen pendukung lain", wajib=False),
    )
    PERAN_LIHAT = ("verifikator_wna", "verifikator", "kabid", "kadis", "operator_siak", "operator_pengambilan")

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)
    dokumen = models.CharField("dokumen yang dimohon", max_length=8, choices=DokumenWNA.choices)
    nama = models.CharField("nama lengkap (sesuai paspor)", max_length=120)
    kewarganegaraan = models.CharField("kewarganegaraan", max_length=60)
    nomor_paspor = models.CharField("nomor paspor", max_length=20)
    jenis_izin = models.CharField("jenis izin tinggal", max_length=5, choices=JenisIzinTinggal.choices)
    nomor_izin = models.CharField("nomor KITAS/KITAP", max_length=30)
    izin_berlaku_sampai = models.DateField("izin tinggal berlaku sampai")
    alamat = models.CharField("alamat di Kota Pasuruan", max_length=200)
    email = models.EmailField("email (opsional)", blank=True)
    # Entered by the verifikator WNA from SIAK.
    nik = models.CharField("NIK", max_length=16, blank=True)
    no_kk = models.CharField("No. KK", max_length=16, blank=True)

    class Meta:
        verbose_name = "pendaftaran WNA"
        verbose_name_plural = "pendaftaran WNA"

    @property
    def ringkasan(self) -> str:
        return f"{self.get_dokumen_display()} — {self.nama} ({self.kewarganegaraan})"

    @property
    def email_pemohon(self) -> str:
        return self.email

    @property
    def ktp_berlaku_sampai(self):
        """A KTP WNA is valid as long as the permit (Permendagri: masa berlaku mengikuti izin)."""
        return self.izin_berlaku_sampai if self.dokumen == DokumenWNA.KTP else None

    def penerima_awal(self) -> str:
        return self.nama

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.nama, self.nik)

    def data_dokumen(self, jenis: str) -> dict:
        if jenis == "tanda_terima":
            return self.data_tanda_terima()
        return {
            "judul": self.get_dokumen_display(), "kk": self.dokumen == DokumenWNA.KK, "nama": self.nama,
            "nik": self.nik, "no_kk": self.no_kk, "kewarganegaraan": self.kewarganegaraan,
            "nomor_paspor": self.nomor_paspor, "izin": self.get_jenis_izin_display(), "nomor_izin": self.nomor_izin,
            "izin_berlaku_sampai": self.izin_berlaku_sampai, "ktp_berlaku_sampai": self.ktp_berlaku_sampai,
            "alamat": self.alamat,
        }

    # -- the verifikator WNA's own steps ------------------------------------------------------
    @transition(field=status, source=S.DIAJUKAN, target=S.DIINPUT, permission=peran("verifikator_wna"),
                conditions=[izin_masih_berlaku],
                custom={"label": "Berkas lengkap: input data", "form": "apps.pendaftaran.forms_p4.InputWNAForm",
                        "gaya": "success"})
    def input_data(self, oleh=None, data=None):
        self.nik = data.get("nik", self.nik)
        self.no_kk = data.get("no_kk", "") or self.no_kk

    @transition(field=status, source=S.DIAJUKAN, target=S.DIKEMBALIKAN, permission=peran("verifikator_wna"),
                custom={"label": "Kembalikan ke pemohon", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIKEMBALIKAN, target=S.DIAJUKAN, permission=peran("verifikator_wna"),
                custom={"label": "Lengkapi berkas", "form": "apps.core.asupan.LengkapiBerkasForm",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def lengkapi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIAJUKAN, target=S.DITOLAK, permission=peran("verifikator_wna"),
                custom={"label": "Tolak: izin tinggal tidak berlaku", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "outline-danger"})
    def tolak(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.PERBAIKAN, target=S.DIINPUT, permission=peran("verifikator_wna"),
                conditions=[izin_masih_berlaku],
                custom={"label": "Perbaiki input", "form": "apps.pendaftaran.forms_p4.InputWNAForm"})
    def perbaiki(self, oleh=None, data=None):
        self.nik = data.get("nik", self.nik)
        self.no_kk = data.get("no_kk", "") or self.no_kk
