"""Scheduled housekeeping of the public pages (CELERY_BEAT_SCHEDULE in settings)."""

from celery import shared_task


@shared_task(acks_late=True, soft_time_limit=600, time_limit=900)
def bersihkan_pengajuan_daring() -> int:
    """Delete online filings whose confirmation link expired, with their held scans (UU PDP: personal
    data nobody confirmed is not kept)."""
    from .management.commands.bersihkan_pengajuan_daring import bersihkan_pengajuan

    return bersihkan_pengajuan()
