"""Numbers capil issues: the nomor akta of a new deed and the NIK of a newborn.

Both formats are national rules the portal only applies; where DOMAIN.md marks them *unverified*
the pattern lives in ``aturan.py`` (overridable in settings).
"""

from __future__ import annotations

from datetime import date

from apps.core.models import Urutan
from apps.penduduk.models import JenisKelamin, Penduduk

from . import aturan


def nomor_akta_format(*, kode: str, tanggal: date, urut: int) -> str:
    """``3575-LU-25112026-0001`` with the default pattern (*unverified*, see aturan.POLA_NOMOR_AKTA)."""
    return aturan.pola_nomor_akta().format(kota=aturan.kode_kota(), kode=kode, tanggal=tanggal, urut=urut)


def nomor_akta_berikutnya(*, jenis: str, tanggal: date) -> tuple[str, str]:
    """(type code, nomor akta) for a deed of ``jenis`` (a key of aturan.KODE_AKTA) registered on
    ``tanggal``. The serial runs per type code and calendar year, gap-free: it is drawn from
    ``core.Urutan`` inside the caller's transaction, so a rolled-back TTE gives its number back.
    """
    kode = aturan.kode_akta(jenis)
    urut = Urutan.berikutnya(f"akta:{kode}", tanggal.year)
    return kode, nomor_akta_format(kode=kode, tanggal=tanggal, urut=urut)


def nik_awalan(*, kode_kecamatan: str, tanggal_lahir: date, jenis_kelamin: str) -> str:
    """The first 12 digits of a NIK: region of first registration, then DDMMYY with 40 added to
    the day for women (DOMAIN.md "Numbers")."""
    hari = tanggal_lahir.day + (40 if jenis_kelamin == JenisKelamin.PEREMPUAN else 0)
    return f"{kode_kecamatan}{hari:02d}{tanggal_lahir:%m%y}"


def nik_berikutnya(*, kode_kecamatan: str, tanggal_lahir: date, jenis_kelamin: str) -> str:
    """The next free NIK for a person registered in ``kode_kecamatan`` (6 digits, e.g. 357501).

    The serial (last 4 digits, from 0001) is the highest one in the register for the same first
    12 digits plus one: one indexed prefix look-up. Two births of the same prefix in the same
    instant are settled by the unique NIK (the caller retries, see services).
    """
    awalan = nik_awalan(kode_kecamatan=kode_kecamatan, tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin)
    terakhir = (
        Penduduk.objects.filter(nik__startswith=awalan).order_by("-nik").values_list("nik", flat=True).first()
    )
    urut = int(terakhir[12:]) + 1 if terakhir and terakhir[12:].isdigit() else 1
    if urut > 9999:
        raise ValueError(f"Nomor urut NIK untuk awalan {awalan} sudah habis.")
    return f"{awalan}{urut:04d}"
