"""Rules of P.5.1 that differ between regions or may change: read from settings, with defaults here.

Every value can be overridden in ``dukcapil/settings.py`` (or its environment) without touching
code; the names are listed below. What DOMAIN.md marks *unverified* is said so next to it.
"""

from __future__ import annotations

from django.conf import settings

# Nomor akta (*unverified*, DOMAIN.md "Numbers"): observed in Kota Pasuruan as
# ``3575-LU-DDMMYYYY-NNNN`` — kab/kota code, type code, registration date, serial. SIAK issues it;
# the number the operator types is checked against this pattern (nomor.py: a number in another
# format, e.g. an older deed's, is accepted with a warning). Placeholders: {kota}, {kode},
# {tanggal} (a date, use strftime codes), {urut} (int).
POLA_NOMOR_AKTA = "{kota}-{kode}-{tanggal:%d%m%Y}-{urut:04d}"
KODE_KOTA = "3575"

# Type codes per kind of deed (*unverified*). "kelahiran_terlambat" is a birth reported after
# the reporting window (60 days, Perpres 96/2018).
KODE_AKTA = {
    "kelahiran": "LU",
    "kelahiran_terlambat": "LT",
    "lahir_mati": "LM",
    "kematian": "KM",
    "perkawinan": "KW",
    "perceraian": "CR",
}

# Reporting windows in calendar days from the event (UU 23/2006 jo. UU 24/2013: birth 60, stillbirth
# 30, death 30, marriage 60, divorce 60 after the ruling became final).
BATAS_LAPOR_HARI = {
    "kelahiran": 60,
    "lahir_mati": 30,
    "kematian": 30,
    "perkawinan": 60,
    "perceraian": 60,
}

# Service level in working days per kind of event (DOMAIN.md: targets vary by region): the first
# values of the catalogue's P.5.1 services (syarat.isi_katalog); the administrator sets them there.
TARGET_HARI_KERJA = {
    "kelahiran": 3,
    "lahir_mati": 3,
    "kematian": 3,
    "perkawinan": 5,
    "perceraian": 5,
}


def pola_nomor_akta() -> str:
    return getattr(settings, "CAPIL_POLA_NOMOR_AKTA", POLA_NOMOR_AKTA)


def kode_kota() -> str:
    return getattr(settings, "CAPIL_KODE_KOTA", KODE_KOTA)


def kode_akta(jenis: str) -> str:
    return {**KODE_AKTA, **getattr(settings, "CAPIL_KODE_AKTA", {})}[jenis]


def batas_lapor_hari(jenis: str) -> int:
    return {**BATAS_LAPOR_HARI, **getattr(settings, "CAPIL_BATAS_LAPOR_HARI", {})}[jenis]


def target_hari_kerja(jenis: str) -> int:
    return {**TARGET_HARI_KERJA, **getattr(settings, "CAPIL_TARGET_HARI_KERJA", {})}[jenis]
