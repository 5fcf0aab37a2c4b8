"""Working days: the 2026/2027 holiday calendar seeded by migration, service hours, counting back."""

import datetime

import pytest

from apps.core.hari_kerja import hari_mulai_layanan, kurangi_hari_kerja, tambah_hari_kerja
from apps.core.libur import LIBUR, isi_libur
from apps.core.models import HariLibur

pytestmark = pytest.mark.django_db
D = datetime.date
WIB = datetime.timezone(datetime.timedelta(hours=7))


def test_the_migration_seeds_the_holidays_and_cuti_bersama_of_2026_and_2027():
    tanggal = set(HariLibur.objects.values_list("tanggal", flat=True))
    assert {D(2026, 3, 20), D(2026, 3, 23), D(2026, 3, 24), D(2026, 12, 24), D(2026, 8, 17), D(2027, 1, 1)} <= tanggal
    assert sum(1 for t, _ in LIBUR if t.year == 2026) == 25  # 17 libur nasional + 8 cuti bersama


def test_seeding_again_keeps_what_the_administrator_edited():
    HariLibur.objects.filter(tanggal=D(2027, 3, 10)).update(nama="Idulfitri 1448 H (SKB 2027)")
    isi_libur(HariLibur)
    assert HariLibur.objects.get(tanggal=D(2027, 3, 10)).nama == "Idulfitri 1448 H (SKB 2027)"
    assert HariLibur.objects.filter(tanggal__year=2026).count() == 25


def test_working_days_skip_the_lebaran_holidays():
    # Thursday 19 March 2026 (Nyepi) → 20, 23, 24 cuti bersama, 21–22 Idulfitri: the next working day is 25 March.
    assert tambah_hari_kerja(D(2026, 3, 17), 1) == D(2026, 3, 25)
    assert kurangi_hari_kerja(D(2026, 3, 25), 1) == D(2026, 3, 17)


@pytest.mark.parametrize(
    ("waktu", "hari"),
    [
        (datetime.datetime(2026, 3, 17, 14, 0, tzinfo=WIB), D(2026, 3, 17)),
        (datetime.datetime(2026, 3, 17, 15, 0, tzinfo=WIB), D(2026, 3, 25)),  # closed at 15:00; then Nyepi and Lebaran
        (datetime.datetime(2026, 11, 27, 12, 59, tzinfo=WIB), D(2026, 11, 27)),  # Friday before 13:00
        (datetime.datetime(2026, 11, 27, 13, 0, tzinfo=WIB), D(2026, 11, 30)),  # Friday closes at 13:00
    ],
)
def test_a_request_after_closing_time_counts_from_the_next_working_day(waktu, hari):
    assert hari_mulai_layanan(waktu) == hari


def test_service_hours_come_from_settings(settings):
    settings.JAM_LAYANAN = {0: ("08:00", "12:00")}  # Mondays only, mornings
    assert hari_mulai_layanan(datetime.datetime(2026, 11, 23, 12, 30, tzinfo=WIB)) == D(2026, 11, 30)
