"""Scheduled housekeeping of the kernel (Celery beat, see CELERY_BEAT_SCHEDULE in settings)."""

from io import StringIO

from celery import shared_task
from django.core.management import call_command


@shared_task(acks_late=True, soft_time_limit=600, time_limit=900)
def bersihkan_berkas() -> str:
    """Remove attachment files left behind by rolled-back transactions (manage.py bersihkan_berkas)."""
    keluar = StringIO()
    call_command("bersihkan_berkas", stdout=keluar)
    return keluar.getvalue().strip()


@shared_task(acks_late=True, soft_time_limit=600, time_limit=900)
def tutup_otomatis() -> int:
    """Close returned files nobody completed within the allowed working days (core.tutup_otomatis)."""
    from .tutup_otomatis import tutup_otomatis_jalankan

    return tutup_otomatis_jalankan()
