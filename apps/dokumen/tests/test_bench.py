"""``bench_dokumen`` prints its figures and ends with the ratio line (figures are not asserted)."""

import re
from io import StringIO

from django.core.management import call_command


def test_it_prints_every_type_and_ends_with_the_ratio(db, monkeypatch, settings):
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    settings.CELERY_BROKER_URL = ""
    keluar = StringIO()
    call_command("bench_dokumen", "-n", "1", stdout=keluar)
    baris = keluar.getvalue().strip().splitlines()
    assert re.fullmatch(r"ratio: \d+\.\d\d", baris[-1])
    teks = keluar.getvalue()
    for kode in ("kk", "kia", "ktp_el_cetak", "tanda_terima", "surat"):
        assert re.search(rf"^{kode}\s", teks, re.M), kode
    assert "halaman polos WeasyPrint (satu paragraf)" in teks
    assert "halaman satu paragraf lewat pipeline portal" in teks
