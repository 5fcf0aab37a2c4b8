"""Scheduled tasks of P.7 (CELERY_BEAT_SCHEDULE in settings)."""

from celery import shared_task


@shared_task(acks_late=True, soft_time_limit=300, time_limit=600)
def peringatan_perjanjian() -> dict:
    """Expiry warnings of data-access agreements (H-90, H-30, H-7), once per threshold; expired
    agreements marked. Safe to run any number of times a day."""
    from .services import peringatan_jalankan

    return peringatan_jalankan()
