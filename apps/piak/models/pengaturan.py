"""Settings of PIAK the Dinas keeps in admin (one row): its own complaint standard and the SKM grades."""

from __future__ import annotations

from decimal import Decimal

from django.db import models

from apps.core.simpanan import SimpananProses


class Pengaturan(models.Model):
    """One row (pk=1). The complaint target times are the Dinas' own service standard; the IKM
    grade limits follow Permenpan RB 14/2017 as commonly quoted and are *unverified*: the Dinas
    checks them against the regulation's annex and may correct them here."""

    target_pengaduan_hari_kerja = models.PositiveSmallIntegerField(
        "target penyelesaian pengaduan (hari kerja)", default=5,
        help_text="Standar Dinas sendiri; dihitung sejak hari layanan pengaduan diterima.")
    target_informasi_hari_kerja = models.PositiveSmallIntegerField(
        "target jawaban permintaan informasi (hari kerja)", default=3)
    buka_ulang_hari = models.PositiveSmallIntegerField(
        "batas buka kembali (hari kalender)", default=14,
        help_text="Warga dapat membuka kembali jawaban satu kali dalam jangka ini.")
    ikm_batas_a = models.DecimalField("IKM: batas bawah mutu A", max_digits=5, decimal_places=2, default=Decimal("88.31"))
    ikm_batas_b = models.DecimalField("IKM: batas bawah mutu B", max_digits=5, decimal_places=2, default=Decimal("76.61"))
    ikm_batas_c = models.DecimalField("IKM: batas bawah mutu C", max_digits=5, decimal_places=2, default=Decimal("65.00"))
    ikm_batas_d = models.DecimalField("IKM: batas bawah mutu D", max_digits=5, decimal_places=2, default=Decimal("25.00"))

    class Meta:
        verbose_name = "pengaturan PIAK"
        verbose_name_plural = "pengaturan PIAK"

    def __str__(self) -> str:
        return "Pengaturan PIAK"

    @classmethod
    def aktif(cls) -> Pengaturan:
        """The settings in force: read-only, kept a minute in each process (every complaint's
        status page reads them); saving them here drops the copy (apps.py)."""
        return PENGATURAN_AKTIF.ambil(cls, lambda: cls.objects.filter(pk=1).first() or cls(pk=1))


# A minute per process; emptied when the settings are saved or deleted (apps.py). Another web
# process sees a change within the minute.
PENGATURAN_AKTIF = SimpananProses(60)
