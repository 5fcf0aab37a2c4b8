import io

import pytest

from apps.pemanfaatan.demo import isi_demo
from apps.pemanfaatan.models import Inovasi, PerjanjianData, SnapshotDKB

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent():
    isi_demo(io.StringIO())
    isi_demo(io.StringIO())
    assert PerjanjianData.objects.count() == 3 and SnapshotDKB.objects.count() == 1 and Inovasi.objects.count() == 2
