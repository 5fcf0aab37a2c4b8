"""The blangko (blank KTP-el card) register: cards received, used per print, spoiled per reprint,
and the stock on hand. The stock row is locked while a card is taken, so printers at several desks
at once never take it below zero (a database constraint is the backstop)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class JenisBlangko(models.TextChoices):
    KTP_EL = "ktp_el", "KTP-el"


class StokBlangko(models.Model):
    jenis = models.CharField(max_length=10, choices=JenisBlangko.choices, unique=True)
    stok = models.IntegerField("stok di tangan", default=0)

    class Meta:
        verbose_name = "stok blangko"
        verbose_name_plural = "stok blangko"
        constraints = [models.CheckConstraint(condition=models.Q(stok__gte=0), name="stok_blangko_tidak_negatif")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.stok}"


class MutasiBlangko(models.Model):
    class Gerak(models.TextChoices):
        TERIMA = "terima", "Diterima"
        PAKAI = "pakai", "Dipakai untuk cetak"
        RUSAK = "rusak", "Rusak (cetak ulang)"

    jenis = models.CharField(max_length=10, choices=JenisBlangko.choices, default=JenisBlangko.KTP_EL)
    gerak = models.CharField(max_length=8, choices=Gerak.choices)
    jumlah = models.PositiveIntegerField(default=1)
    tanggal = models.DateField(default=timezone.localdate, db_index=True)
    keterangan = models.CharField(max_length=200, blank=True)
    # The recording request whose print took the card (empty for a delivery).
    perekaman = models.ForeignKey("pendaftaran.PerekamanKTP", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="mutasi_blangko")
    perekaman_lansia = models.ForeignKey("pendaftaran.PerekamanLansia", null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="mutasi_blangko")
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "mutasi blangko"
        verbose_name_plural = "mutasi blangko"
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return f"{self.get_gerak_display()} {self.jumlah} ({self.tanggal})"
