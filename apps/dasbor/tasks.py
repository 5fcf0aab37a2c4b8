"""Celery tasks of the dashboard: they take ids or dates and call a service."""

from __future__ import annotations

from datetime import date, timedelta

from celery import shared_task
from django.utils import timezone


@shared_task(acks_late=True, soft_time_limit=1800, time_limit=2000)
def rekap_segarkan(dari: str | None = None, sampai: str | None = None) -> int:
    """Beat (every 15 minutes): today and the last three days, so late rows are counted, and
    export jobs whose message was lost; on demand: the period the dashboard shows. Idempotent."""
    from .rekap import rekap_segarkan as segarkan

    if dari is None:
        ekspor_sapu()
    hari_ini = timezone.localdate()
    akhir = date.fromisoformat(sampai) if sampai else hari_ini
    awal = date.fromisoformat(dari) if dari else hari_ini - timedelta(days=3)
    return segarkan(dari=awal, sampai=akhir)


@shared_task(acks_late=True, soft_time_limit=1800, time_limit=2000)
def ekspor_jalankan(berkas_id: int) -> str:
    from .services import ekspor_jalankan as jalankan

    return jalankan(berkas_id=berkas_id)


def ekspor_sapu() -> int:
    """Publish again the export jobs still waiting after two minutes (their message was lost, e.g.
    the broker was down): the job claims its row, so a second delivery writes nothing."""
    from .models import BerkasEkspor

    batas = timezone.now() - timedelta(minutes=2)
    ids = list(BerkasEkspor.objects.filter(status=BerkasEkspor.Status.MENUNGGU, dibuat_pada__lt=batas).values_list("pk", flat=True))
    for pk in ids:
        ekspor_jalankan.delay(pk)
    return len(ids)
