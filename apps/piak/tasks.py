"""Celery jobs of PIAK: they take an id and call the service (retries live here)."""

from __future__ import annotations

from celery import shared_task


@shared_task(bind=True, acks_late=True, autoretry_for=(Exception,), retry_backoff=5, retry_backoff_max=120,
             max_retries=5, soft_time_limit=60, time_limit=90)
def kirim_pemberitahuan(self, pemberitahuan_id: int) -> str:
    from .services.pemberitahuan import kirim

    return kirim(pemberitahuan_id)



@shared_task(acks_late=True, soft_time_limit=600, time_limit=660)
def undang_skm() -> int:
    """Beat: invite by email the citizens of requests finished lately to the SKM (once each)."""
    from .services.skm import skm_undang_selesai

    return skm_undang_selesai()
