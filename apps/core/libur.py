"""National holidays and cuti bersama seeded by migration 0004 (kept in admin afterwards).

2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497, 2 dan 5 Tahun 2025
(17 hari libur nasional, 8 hari cuti bersama).

2027: the SKB for 2027 was not yet at hand when this list was written. Fixed-date holidays and
those computed from Easter are certain; the Islamic, Chinese, Hindu and Buddhist dates are the
expected ones and carry "(perkiraan)" in their name: the administrator corrects them in admin once
the SKB is published (the migration never overwrites an edited row).
"""

from __future__ import annotations

import datetime

D = datetime.date

LIBUR = [
    # 2026 — libur nasional
    (D(2026, 1, 1), "Tahun Baru 2026 Masehi"),
    (D(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW"),
    (D(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili"),
    (D(2026, 3, 19), "Hari Suci Nyepi Tahun Baru Saka 1948"),
    (D(2026, 3, 21), "Idulfitri 1447 Hijriah"),
    (D(2026, 3, 22), "Idulfitri 1447 Hijriah"),
    (D(2026, 4, 3), "Wafat Yesus Kristus"),
    (D(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)"),
    (D(2026, 5, 1), "Hari Buruh Internasional"),
    (D(2026, 5, 14), "Kenaikan Yesus Kristus"),
    (D(2026, 5, 27), "Iduladha 1447 Hijriah"),
    (D(2026, 5, 31), "Hari Raya Waisak 2570 BE"),
    (D(2026, 6, 1), "Hari Lahir Pancasila"),
    (D(2026, 6, 16), "1 Muharam Tahun Baru Islam 1448 Hijriah"),
    (D(2026, 8, 17), "Proklamasi Kemerdekaan"),
    (D(2026, 8, 25), "Maulid Nabi Muhammad SAW"),
    (D(2026, 12, 25), "Kelahiran Yesus Kristus"),
    # 2026 — cuti bersama
    (D(2026, 2, 16), "Cuti bersama Tahun Baru Imlek"),
    (D(2026, 3, 18), "Cuti bersama Hari Suci Nyepi"),
    (D(2026, 3, 20), "Cuti bersama Idulfitri"),
    (D(2026, 3, 23), "Cuti bersama Idulfitri"),
    (D(2026, 3, 24), "Cuti bersama Idulfitri"),
    (D(2026, 5, 15), "Cuti bersama Kenaikan Yesus Kristus"),
    (D(2026, 5, 28), "Cuti bersama Iduladha"),
    (D(2026, 12, 24), "Cuti bersama Kelahiran Yesus Kristus"),
    # 2027 — libur nasional (religious dates of the lunar calendars expected; see above)
    (D(2027, 1, 1), "Tahun Baru 2027 Masehi"),
    (D(2027, 1, 5), "Isra Mikraj Nabi Muhammad SAW (perkiraan)"),
    (D(2027, 2, 6), "Tahun Baru Imlek 2578 Kongzili (perkiraan)"),
    (D(2027, 3, 8), "Hari Suci Nyepi Tahun Baru Saka 1949 (perkiraan)"),
    (D(2027, 3, 10), "Idulfitri 1448 Hijriah (perkiraan)"),
    (D(2027, 3, 11), "Idulfitri 1448 Hijriah (perkiraan)"),
    (D(2027, 3, 26), "Wafat Yesus Kristus"),
    (D(2027, 3, 28), "Kebangkitan Yesus Kristus (Paskah)"),
    (D(2027, 5, 1), "Hari Buruh Internasional"),
    (D(2027, 5, 6), "Kenaikan Yesus Kristus"),
    (D(2027, 5, 17), "Iduladha 1448 Hijriah (perkiraan)"),
    (D(2027, 5, 20), "Hari Raya Waisak 2571 BE (perkiraan)"),
    (D(2027, 6, 1), "Hari Lahir Pancasila"),
    (D(2027, 6, 6), "1 Muharam Tahun Baru Islam 1449 Hijriah (perkiraan)"),
    (D(2027, 8, 15), "Maulid Nabi Muhammad SAW (perkiraan)"),
    (D(2027, 8, 17), "Proklamasi Kemerdekaan"),
    (D(2027, 12, 25), "Kelahiran Yesus Kristus"),
]


def isi_libur(HariLibur) -> None:
    """Seed the list (idempotent: a date already in the calendar keeps its row as edited)."""
    for tanggal, nama in LIBUR:
        HariLibur.objects.get_or_create(tanggal=tanggal, defaults={"nama": nama})
