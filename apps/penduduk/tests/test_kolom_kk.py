"""The synthetic register fills the KK columns (pendidikan, golongan darah, tanggal perkawinan,
nomor akta kelahiran) without changing what a seed gives for NIKs and names."""

import datetime

import pytest

from apps.penduduk.models import Penduduk
from apps.penduduk.sintetis import register_buat

pytestmark = pytest.mark.django_db


def test_demo_residents_have_every_kk_column():
    register_buat(jumlah=200, seed=3575, tanggal_acuan=datetime.date(2026, 11, 1))
    qs = Penduduk.objects.all()
    assert not qs.filter(pendidikan="").exists()
    assert qs.exclude(golongan_darah="tidak_tahu").count() > 100
    assert qs.filter(hubungan="istri", status_perkawinan="kawin", tanggal_perkawinan__isnull=False).count() == qs.filter(
        hubungan="istri", status_perkawinan="kawin"
    ).count()
    anak = qs.filter(hubungan="anak", tanggal_lahir__year__gte=2005)
    assert anak.exists() and not anak.filter(no_akta_kelahiran="").exists()
    assert anak.first().no_akta_kelahiran.startswith("3575-LU-")
