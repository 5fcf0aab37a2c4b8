"""P.1.2.3 Pengelolaan barang milik daerah (BMD) — the asset register.

One row per item of the Dinas' inventory (Kartu Inventaris Barang), kept by the pengurus barang:
the item code of the BMD code list (Permendagri 108/2016 kodefikasi), its condition, where it is and
who holds it, and how it was acquired. The stock-take (``Inventarisasi``) reconciles these rows; P.6.1
draws replacement hardware from them (``Aset.tersedia``).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models


class KondisiAset(models.TextChoices):
    BAIK = "baik", "Baik"
    RUSAK_RINGAN = "rusak_ringan", "Rusak ringan"
    RUSAK_BERAT = "rusak_berat", "Rusak berat"


class CaraPerolehan(models.TextChoices):
    PEMBELIAN = "pembelian", "Pembelian (APBD)"
    HIBAH = "hibah", "Hibah"
    MUTASI = "mutasi", "Mutasi dari OPD lain"
    LAINNYA = "lainnya", "Lainnya"


class Aset(models.Model):
    """One item of barang milik daerah held by the Dinas."""

    kode_barang = models.CharField(
        "kode barang", max_length=40, help_text="Kode barang BMD, mis. 1.3.2.10.01.02.001."
    )
    nomor_register = models.CharField(
        "nomor register", max_length=20, help_text="Nomor urut item dengan kode barang yang sama, mis. 0003."
    )
    nama = models.CharField("nama barang", max_length=200)
    merek_tipe = models.CharField("merek/tipe", max_length=200, blank=True)
    kondisi = models.CharField(max_length=15, choices=KondisiAset.choices, default=KondisiAset.BAIK)
    lokasi = models.CharField(max_length=200, help_text="Ruang atau bidang tempat barang berada.")
    pemegang = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="aset_dipegang",
        verbose_name="pemegang", help_text="Pegawai yang memakai barang; kosong bila barang dipakai bersama.",
    )
    bidang = models.CharField("bidang pengguna", max_length=120, blank=True)
    cara_perolehan = models.CharField(
        "cara perolehan", max_length=12, choices=CaraPerolehan.choices, default=CaraPerolehan.PEMBELIAN
    )
    tahun_perolehan = models.PositiveSmallIntegerField("tahun perolehan")
    nilai_perolehan = models.DecimalField(
        "nilai perolehan (Rp)", max_digits=17, decimal_places=2, default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    aktif = models.BooleanField(
        default=True, help_text="Matikan bila barang sudah dihapus dari daftar BMD (dihapuskan/dipindahtangankan)."
    )
    keterangan = models.CharField(max_length=300, blank=True)
    diperbarui_pada = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kode_barang", "nomor_register"]
        verbose_name = "aset (BMD)"
        verbose_name_plural = "aset (BMD)"
        constraints = [
            models.UniqueConstraint(fields=["kode_barang", "nomor_register"], name="aset_kode_register_unik"),
        ]
        indexes = [models.Index(fields=["aktif", "kondisi"], name="aset_aktif_kondisi")]

    def __str__(self) -> str:
        return f"{self.kode_barang}.{self.nomor_register} {self.nama}"

    @classmethod
    def tersedia(cls) -> models.QuerySet:
        """Items that may be handed out as a replacement (P.6.1): active, in good condition."""
        return cls._default_manager.filter(aktif=True, kondisi=KondisiAset.BAIK)
