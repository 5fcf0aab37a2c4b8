"""Delete online filings never confirmed (the link expired) or never sent, with their held scans:
nothing of them reached a process, and they hold personal data nobody confirmed."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from apps.publik.daring_layanan import MASA_TAUTAN, pengajuan_hapus_berkas
from apps.publik.models import PengajuanDaring


def bersihkan_pengajuan(*, sekarang=None) -> int:
    batas = (sekarang or timezone.now()) - timedelta(seconds=MASA_TAUTAN)
    jumlah = 0
    for p in PengajuanDaring.objects.filter(object_id__isnull=True, dibuat_pada__lt=batas):
        with transaction.atomic():
            pengajuan_hapus_berkas(p)
            p.delete()
        jumlah += 1
    return jumlah


class Command(BaseCommand):
    help = "Hapus pengajuan daring yang tidak dikonfirmasi dalam 7 hari beserta berkasnya."

    def handle(self, *args, **options):
        self.stdout.write(f"{bersihkan_pengajuan()} pengajuan daring dihapus.")
