"""penduduk:nik-info — JSON of a resident for prefilling intake forms."""

import pytest
from django.urls import reverse

from apps.penduduk.models import Penduduk
from apps.penduduk.sintetis import register_buat

pytestmark = pytest.mark.django_db
URL = reverse("penduduk:nik-info")


@pytest.fixture
def anak():
    register_buat(jumlah=40, seed=5)
    return Penduduk.objects.filter(hubungan="anak").select_related("keluarga", "kelurahan__induk").order_by("nik").first()


def test_it_returns_the_resident_for_prefill(client, pengguna, anak):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(URL, {"nik": anak.nik})
    assert r.status_code == 200
    assert r["Cache-Control"].startswith("max-age=0")
    data = r.json()
    assert data["nik"] == anak.nik
    assert data["nama"] == anak.nama
    assert data["tempat_lahir"] == anak.tempat_lahir
    assert data["tanggal_lahir"] == anak.tanggal_lahir.isoformat()
    assert data["jenis_kelamin"] == anak.jenis_kelamin
    assert data["no_kk"] == anak.keluarga.no_kk
    assert (data["alamat"], data["rt"], data["rw"]) == (anak.alamat, anak.rt, anak.rw)
    assert data["kelurahan"] == anak.kelurahan.nama
    assert data["kecamatan"] == anak.kelurahan.induk.nama
    assert data["status_hidup"] == "hidup"
    assert data["peringatan"] == []


def test_it_includes_the_nik_warnings(client, pengguna, anak):
    Penduduk.objects.filter(pk=anak.pk).update(jenis_kelamin="P" if anak.jenis_kelamin == "L" else "L")
    client.force_login(pengguna("petugas_fo"))
    data = client.post(URL, {"nik": anak.nik}).json()
    assert len(data["peringatan"]) == 1
    assert data["peringatan"][0].startswith("NIK menunjukkan")


def test_it_accepts_a_nik_typed_with_spaces(client, pengguna, anak):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(URL, {"nik": f"{anak.nik[:6]} {anak.nik[6:12]} {anak.nik[12:]}"})
    assert r.status_code == 200


def test_it_answers_404_in_indonesian_for_an_unknown_nik(client, pengguna, anak):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(URL, {"nik": "3171011708450001"})
    assert r.status_code == 404
    assert r.json()["pesan"] == "NIK 3171011708450001 tidak ditemukan di register penduduk."
    assert r.json()["peringatan"][0].startswith("Kode wilayah 317101 pada NIK tidak dikenal")


@pytest.mark.parametrize("nik", ["", "12345", "3575O11708900003", "35750117089000031"])
def test_it_answers_400_for_a_malformed_nik(client, pengguna, nik):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(URL, {"nik": nik})
    assert r.status_code == 400
    assert r.json()["pesan"].startswith("NIK harus 16 digit angka")


def test_it_requires_the_view_permission(client, pengguna, anak):
    client.force_login(pengguna("bendahara"))
    assert client.post(URL, {"nik": anak.nik}).status_code == 403


def test_it_requires_login(client, anak):
    assert client.post(URL, {"nik": anak.nik}).status_code == 302


def test_it_rejects_a_nik_in_the_query_string(client, pengguna, anak):
    """A NIK in a URL lands in access logs: the look-up is a POST only."""
    client.force_login(pengguna("petugas_fo"))
    r = client.get(URL, {"nik": anak.nik})
    assert r.status_code == 405 and anak.nama not in r.content.decode()


def test_it_runs_a_constant_number_of_queries(client, pengguna, anak, django_assert_max_num_queries):
    client.force_login(pengguna("petugas_fo"))
    client.post(URL, {"nik": anak.nik})
    # session, user, 2 permission reads, the resident with family and regions
    with django_assert_max_num_queries(5):
        assert client.post(URL, {"nik": anak.nik}).status_code == 200
