"""The demo hook (stable example NIKs) and bench_register."""

from io import StringIO

import pytest
from django.core.management import call_command

from apps.penduduk import demo
from apps.penduduk.models import Penduduk
from apps.penduduk.validators import periksa_nik

pytestmark = pytest.mark.django_db


def test_demo_fills_an_empty_register_and_prints_three_example_niks():
    out = StringIO()
    demo.isi_demo(out)
    assert Penduduk.objects.count() == demo.JUMLAH_DEMO
    baris = [b for b in out.getvalue().splitlines() if "Contoh NIK" in b]
    assert len(baris) == 3
    for b in baris:
        nik = b.split("Contoh NIK ")[1].split()[0]
        p = Penduduk.objects.get(nik=nik)
        assert periksa_nik(p.nik, tanggal_lahir=p.tanggal_lahir, jenis_kelamin=p.jenis_kelamin) == []


def test_demo_is_idempotent_and_its_niks_are_stable():
    pertama = StringIO()
    demo.isi_demo(pertama)
    nik = sorted(Penduduk.objects.values_list("nik", flat=True))
    kedua = StringIO()
    demo.isi_demo(kedua)
    assert sorted(Penduduk.objects.values_list("nik", flat=True)) == nik
    contoh = [b for b in pertama.getvalue().splitlines() if "Contoh NIK" in b]
    assert contoh == [b for b in kedua.getvalue().splitlines() if "Contoh NIK" in b]
    # The same seed and reference date on another machine give the same NIKs.
    Penduduk.objects.all().update(keluarga=None)
    from apps.penduduk.models import Keluarga

    Keluarga.objects.all().delete()
    Penduduk.objects.all().delete()
    ketiga = StringIO()
    demo.isi_demo(ketiga)
    assert sorted(Penduduk.objects.values_list("nik", flat=True)) == nik
    assert [b for b in ketiga.getvalue().splitlines() if "Contoh NIK" in b] == contoh


def test_bench_register_prints_figures():
    demo.isi_demo(StringIO())
    out = StringIO()
    call_command("bench_register", ulang=5, stdout=out)
    teks = out.getvalue()
    assert "Register (sqlite): 500 penduduk" in teks or "Register (postgresql): 500 penduduk" in teks
    for judul in ("Cari NIK (tepat)", "Halaman cari awal nama (4 huruf)", "No. KK + anggota"):
        assert judul in teks
    assert "ms rata-rata" in teks


def test_bench_register_on_an_empty_register_says_so():
    out = StringIO()
    call_command("bench_register", stdout=out)
    assert "Register kosong" in out.getvalue()
