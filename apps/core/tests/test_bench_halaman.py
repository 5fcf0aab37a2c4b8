"""bench_halaman runs end to end: gunicorn over the test database, every page answered as
expected, and the ratio lines the README quotes."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from conftest import layanan_tidak_tersedia

pytestmark = [pytest.mark.layanan, pytest.mark.django_db(transaction=True)]


def test_it_measures_every_page_and_prints_the_ratio_lines(monkeypatch):
    if connection.vendor != "postgresql":
        layanan_tidak_tersedia("bench_halaman diuji pada PostgreSQL (DATABASE_URL=postgres://...)")
    db = connection.settings_dict
    # The gunicorn it starts must read the database this test writes to.
    monkeypatch.setenv("DATABASE_URL", f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}"
                                       f":{db['PORT'] or 5432}/{db['NAME']}")
    out = StringIO()
    call_command("bench_halaman", "--skala", "80", "--detik", "0.4", "--klien", "1", "--pekerja", "1", stdout=out)
    teks = out.getvalue()
    assert "jawaban tak terduga" not in teks, teks
    for nama in ("status", "antrean", "beranda", "detail", "dasbor", "status-selesai", "status-cari"):
        assert re.search(rf"^ratio {nama}: \d+\.\d\d$", teks, re.M), (nama, teks)
    for nama in ("polos", "status", "antrean", "beranda", "detail", "dasbor"):
        assert re.search(rf"^  {nama} +kueri +\d+ +\d+\.\d req/s", teks, re.M), (nama, teks)
