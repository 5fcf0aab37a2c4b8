"""Emails of PIAK to residents and staff: the table is the queue of record, Celery only delivers.

A row is written in the transaction of the step it reports; ``tasks.kirim_pemberitahuan`` sends
it once (the row is claimed with ``terkirim_pada``), so a task run twice sends one email.
A row may also name a staff user: it then shows in the portal (P.6.1 reporter told the system works).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Pemberitahuan(models.Model):
    dibuat_pada = models.DateTimeField(default=timezone.now, db_index=True)
    penerima_email = models.EmailField(blank=True)
    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="pemberitahuan_piak")
    subjek = models.CharField(max_length=200)
    teks = models.TextField()
    html = models.TextField(blank=True)
    tautan = models.CharField(max_length=300, blank=True)
    dibaca_pada = models.DateTimeField(null=True, blank=True)
    terkirim_pada = models.DateTimeField(null=True, blank=True)
    percobaan = models.PositiveSmallIntegerField(default=0)
    galat = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-dibuat_pada", "-pk"]
        verbose_name = "pemberitahuan PIAK"
        verbose_name_plural = "pemberitahuan PIAK"

    def __str__(self) -> str:
        return self.subjek
