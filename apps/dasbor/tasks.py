"""Celery tasks of the dashboard: they take ids or dates and call a service."""

from __future__ import annotations

from datetime import date, timedelta

from celery import shared_task
from django.utils import timezone


@shared_task(acks_late=True, soft_time_limit=1800, time_limit=2000)
def rekap_segarkan(dari: str | None = None, sampai: str | None = None) -> int:
    """Beat (every 15 minutes): today and the last three days, so late rows are counted; on
    demand: the period the dashboard shows. Idempotent."""
    from .rekap import rekap_segarkan as segarkan

    hari_ini = timezone.localdate()
    akhir = date.fromisoformat(sampai) if sampai else hari_ini
    awal = date.fromisoformat(dari) if dari else hari_ini - timedelta(days=3)
    return segarkan(dari=awal, sampai=akhir)


@shared_task(acks_late=True, soft_time_limit=1800, time_limit=2000)
def ekspor_jalankan(berkas_id: int) -> str:
    from .services import ekspor_jalankan as jalankan

    return jalankan(berkas_id=berkas_id)
