"""Demo data of the dashboard: the aggregates of the last 60 days, from the other apps' demo
requests (runs last: apps.dasbor comes after the process apps in INSTALLED_APPS). Idempotent."""

from datetime import timedelta

from django.utils import timezone

from .rekap import rekap_segarkan


def isi_demo(stdout) -> None:
    hari_ini = timezone.localdate()
    hari = rekap_segarkan(dari=hari_ini - timedelta(days=59), sampai=hari_ini)
    stdout.write(f"Dasbor: rekap {hari} hari diperbarui.")
