import io

import pytest

from apps.piak.demo import PERAN_DEMO, isi_demo
from apps.piak.models import Insiden, JawabanSkm, Pengaduan

pytestmark = pytest.mark.django_db


def test_the_demo_is_idempotent(pengguna):
    for kode in PERAN_DEMO:
        pengguna(kode)
    isi_demo(io.StringIO())
    isi_demo(io.StringIO())
    assert Pengaduan.objects.count() == 3 and Insiden.objects.count() == 2 and JawabanSkm.objects.count() == 3
