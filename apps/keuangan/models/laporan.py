"""P.2.2 Pelaporan: performance reports (P.2.2.1: LKjIP, SAKIP, RB) and financial reports
(P.2.2.2). Bagian Organisasi, the Inspektorat and BPKA do not log in: subbag perencanaan dan
pelaporan records their letters and answers and attaches them.

``LaporanKinerja``::

    diminta --himpun (subbag_perencanaan)--> dihimpun
    dihimpun --kirim (subbag_perencanaan; every assignment done; the report attached)--> dikirim
    dikirim --catat_nilai (subbag_perencanaan: the Inspektorat's score)--> dinilai

``LaporanKeuangan``::

    diminta --himpun--> dihimpun --kirim--> dikirim
    dikirim --revisi (BPKA's notes)--> dikembalikan --kirim--> dikirim
    dikirim --terima (BPKA accepted)--> diterima --tindak_lanjuti--> selesai
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran


class JenisLaporanKinerja(models.TextChoices):
    LKJIP = "lkjip", "LKjIP"
    SAKIP = "sakip", "SAKIP"
    RB = "rb", "Reformasi Birokrasi (RB)"


class PredikatSAKIP(models.TextChoices):
    AA = "AA", "AA (memuaskan)"
    A = "A", "A (sangat baik)"
    BB = "BB", "BB (sangat baik)"
    B = "B", "B (baik)"
    CC = "CC", "CC (cukup)"
    C = "C", "C (kurang)"
    D = "D", "D (sangat kurang)"


class StatusLaporanKinerja(models.TextChoices):
    DIMINTA = "diminta", "Surat permintaan dicatat"
    DIHIMPUN = "dihimpun", "Data dihimpun bersama bidang"
    DIKIRIM = "dikirim", "Dikirim ke Bagian Organisasi dan Inspektorat"
    DINILAI = "dinilai", "Nilai Inspektorat dicatat"


SK = StatusLaporanKinerja


class LaporanKinerja(Proses):
    """P.2.2.1 — one performance report of a year, from Bagian Organisasi's request to its score."""

    KODE_PROSES = ("P.2.2.1",)
    STATUS_AKHIR = frozenset({SK.DINILAI})
    PERAN_LIHAT = ("kadis", "sekretaris", "kabid", "bidang_teknis")

    status = FSMField(choices=SK.choices, default=SK.DIMINTA, protected=True)
    jenis = models.CharField(max_length=6, choices=JenisLaporanKinerja.choices)
    tahun = models.PositiveSmallIntegerField("tahun yang dilaporkan")
    nomor_surat_permintaan = models.CharField("nomor surat permintaan", max_length=100)
    tanggal_surat_permintaan = models.DateField("tanggal surat permintaan")
    # The request came in as an incoming letter (P.1.2.1.2) when it was entered in the agenda.
    surat_masuk = models.ForeignKey("umum.SuratMasuk", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="surat masuk (agenda)")
    nilai = models.DecimalField("nilai", max_digits=5, decimal_places=2, null=True, blank=True)
    predikat = models.CharField(max_length=2, choices=PredikatSAKIP.choices, blank=True)
    dinilai_pada = models.DateField("tanggal penilaian", null=True, blank=True)

    class Meta:
        ordering = ["-tahun", "jenis", "pk"]
        verbose_name = "laporan kinerja"
        verbose_name_plural = "laporan kinerja"

    @property
    def ringkasan(self) -> str:
        return f"{self.get_jenis_display()} {self.tahun}"

    def penugasan_selesai(self) -> bool:
        return not self.penugasan.filter(selesai_pada__isnull=True).exists()

    @transition(field=status, source=SK.DIMINTA, target=SK.DIHIMPUN, permission=peran("subbag_perencanaan"),
                custom={"label": "Mulai menghimpun data"})
    def himpun(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SK.DIHIMPUN, target=SK.DIKIRIM, permission=peran("subbag_perencanaan"),
                conditions=[penugasan_selesai],
                custom={"label": "Kirim ke Bagian Organisasi dan Inspektorat", "form": "apps.keuangan.forms.KirimLaporanForm"})
    def kirim(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SK.DIKIRIM, target=SK.DINILAI, permission=peran("subbag_perencanaan"),
                custom={"label": "Catat nilai dari Inspektorat", "form": "apps.keuangan.forms.NilaiKinerjaForm"})
    def catat_nilai(self, oleh=None, data=None):
        pass


class PenugasanLaporan(models.Model):
    """One part of a performance report a division compiles, with its due date."""

    laporan = models.ForeignKey(LaporanKinerja, on_delete=models.CASCADE, related_name="penugasan")
    bidang = models.CharField(max_length=150)
    uraian = models.CharField(max_length=300)
    tenggat = models.DateField()
    selesai_pada = models.DateTimeField(null=True, blank=True)
    selesai_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["tenggat", "pk"]
        verbose_name = "penugasan laporan"
        verbose_name_plural = "penugasan laporan"

    def __str__(self) -> str:
        return f"{self.bidang}: {self.uraian}"

    @property
    def terlambat(self) -> bool:
        return self.selesai_pada is None and timezone.localdate() > self.tenggat


class StatusLaporanKeuangan(models.TextChoices):
    DIMINTA = "diminta", "Permintaan BPKA dicatat"
    DIHIMPUN = "dihimpun", "Data dihimpun"
    DIKIRIM = "dikirim", "Dikirim ke BPKA, menunggu reviu"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan BPKA untuk direvisi"
    DITERIMA = "diterima", "Diterima BPKA"
    SELESAI = "selesai", "Ditindaklanjuti"


SL = StatusLaporanKeuangan


class LaporanKeuangan(Proses):
    """P.2.2.2 — a financial report requested by BPKA bidang akuntansi."""

    KODE_PROSES = ("P.2.2.2",)
    STATUS_AKHIR = frozenset({SL.SELESAI})
    PERAN_LIHAT = ("kadis", "sekretaris", "bendahara", "ppk")

    status = FSMField(choices=SL.choices, default=SL.DIMINTA, protected=True)
    periode = models.CharField("periode laporan", max_length=100, help_text="Mis. Semester I 2026, Tahun 2025.")
    nomor_surat_permintaan = models.CharField("nomor surat permintaan BPKA", max_length=100)
    tanggal_surat_permintaan = models.DateField("tanggal surat permintaan")
    # The request came in as an incoming letter (P.1.2.1.2) when it was entered in the agenda.
    surat_masuk = models.ForeignKey("umum.SuratMasuk", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="surat masuk (agenda)")

    class Meta:
        ordering = ["-dibuat_pada", "pk"]
        verbose_name = "laporan keuangan"
        verbose_name_plural = "laporan keuangan"

    @property
    def ringkasan(self) -> str:
        return f"Laporan keuangan {self.periode}"

    @transition(field=status, source=SL.DIMINTA, target=SL.DIHIMPUN, permission=peran("subbag_perencanaan"),
                custom={"label": "Mulai menghimpun data"})
    def himpun(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[SL.DIHIMPUN, SL.DIKEMBALIKAN], target=SL.DIKIRIM, permission=peran("subbag_perencanaan"),
                custom={"label": "Kirim ke BPKA", "form": "apps.keuangan.forms.KirimLaporanForm"})
    def kirim(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SL.DIKIRIM, target=SL.DIKEMBALIKAN, permission=peran("subbag_perencanaan"),
                custom={"label": "Catat reviu BPKA: revisi", "wajib_catatan": True, "gaya": "danger",
                        "form": "apps.keuangan.forms.JawabanBPKAForm"})
    def revisi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SL.DIKIRIM, target=SL.DITERIMA, permission=peran("subbag_perencanaan"),
                custom={"label": "Catat reviu BPKA: diterima", "form": "apps.keuangan.forms.JawabanBPKAForm"})
    def terima(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SL.DITERIMA, target=SL.SELESAI, permission=peran("subbag_perencanaan"),
                custom={"label": "Catat tindak lanjut", "wajib_catatan": True})
    def tindak_lanjuti(self, oleh=None, data=None):
        pass
