"""buat_register: a consistent synthetic register (families, NIK, No. KK, addresses)."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from apps.penduduk.models import Hubungan, Keluarga, Penduduk, StatusPerkawinan
from apps.penduduk.sintetis import register_buat
from apps.penduduk.validators import (
    KODE_ASAL_PANGGUNGREJO,
    KODE_PANGGUNGREJO,
    periksa_nik,
    periksa_no_kk,
    validasi_nik,
    validasi_no_kk,
)

pytestmark = pytest.mark.django_db
ACUAN = datetime.date(2026, 11, 1)
PEMEKARAN = datetime.date(2012, 1, 1)


@pytest.fixture
def register():
    register_buat(jumlah=1500, seed=42, tanggal_acuan=ACUAN)


def _umur(lahir: datetime.date) -> int:
    return ACUAN.year - lahir.year - ((ACUAN.month, ACUAN.day) < (lahir.month, lahir.day))


def test_it_creates_exactly_the_number_asked_in_families(register):
    assert Penduduk.objects.count() == 1500
    assert 300 < Keluarga.objects.count() < 700
    assert not Penduduk.objects.filter(keluarga__isnull=True).exists()


def test_every_nik_is_valid_and_consistent_with_birth_date_and_sex(register):
    for p in Penduduk.objects.all():
        validasi_nik(p.nik)
        assert periksa_nik(p.nik, tanggal_lahir=p.tanggal_lahir, jenis_kelamin=p.jenis_kelamin) == [], p.nik
        hari = p.tanggal_lahir.day + (40 if p.jenis_kelamin == "P" else 0)
        assert p.nik[6:12] == f"{hari:02d}{p.tanggal_lahir:%m%y}"
        assert p.nik[12:] != "0000"


def test_nik_prefix_is_the_kecamatan_or_for_old_panggungrejo_residents_its_old_code(register):
    lama = 0
    for p in Penduduk.objects.select_related("kelurahan"):
        kecamatan = p.kelurahan.induk_id.replace(".", "")
        if p.nik[:6] != kecamatan:
            assert kecamatan == KODE_PANGGUNGREJO and p.nik[:6] in KODE_ASAL_PANGGUNGREJO
            assert p.tanggal_lahir < PEMEKARAN
            lama += 1
    assert lama > 0


def test_every_no_kk_is_region_date_and_serial(register):
    for k in Keluarga.objects.select_related("kelurahan"):
        validasi_no_kk(k.no_kk)
        assert periksa_no_kk(k.no_kk) == []
        kecamatan = k.kelurahan.induk_id.replace(".", "")
        assert k.no_kk[:6] == kecamatan or (k.no_kk[:6] in KODE_ASAL_PANGGUNGREJO and k.tanggal_terbit < PEMEKARAN)
        assert k.no_kk[6:12] == f"{k.tanggal_terbit:%d%m%y}"
        assert k.tanggal_terbit <= ACUAN
        assert k.kelurahan.tingkat == "kelurahan"


def test_each_family_has_one_head_and_shares_its_address(register):
    for k in Keluarga.objects.prefetch_related("anggota"):
        anggota = list(k.anggota.all())
        kepala = [p for p in anggota if p.hubungan == Hubungan.KEPALA]
        assert len(kepala) == 1
        assert k.kepala_id == kepala[0].pk
        assert {(p.alamat, p.rt, p.rw, p.kelurahan_id) for p in anggota} == {(k.alamat, k.rt, k.rw, k.kelurahan_id)}
        assert 1 <= int(k.rt) <= 12 and len(k.rt) == 3


def test_marital_status_and_ages_fit_the_role(register):
    for k in Keluarga.objects.prefetch_related("anggota"):
        anggota = list(k.anggota.all())
        kepala = next(p for p in anggota if p.hubungan == Hubungan.KEPALA)
        istri = next((p for p in anggota if p.hubungan == Hubungan.ISTRI), None)
        assert _umur(kepala.tanggal_lahir) >= 19
        if istri:
            assert kepala.status_perkawinan == istri.status_perkawinan == StatusPerkawinan.KAWIN
            assert (kepala.jenis_kelamin, istri.jenis_kelamin) == ("L", "P")
        else:
            assert kepala.status_perkawinan != StatusPerkawinan.KAWIN
        ibu = istri or (kepala if kepala.jenis_kelamin == "P" else None)
        for anak in (p for p in anggota if p.hubungan == Hubungan.ANAK):
            assert anak.status_perkawinan == StatusPerkawinan.BELUM_KAWIN
            assert _umur(anak.tanggal_lahir) <= 30
            assert ibu is not None
            assert 19 <= _umur(ibu.tanggal_lahir) - _umur(anak.tanggal_lahir) <= 43
            assert anak.nama_ibu == ibu.nama
            if istri:
                assert anak.nama_ayah == kepala.nama
        for ortu in (p for p in anggota if p.hubungan == Hubungan.ORANG_TUA):
            assert ortu.nama in (kepala.nama_ayah, kepala.nama_ibu)
            assert _umur(ortu.tanggal_lahir) - _umur(kepala.tanggal_lahir) >= 19


def test_the_register_looks_like_a_population(register):
    hubungan = Counter(Penduduk.objects.values_list("hubungan", flat=True))
    assert hubungan[Hubungan.ANAK] > hubungan[Hubungan.ISTRI] > 0
    assert hubungan[Hubungan.ORANG_TUA] + hubungan[Hubungan.MERTUA] > 0
    assert Counter(Penduduk.objects.values_list("jenis_kelamin", flat=True)).keys() == {"L", "P"}
    assert len(Counter(Penduduk.objects.values_list("agama", flat=True))) >= 3
    assert Penduduk.objects.filter(nama_ayah="").count() == 0
    assert Penduduk.objects.values("kelurahan").distinct().count() >= 30
    assert all(n == n.upper() and n.strip() for n in Penduduk.objects.values_list("nama", flat=True))


def test_the_same_seed_gives_the_same_register():
    register_buat(jumlah=80, seed=9, tanggal_acuan=ACUAN)
    pertama = list(Penduduk.objects.order_by("nik").values_list("nik", "nama", "keluarga__no_kk"))
    call_command("buat_register", jumlah=80, seed=9, hapus=True, tanggal_acuan=ACUAN, stdout=StringIO())
    assert list(Penduduk.objects.order_by("nik").values_list("nik", "nama", "keluarga__no_kk")) == pertama


def test_a_second_run_continues_the_serials_without_clashing():
    register_buat(jumlah=200, seed=3, tanggal_acuan=ACUAN)
    register_buat(jumlah=200, seed=3, tanggal_acuan=ACUAN)  # same people and dates: next serials
    assert Penduduk.objects.count() == 400
    serial = Counter(nik[12:] for nik in Penduduk.objects.values_list("nik", flat=True))
    assert serial["0002"] >= 200
    for p in Penduduk.objects.all():
        assert periksa_nik(p.nik, tanggal_lahir=p.tanggal_lahir, jenis_kelamin=p.jenis_kelamin) == []


def test_the_command_prints_its_figures_and_clears_first():
    register_buat(jumlah=50, seed=1)
    out = StringIO()
    call_command("buat_register", jumlah=120, seed=2, hapus=True, stdout=out)
    teks = out.getvalue()
    assert "Register dikosongkan: 50 penduduk dihapus." in teks
    assert "Register dibuat: 120 penduduk, " in teks
    assert "baris/detik" in teks
    assert Penduduk.objects.count() == 120
