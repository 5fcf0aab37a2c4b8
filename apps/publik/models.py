"""An online filing held until its applicant confirms the email (``PengajuanDaring``).

Filing needs no account, so anyone could type someone else's data and address. Nothing enters a
process until the owner of the address opens the signed link sent to it: until then the filing is
only this row (what was typed, as posted) and its scans (``core.Lampiran`` rows on it). On
confirmation the service's own intake form is bound again to the same data and files and the real
request is created by the service's normal intake service, with the tracking code and PIN the
applicant was already given; the held scans are then deleted.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from apps.core.kode import buat_kode_lacak, buat_pin


class PengajuanDaring(models.Model):
    kode_layanan = models.CharField("layanan", max_length=40, help_text="Kode layanan katalog (mis. kk-hilang).")
    email = models.EmailField("email pemohon", db_index=True)
    # The intake form's data as posted (field name → list of values); the scans are Lampiran rows.
    data = models.JSONField(default=dict)
    kode_lacak = models.CharField("kode lacak", max_length=14, unique=True, default=buat_kode_lacak, editable=False)
    pin = models.CharField("PIN", max_length=6, default=buat_pin, editable=False)
    alamat_ip = models.GenericIPAddressField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    # Set when the applicant sends it from the review step (the email with the link goes out).
    dikirim_pada = models.DateTimeField(null=True, blank=True)
    dikonfirmasi_pada = models.DateTimeField(null=True, blank=True)
    # The request created on confirmation.
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    permohonan = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = "pengajuan daring"
        verbose_name_plural = "pengajuan daring"
        ordering = ["-dibuat_pada"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.kode_layanan} {self.kode_lacak}"

    @property
    def menunggu_konfirmasi(self) -> bool:
        return self.dikirim_pada is not None and self.dikonfirmasi_pada is None
