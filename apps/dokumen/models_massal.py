"""Bulk TTE (TTE massal): one batch of records an official signs with one passphrase.

The batch row is the job of record (like ``Dokumen``): it holds the sealed passphrase until its
worker ran it, and a lease so that a redelivered message or the sweeper cannot run it twice at
once. Each item is one record; its TTE transition runs through the kernel like a single TTE, and
its document is signed by the ordinary signing job (``jobs.proses_dokumen``).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class TTEMassal(models.Model):
    """A bulk TTE started by a signing official (issue 9 item 7)."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        DIPROSES = "diproses", "Sedang diproses"
        SELESAI = "selesai", "Selesai"
        # Nothing signed: wrong passphrase, signing paused, or the sealed passphrase expired.
        DITOLAK = "ditolak", "Ditolak"

    pejabat = models.ForeignKey("dokumen.Pejabat", on_delete=models.PROTECT, related_name="+")
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    alasan = models.TextField(blank=True)
    # Sealed passphrase (apps/dokumen/massal.py), emptied as soon as the batch ran.
    token = models.TextField(blank=True, editable=False)
    klaim = models.CharField(max_length=32, blank=True, editable=False)
    klaim_pada = models.DateTimeField(null=True, blank=True, editable=False)
    diantrekan_pada = models.DateTimeField(null=True, blank=True, editable=False)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat_pada", "-pk"]
        verbose_name = "TTE massal"
        verbose_name_plural = "TTE massal"

    def __str__(self) -> str:
        return f"TTE massal #{self.pk}"


class ItemTTEMassal(models.Model):
    """One record of a bulk TTE: refused (with the reason) or signed through its document."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        DIPROSES = "diproses", "Transisi dijalankan"
        DITOLAK = "ditolak", "Ditolak"

    batch = models.ForeignKey(TTEMassal, on_delete=models.CASCADE, related_name="item")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    objek = GenericForeignKey("content_type", "object_id")
    kode_lacak = models.CharField(max_length=14, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    alasan = models.TextField(blank=True)
    dokumen = models.ForeignKey("dokumen.Dokumen", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "content_type", "object_id"], name="item_tte_massal_unik"),
        ]
        verbose_name = "berkas TTE massal"
        verbose_name_plural = "berkas TTE massal"

    def __str__(self) -> str:
        return f"{self.batch} — {self.kode_lacak}"
