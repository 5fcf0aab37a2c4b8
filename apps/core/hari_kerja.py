"""Working days against the holiday calendar kept in admin, and the Dinas' service hours
(service levels, auto-close; DOMAIN.md "Service levels").

Holidays and cuti bersama (``HariLibur``) are seeded for 2026 and 2027 by a data migration (SKB 3
Menteri) and kept in admin afterwards. Service hours come from ``settings.JAM_LAYANAN``
(weekday → (open, close), Monday = 0; default Monday–Thursday 08:00–15:00, Friday 08:00–13:00):
a request filed after closing time, or on a day without service, counts from the next working day.
"""

from __future__ import annotations

import datetime
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

JAM_LAYANAN_BAWAAN = {
    0: ("08:00", "15:00"),
    1: ("08:00", "15:00"),
    2: ("08:00", "15:00"),
    3: ("08:00", "15:00"),
    4: ("08:00", "13:00"),
}


def _libur(dari: date, sampai: date) -> set[date]:
    from .models import HariLibur

    return set(HariLibur.objects.filter(tanggal__range=(dari, sampai)).values_list("tanggal", flat=True))


def _jam_layanan() -> dict[int, tuple[datetime.time, datetime.time]]:
    jam = getattr(settings, "JAM_LAYANAN", None) or JAM_LAYANAN_BAWAAN
    return {int(h): (datetime.time.fromisoformat(b), datetime.time.fromisoformat(t)) for h, (b, t) in jam.items()}


def hari_kerja(tanggal: date, libur: set[date] | None = None) -> bool:
    """A day with service: a weekday of the service hours that is no holiday."""
    libur = _libur(tanggal, tanggal) if libur is None else libur
    return tanggal.weekday() in _jam_layanan() and tanggal not in libur


def tambah_hari_kerja(mulai: date, jumlah: int) -> date:
    """The date ``jumlah`` working days after ``mulai`` (days without service and holidays skipped)."""
    libur = _libur(mulai, mulai + timedelta(days=jumlah * 2 + 30))
    hari = mulai
    sisa = jumlah
    while sisa > 0:
        hari += timedelta(days=1)
        if hari_kerja(hari, libur):
            sisa -= 1
    return hari


def kurangi_hari_kerja(akhir: date, jumlah: int) -> date:
    """The date ``jumlah`` working days before ``akhir`` (what ``tambah_hari_kerja`` undoes)."""
    libur = _libur(akhir - timedelta(days=jumlah * 2 + 30), akhir)
    hari = akhir
    sisa = jumlah
    while sisa > 0:
        hari -= timedelta(days=1)
        if hari_kerja(hari, libur):
            sisa -= 1
    return hari


def hari_mulai_layanan(waktu: datetime.datetime | None = None) -> date:
    """The working day a request received at ``waktu`` (default now) counts from: that day if it
    arrived on a working day before closing time, else the next working day."""
    lokal = timezone.localtime(waktu) if waktu is not None else timezone.localtime()
    hari = lokal.date()
    jam = _jam_layanan().get(hari.weekday())
    libur = _libur(hari, hari + timedelta(days=40))
    if jam is not None and hari not in libur and lokal.time() < jam[1]:
        return hari
    hari += timedelta(days=1)
    while not hari_kerja(hari, libur):
        hari += timedelta(days=1)
    return hari
