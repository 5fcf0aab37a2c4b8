"""Survei Kepuasan Masyarakat (Permenpan RB 14/2017): nine elements on a 1–4 scale.

One answer per finished request. Anonymous to staff: the row keeps only a keyed hash of the
request (so a second answer is refused), the service, the date and the scores — no name, NIK,
tracking code or time of day.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

# The nine elements (unsur) of Permenpan RB 14/2017, in its order.
UNSUR_SKM = (
    ("u1", "Persyaratan"),
    ("u2", "Sistem, mekanisme, dan prosedur"),
    ("u3", "Waktu penyelesaian"),
    ("u4", "Biaya/tarif"),
    ("u5", "Produk spesifikasi jenis pelayanan"),
    ("u6", "Kompetensi pelaksana"),
    ("u7", "Perilaku pelaksana"),
    ("u8", "Penanganan pengaduan, saran dan masukan"),
    ("u9", "Sarana dan prasarana"),
)
SKALA = ((1, "Tidak baik"), (2, "Kurang baik"), (3, "Baik"), (4, "Sangat baik"))


def _nilai(kode: str):
    return models.PositiveSmallIntegerField(dict(UNSUR_SKM)[kode], choices=SKALA,
                                            validators=[MinValueValidator(1), MaxValueValidator(4)])


class JawabanSkm(models.Model):
    kunci = models.CharField(max_length=64, unique=True, editable=False,
                             help_text="Sidik kunci permohonan (HMAC), agar satu permohonan menjawab sekali.")
    kode_layanan = models.CharField("kode layanan", max_length=60, db_index=True)
    layanan = models.CharField(max_length=200)
    tanggal = models.DateField(db_index=True)
    u1 = _nilai("u1")
    u2 = _nilai("u2")
    u3 = _nilai("u3")
    u4 = _nilai("u4")
    u5 = _nilai("u5")
    u6 = _nilai("u6")
    u7 = _nilai("u7")
    u8 = _nilai("u8")
    u9 = _nilai("u9")
    saran = models.TextField("saran / komentar", max_length=2000, blank=True)

    class Meta:
        ordering = ["-tanggal", "-pk"]
        verbose_name = "jawaban SKM"
        verbose_name_plural = "jawaban SKM"
        indexes = [models.Index(fields=["tanggal", "kode_layanan"])]

    def __str__(self) -> str:
        return f"SKM {self.layanan} {self.tanggal:%d-%m-%Y}"


class UndanganSkm(models.Model):
    """A request whose citizen was invited by email (keyed hash only, as the answers)."""

    kunci = models.CharField(max_length=64, unique=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "undangan SKM"
        verbose_name_plural = "undangan SKM"
