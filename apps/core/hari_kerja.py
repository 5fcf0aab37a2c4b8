"""Working days against the holiday calendar kept in admin (service levels, DOMAIN.md)."""

from datetime import date, timedelta


def _libur(dari: date, sampai: date) -> set[date]:
    from .models import HariLibur

    return set(HariLibur.objects.filter(tanggal__range=(dari, sampai)).values_list("tanggal", flat=True))


def tambah_hari_kerja(mulai: date, jumlah: int) -> date:
    """The date ``jumlah`` working days after ``mulai`` (Saturdays, Sundays and holidays skipped)."""
    libur = _libur(mulai, mulai + timedelta(days=jumlah * 2 + 30))
    hari = mulai
    sisa = jumlah
    while sisa > 0:
        hari += timedelta(days=1)
        if hari.weekday() < 5 and hari not in libur:
            sisa -= 1
    return hari
