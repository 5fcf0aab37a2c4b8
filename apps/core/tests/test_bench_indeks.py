"""``manage.py bench_indeks`` prints the same number of queries at 1 and 6 process types and leaves
the index as it found it."""

import re
from io import StringIO

from django.core.management import call_command

from apps.core.models import IndeksProses
from tests.kernel_app.models import Contoh


def test_it_prints_constant_queries_and_rolls_its_rows_back(db):
    Contoh.objects.create(nama="tetap")
    out = StringIO()
    call_command("bench_indeks", "--baris", "30", "120", "--ulang", "1", stdout=out)
    baris = [b for b in out.getvalue().splitlines() if "jenis proses" in b]
    assert len(baris) == 4
    kueri = {tuple(re.findall(r"(\d+) kueri", b)) for b in baris}
    assert kueri == {("1", "1", "1", "1")}
    assert IndeksProses.objects.count() == 1
