"""P.1.2.2 Kearsipan — the archive classification codes (kode klasifikasi arsip).

The codes follow Permendagri 83 Tahun 2022 (Kode Klasifikasi Arsip di Lingkungan Kementerian
Dalam Negeri dan Pemerintah Daerah). Migration 0002 loads only a subset: the administrator
completes the list and the retention periods in Django admin, following the Dinas' retention
schedule (JRA) as the Wali Kota sets it. Codes of the older scheme (Permendagri 78/2012, e.g.
470) may be kept with ``berlaku`` off so that letters filed under them can still be found.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.validators import RegexValidator
from django.db import models


class NasibAkhir(models.TextChoices):
    MUSNAH = "musnah", "Musnah"
    PERMANEN = "permanen", "Permanen"
    DINILAI_KEMBALI = "dinilai_kembali", "Dinilai kembali"


def kunci_urut(kode: str) -> str:
    """A sort key that puts 400.3 before 400.12 (each segment zero-padded)."""
    return ".".join(bagian.zfill(3) for bagian in kode.split("."))


class KlasifikasiArsip(models.Model):
    """One code of the classification, with its retention period (JRA) where it is known."""

    kode = models.CharField(
        max_length=30,
        unique=True,
        validators=[RegexValidator(r"^\d{3}(\.\d{1,3})*$", "Tulis kode bertitik, mis. 400.12.2.")],
        help_text="Kode bertitik sesuai Permendagri 83/2022, mis. 000.1 atau 400.12.2.",
    )
    nama = models.CharField(max_length=300)
    retensi_aktif = models.PositiveSmallIntegerField(
        "retensi aktif (tahun)", null=True, blank=True, help_text="Kosongkan bila JRA belum menetapkannya."
    )
    retensi_inaktif = models.PositiveSmallIntegerField(
        "retensi inaktif (tahun)", null=True, blank=True, help_text="Kosongkan bila JRA belum menetapkannya."
    )
    nasib_akhir = models.CharField("keterangan akhir", max_length=20, choices=NasibAkhir.choices, blank=True)
    berlaku = models.BooleanField(
        default=True, help_text="Dapat dipilih saat memberkaskan surat. Matikan untuk kode lama yang hanya dicari."
    )
    keterangan = models.CharField(max_length=300, blank=True)
    kunci_urut = models.CharField(max_length=60, editable=False, db_index=True)

    class Meta:
        ordering = ["kunci_urut"]
        verbose_name = "kode klasifikasi arsip"
        verbose_name_plural = "kode klasifikasi arsip"

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    def save(self, *args, **kwargs):
        self.kunci_urut = kunci_urut(self.kode)
        if kwargs.get("update_fields") is not None and "kode" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "kunci_urut"}
        super().save(*args, **kwargs)

    @property
    def tingkat(self) -> int:
        return self.kode.count(".")

    @property
    def retensi_diketahui(self) -> bool:
        return self.retensi_aktif is not None and self.retensi_inaktif is not None

    def tanggal_retensi(self, mulai: date) -> tuple[date | None, date | None]:
        """(end of the active period, end of the inactive period) for a file closed on ``mulai``."""
        if self.retensi_aktif is None:
            return None, None
        aktif = mulai + relativedelta(years=self.retensi_aktif)
        if self.retensi_inaktif is None:
            return aktif, None
        return aktif, aktif + relativedelta(years=self.retensi_inaktif)
