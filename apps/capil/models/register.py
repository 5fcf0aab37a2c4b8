"""The civil registry: one register entry per deed, with its marginal notes (catatan pinggir).

PROCESSES.md "capil — P.5": every akta has a register entry and a kutipan (the certified extract
given to the citizen); later corrections and annotations (P.5.3–P.5.7) are catatan pinggir added
to both. The register keeps a snapshot of the data as signed: the deed does not change when the
population register or the request does.
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from .pencatatan import PencatatanSipil


class JenisAkta(models.TextChoices):
    KELAHIRAN = "akta_kelahiran", "Akta kelahiran"
    KEMATIAN = "akta_kematian", "Akta kematian"
    PERKAWINAN = "akta_perkawinan", "Akta perkawinan"
    PERCERAIAN = "akta_perceraian", "Akta perceraian"


class RegisterAkta(models.Model):
    """A register entry of a deed, made when the Pejabat Pencatatan Sipil signs (TTE).

    ``nomor_akta`` is the number SIAK gave (typed at the SIAK step, checked by ``nomor.py``), as
    text: numbers follow ``aturan.POLA_NOMOR_AKTA``, older deeds keep whatever format they carry.
    """

    nomor_akta = models.CharField("nomor akta", max_length=40, unique=True)
    jenis_akta = models.CharField("jenis akta", max_length=20, choices=JenisAkta.choices, db_index=True)
    kode = models.CharField("kode jenis", max_length=4, help_text="Mis. LU, LT, KM (aturan.KODE_AKTA).")
    tanggal = models.DateField("tanggal pencatatan", db_index=True)
    # Empty for deeds registered before the portal (entered for P.5.3–P.5.8).
    pencatatan = models.OneToOneField(
        PencatatanSipil, null=True, blank=True, on_delete=models.PROTECT, related_name="register"
    )
    data = models.JSONField("data akta", encoder=DjangoJSONEncoder, default=dict)
    pejabat = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="pejabat pencatatan sipil",
    )
    dibuat_pada = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-tanggal", "-pk"]
        verbose_name = "register akta"
        verbose_name_plural = "register akta"

    def __str__(self) -> str:
        return f"{self.get_jenis_akta_display()} {self.nomor_akta}"


class CatatanPinggir(models.Model):
    """A marginal note on a register entry (and on every kutipan issued after it)."""

    register = models.ForeignKey(RegisterAkta, on_delete=models.PROTECT, related_name="catatan_pinggir")
    urutan = models.PositiveSmallIntegerField()
    tanggal = models.DateField(default=timezone.localdate)
    isi = models.TextField()
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["register", "urutan"]
        constraints = [models.UniqueConstraint(fields=["register", "urutan"], name="catatan_pinggir_urutan_unik")]
        verbose_name = "catatan pinggir"
        verbose_name_plural = "catatan pinggir"

    def __str__(self) -> str:
        return f"{self.register.nomor_akta} #{self.urutan}"
