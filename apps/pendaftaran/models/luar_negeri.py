"""P.4.4 — pendaftaran pindah SKPLN (ke luar negeri) dan SKDLN (datang dari luar negeri).

Front office checks the file and enters the data, the verifikator checks the input, kabid or
kadis signs (the SKPLN/SKDLN as a signed PDF), then print, QC and handover. The register follows
the signed letter, in the signing transaction and through the audited register service: an SKPLN
takes the person off the KK and marks the move-out date; an SKDLN reinstates a person who had moved
out (or is back on the register with a new KK), or adds a person not yet in it.
"""

from __future__ import annotations

from django.db import models
from django_fsm import FSMField, transition

from apps.core.asupan import DenganPersyaratan, SyaratBerkas
from apps.core.ekor import TTE, Cetak, Penyerahan, PeriksaCetak, Verifikasi, ekor_layanan
from apps.core.models import Proses
from apps.core.peran import peran


class StatusLN(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pemohon"
    DIINPUT = "diinput", "Data diinput"
    PERBAIKAN = "perbaikan", "Perbaikan input"
    TERVERIFIKASI = "terverifikasi", "Terverifikasi"
    DITANDATANGANI = "ditandatangani", "Ditandatangani (TTE)"
    DICETAK = "dicetak", "Dicetak"
    SIAP_DIAMBIL = "siap_diambil", "Siap diambil"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"


class JenisLN(models.TextChoices):
    SKPLN = "skpln", "SKPLN (pindah ke luar negeri)"
    SKDLN = "skdln", "SKDLN (datang dari luar negeri)"


S = StatusLN


class PindahLuarNegeri(
    ekor_layanan(
        verifikasi=[Verifikasi(dari=S.DIINPUT, kembali_ke=S.PERBAIKAN)],
        tte=TTE(peran=("kabid", "kadis"), kembali_ke=S.DIINPUT,
                layanan="apps.pendaftaran.services_p4.luar_negeri_tandatangani"),
        cetak=Cetak(),
        periksa_cetak=PeriksaCetak(),
        penyerahan=Penyerahan(email=True),
    ),
    DenganPersyaratan,
    Proses,
):
    """An SKPLN or SKDLN (P.4.4)."""

    KODE_PROSES = ("P.4.4",)
    DILACAK_PEMOHON = True
    STATUS_AKHIR = frozenset({S.SELESAI, S.DITOLAK})
    JENIS_DOKUMEN_TTE = "surat_luar_negeri"
    SALURAN_ASUPAN = {"loket": ("petugas_fo",)}
    FORM_ASUPAN = "apps.pendaftaran.forms_p4.PindahLuarNegeriForm"
    PERSYARATAN = (
        SyaratBerkas("kk", "Kartu Keluarga"),
        SyaratBerkas("paspor", "Paspor"),
        SyaratBerkas("lain", "Dokumen pendukung lain (visa, surat keterangan perwakilan RI)", wajib=False),
    )
    PERAN_LIHAT = ("petugas_fo", "verifikator", "kabid", "kadis", "operator_siak", "operator_pengambilan")

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)
    jenis = models.CharField("jenis", max_length=5, choices=JenisLN.choices)
    nik = models.CharField("NIK", max_length=16)
    nama = models.CharField("nama lengkap", max_length=120)
    nomor_paspor = models.CharField("nomor paspor", max_length=20)
    negara = models.CharField("negara tujuan / asal", max_length=60)
    alamat_luar_negeri = models.CharField("alamat di luar negeri", max_length=200, blank=True)
    tanggal_pindah = models.DateField("tanggal pindah / datang")
    no_kk_tujuan = models.CharField("No. KK tujuan (SKDLN)", max_length=16, blank=True)
    email = models.EmailField("email (opsional)", blank=True)

    class Meta:
        verbose_name = "pindah luar negeri (SKPLN/SKDLN)"
        verbose_name_plural = "pindah luar negeri (SKPLN/SKDLN)"

    @property
    def ringkasan(self) -> str:
        return f"{self.get_jenis_display()} — {self.nama}"

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
        return {"skpln": self.jenis == JenisLN.SKPLN, "nama": self.nama, "nik": self.nik,
                "nomor_paspor": self.nomor_paspor, "negara": self.negara, "alamat_luar_negeri": self.alamat_luar_negeri,
                "tanggal_pindah": self.tanggal_pindah, "no_kk_tujuan": self.no_kk_tujuan}

    @transition(field=status, source=S.DIAJUKAN, target=S.DIINPUT, permission=peran("petugas_fo"),
                custom={"label": "Berkas lengkap: input data", "gaya": "success"})
    def input_data(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIAJUKAN, target=S.DIKEMBALIKAN, permission=peran("petugas_fo"),
                custom={"label": "Kembalikan ke pemohon", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIKEMBALIKAN, target=S.DIAJUKAN, permission=peran("petugas_fo"),
                custom={"label": "Lengkapi berkas", "form": "apps.core.asupan.LengkapiBerkasForm",
                        "layanan": "apps.core.asupan.layanan_lengkapi"})
    def lengkapi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.PERBAIKAN, target=S.DIINPUT, permission=peran("petugas_fo"),
                custom={"label": "Perbaiki input"})
    def perbaiki(self, oleh=None, data=None):
        pass
