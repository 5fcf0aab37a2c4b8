"""Kartu Identitas Anak (Permendagri 2/2016): who may have one, until when, with a photo from when.

- under 5: valid until the 5th birthday, no photo;
- from 5: valid until the day before the 17th birthday, with a photo;
- from 17: no KIA (the person needs a KTP-el).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

UMUR_FOTO = 5
UMUR_MAKS = 17


def ulang_tahun(tanggal: datetime.date, umur: int) -> datetime.date:
    try:
        return tanggal.replace(year=tanggal.year + umur)
    except ValueError:  # 29 February → 28 February
        return tanggal.replace(year=tanggal.year + umur, day=28)


def umur(tanggal_lahir: datetime.date, pada: datetime.date | None = None) -> int:
    pada = pada or timezone.localdate()
    return pada.year - tanggal_lahir.year - ((pada.month, pada.day) < (tanggal_lahir.month, tanggal_lahir.day))


def berlaku_hingga(tanggal_lahir: datetime.date, terbit: datetime.date) -> datetime.date:
    """The last day a KIA issued on ``terbit`` is valid."""
    if umur(tanggal_lahir, terbit) < UMUR_FOTO:
        return ulang_tahun(tanggal_lahir, UMUR_FOTO)
    return ulang_tahun(tanggal_lahir, UMUR_MAKS) - datetime.timedelta(days=1)


def tanggal_lahir_dari_nik(nik: str) -> datetime.date | None:
    """The birth date a well-formed NIK encodes (the century chosen so the date is not in the future)."""
    from apps.penduduk.validators import tanggal_nik

    try:
        hari, bulan, tahun2, jk = tanggal_nik(nik)
    except (ValueError, IndexError):
        return None
    if jk is None:
        return None
    hari_ini = timezone.localdate()
    for abad in (2000, 1900):
        try:
            t = datetime.date(abad + tahun2, bulan, hari)
        except ValueError:
            return None
        if t <= hari_ini:
            return t
    return None


def umur_pemohon(nik: str) -> tuple[int | None, bool]:
    """(age today, from the register?) of the person with ``nik``: the register's birth date, else
    the NIK's."""
    from apps.penduduk.selectors import penduduk_dari_nik

    p = penduduk_dari_nik(nik)
    if p is not None:
        return umur(p.tanggal_lahir), True
    lahir = tanggal_lahir_dari_nik(nik)
    return (umur(lahir), False) if lahir else (None, False)
