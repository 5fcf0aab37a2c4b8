"""P.4.3.2 — perekaman KTP-el untuk lansia atau penyandang disabilitas.

The verifikator decides whether a companion from another Perangkat Daerah (Dinas Sosial, RSUD,
...) is needed; the request letter and its answer are recorded. The recording is scheduled at the
office or at home (date, address, team; the team prints its visit list), then operator SIAK reads
the recording status: PRR → print (one blangko), duplicate → biodata cross-check. QC, and the
handover at home when the recording was at home.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django_fsm import FSMField, transition

from apps.core.asupan import DenganPersyaratan, SyaratBerkas
from apps.core.ekor import Cetak, Penyerahan, PeriksaCetak, ekor_layanan
from apps.core.models import Proses
from apps.core.peran import peran


class StatusLansia(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    MENUNGGU_PENDAMPING = "menunggu_pendamping", "Menunggu jawaban pendampingan"
    SIAP_JADWAL = "siap_jadwal", "Siap dijadwalkan"
    DIJADWALKAN = "dijadwalkan", "Perekaman dijadwalkan"
    DIREKAM = "direkam", "Sudah direkam: cek status"
    DUPLIKAT = "duplikat", "Duplicate: padan biodata"
    DITUTUP = "ditutup", "Ditutup: duplicate tidak terselesaikan"
    SIAP_CETAK = "siap_cetak", "Siap dicetak"
    DICETAK = "dicetak", "Dicetak"
    SIAP_DIAMBIL = "siap_diambil", "Siap diserahkan"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"


class TempatRekam(models.TextChoices):
    KANTOR = "kantor", "Di kantor Dinas"
    RUMAH = "rumah", "Di rumah pemohon"


S = StatusLansia


class PerekamanLansia(
    ekor_layanan(
        cetak=Cetak(dari=S.SIAP_CETAK, layanan="apps.pendaftaran.services_p4.perekaman_cetak",
                    label="Cetak KTP-el (1 blangko)"),
        periksa_cetak=PeriksaCetak(),
        penyerahan=Penyerahan(label="Serahkan ke pemohon (di rumah bila direkam di rumah)"),
    ),
    DenganPersyaratan,
    Proses,
):
    """A KTP-el recording for an elderly or disabled resident (P.4.3.2)."""

    KODE_PROSES = ("P.4.3.2",)
    DILACAK_PEMOHON = True
    STATUS_AKHIR = frozenset({S.SELESAI, S.DITOLAK, S.DITUTUP})
    JENIS_DOKUMEN_CETAK = "ktp_el_cetak"
    SALURAN_ASUPAN = {"loket": ("petugas_fo", "verifikator")}
    FORM_ASUPAN = "apps.pendaftaran.forms_p4.PerekamanLansiaForm"
    PERSYARATAN = (SyaratBerkas("kk", "Kartu Keluarga"),
                   SyaratBerkas("keterangan", "Surat keterangan disabilitas / sakit (bila ada)", wajib=False))
    PERAN_LIHAT = ("verifikator", "operator_rekam", "operator_siak", "operator_pengambilan", "kabid", "kadis")

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)
    nik = models.CharField("NIK", max_length=16)
    nama = models.CharField("nama lengkap", max_length=120)
    kondisi = models.CharField("kondisi (lansia / jenis disabilitas)", max_length=120)
    alamat = models.CharField("alamat rumah", max_length=200)
    telepon = models.CharField("telepon keluarga", max_length=20, blank=True)
    email = models.EmailField("email (opsional)", blank=True)
    # Companion from another Perangkat Daerah.
    perlu_pendamping = models.BooleanField("perlu pendamping", default=False)
    perangkat_daerah = models.CharField("perangkat daerah pendamping", max_length=120, blank=True)
    nomor_surat_permohonan = models.CharField("nomor surat permohonan pendampingan", max_length=60, blank=True)
    nomor_surat_jawaban = models.CharField("nomor surat jawaban", max_length=60, blank=True)
    jawaban_pendamping = models.CharField("jawaban (pendamping, jadwal)", max_length=300, blank=True)
    # The schedule.
    tempat = models.CharField("tempat perekaman", max_length=6, choices=TempatRekam.choices, blank=True)
    tanggal_rekam = models.DateField("tanggal perekaman", null=True, blank=True)
    alamat_kunjungan = models.CharField("alamat kunjungan", max_length=200, blank=True)
    tim = models.CharField("tim perekaman", max_length=200, blank=True)
    nik_duplikat = models.CharField("NIK lain yang cocok (duplicate)", max_length=16, blank=True)
    direkam_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", editable=False)

    class Meta:
        verbose_name = "perekaman KTP-el lansia/disabilitas"
        verbose_name_plural = "perekaman KTP-el lansia/disabilitas"

    @property
    def ringkasan(self) -> str:
        return f"Perekaman KTP-el lansia/disabilitas — {self.nama}"

    @property
    def email_pemohon(self) -> str:
        return self.email

    @property
    def di_rumah(self) -> bool:
        return self.tempat == TempatRekam.RUMAH

    def penerima_awal(self) -> str:
        return self.nama

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.nama, self.nik)

    def data_dokumen(self, jenis: str) -> dict:
        if jenis == "tanda_terima":
            return self.data_tanda_terima()
        return {"nama": self.nama, "nik": self.nik}

    # -- verifikator: companion or not --------------------------------------------------------
    @transition(field=status, source=S.DIAJUKAN, target=S.MENUNGGU_PENDAMPING, permission=peran("verifikator"),
                custom={"label": "Perlu pendamping: ajukan ke perangkat daerah",
                        "form": "apps.pendaftaran.forms_p4.PendampingForm"})
    def ajukan_pendamping(self, oleh=None, data=None):
        data = data or {}
        self.perlu_pendamping = True
        self.perangkat_daerah = data.get("perangkat_daerah", "")
        self.nomor_surat_permohonan = data.get("nomor_surat_permohonan", "")

    @transition(field=status, source=S.MENUNGGU_PENDAMPING, target=S.SIAP_JADWAL, permission=peran("verifikator"),
                custom={"label": "Catat jawaban pendampingan", "form": "apps.pendaftaran.forms_p4.JawabanPendampingForm"})
    def catat_jawaban(self, oleh=None, data=None):
        data = data or {}
        self.nomor_surat_jawaban = data.get("nomor_surat_jawaban", "")
        self.jawaban_pendamping = data.get("jawaban_pendamping", "")

    @transition(field=status, source=S.DIAJUKAN, target=S.SIAP_JADWAL, permission=peran("verifikator"),
                custom={"label": "Tanpa pendamping: lanjut jadwal", "gaya": "success"})
    def tanpa_pendamping(self, oleh=None, data=None):
        self.perlu_pendamping = False

    @transition(field=status, source=S.DIAJUKAN, target=S.DITOLAK, permission=peran("verifikator"),
                custom={"label": "Tolak permohonan", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "outline-danger"})
    def tolak(self, oleh=None, data=None):
        pass

    # -- the recording team ---------------------------------------------------------------------
    @transition(field=status, source=S.SIAP_JADWAL, target=S.DIJADWALKAN, permission=peran("operator_rekam"),
                custom={"label": "Jadwalkan perekaman", "form": "apps.pendaftaran.forms_p4.JadwalRekamForm"})
    def jadwalkan(self, oleh=None, data=None):
        data = data or {}
        self.tempat = data.get("tempat", "")
        self.tanggal_rekam = data.get("tanggal_rekam")
        self.alamat_kunjungan = data.get("alamat_kunjungan", "") or (self.alamat if self.tempat == TempatRekam.RUMAH else "")
        self.tim = data.get("tim", "")

    @transition(field=status, source=S.DIJADWALKAN, target=S.SIAP_JADWAL, permission=peran("operator_rekam"),
                custom={"label": "Jadwal ulang", "wajib_catatan": True, "catatan_publik": True})
    def jadwal_ulang(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIJADWALKAN, target=S.DIREKAM, permission=peran("operator_rekam"),
                custom={"label": "Perekaman selesai", "gaya": "success"})
    def rekam_selesai(self, oleh=None, data=None):
        self.direkam_oleh = oleh

    # -- operator SIAK reads the recording status ---------------------------------------------
    @transition(field=status, source=S.DIREKAM, target=S.SIAP_CETAK, permission=peran("operator_siak"),
                custom={"label": "Status rekam: PRR (siap cetak)", "gaya": "success"})
    def status_prr(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIREKAM, target=S.DUPLIKAT, permission=peran("operator_siak"),
                custom={"label": "Status rekam: duplicate", "form": "apps.pendaftaran.forms_p4.DuplikatForm"})
    def status_duplikat(self, oleh=None, data=None):
        self.nik_duplikat = (data or {}).get("nik_duplikat", "")

    @transition(field=status, source=S.DUPLIKAT, target=S.SIAP_CETAK, permission=peran("operator_siak"),
                custom={"label": "Padan biodata: terselesaikan (PRR)", "wajib_catatan": True, "gaya": "success"})
    def padan_selesai(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DUPLIKAT, target=S.DITUTUP, permission=peran("operator_siak"),
                custom={"label": "Padan biodata: tidak terselesaikan (tutup)", "wajib_catatan": True,
                        "catatan_publik": True, "gaya": "danger"})
    def padan_gagal(self, oleh=None, data=None):
        pass
