"""``manage.py contoh_dokumen`` writes the corrected KK (deceased left off, head first) and KIA
samples for a 3-year-old and a 10-year-old; each is read back as text."""

import datetime
import subprocess

import pytest
from django.core.management import call_command
from django.utils import timezone

from apps.pendaftaran.kia import ulang_tahun

from .factories import PASSPHRASE

pytestmark = pytest.mark.django_db


def teks(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def contoh(kabid, tmp_path):
    out = tmp_path / "contoh"
    call_command("contoh_dokumen", out=str(out), passphrase=PASSPHRASE, stdout=open("/dev/null", "w"))
    return out


def test_the_kk_sample_leaves_off_the_deceased_and_lists_the_head_first(contoh):
    isi = teks(contoh / "kk.pdf")
    assert "3575010101400001" not in isi  # SUPARMAN, deceased (still named as the head's father)
    urutan = [isi.index(n) for n in ("3575011203800001", "3575014107850002", "3575010509120003")]
    assert urutan == sorted(urutan)  # head, wife, child — not the register's NIK order
    assert "Dikeluarkan tanggal" in isi and "SLTP/sederajat" in isi and "10-06-2006" in isi


def test_the_kia_samples_of_a_3_and_a_10_year_old(contoh):
    hari_ini = timezone.localdate()
    tiga, sepuluh = teks(contoh / "kia-3-tahun.pdf"), teks(contoh / "kia.pdf")
    lahir3 = ulang_tahun(hari_ini, -3) - datetime.timedelta(days=45)
    lahir10 = ulang_tahun(hari_ini, -10) - datetime.timedelta(days=45)
    assert "ANAK CONTOH 3 TAHUN" in tiga and f"{ulang_tahun(lahir3, 5):%d-%m-%Y}" in tiga
    assert "ANAK CONTOH 10 TAHUN" in sepuluh
    assert f"{ulang_tahun(lahir10, 17) - datetime.timedelta(days=1):%d-%m-%Y}" in sepuluh
    assert "3575-LU-" in tiga and "3575-LU-" in sepuluh
