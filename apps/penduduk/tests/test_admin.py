"""Admin of the register: indexed search, fixed-choice filters, constant queries, members inline."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.penduduk.models import Keluarga, Penduduk
from apps.penduduk.sintetis import register_buat

pytestmark = pytest.mark.django_db
DAFTAR = reverse("admin:penduduk_penduduk_changelist")
DAFTAR_KK = reverse("admin:penduduk_keluarga_changelist")


@pytest.fixture
def register():
    register_buat(jumlah=150, seed=21)


def _hasil(r) -> list:
    return list(r.context["cl"].result_list)


def test_it_finds_a_resident_by_exact_nik(admin_client, register):
    p = Penduduk.objects.order_by("nik")[7]
    assert _hasil(admin_client.get(DAFTAR, {"q": p.nik})) == [p]


def test_it_finds_residents_by_nik_prefix(admin_client, register):
    p = Penduduk.objects.order_by("nik")[7]
    hasil = _hasil(admin_client.get(DAFTAR, {"q": p.nik[:10]}))
    assert p in hasil
    assert all(x.nik.startswith(p.nik[:10]) for x in hasil)


def test_it_finds_the_members_of_a_family_by_exact_no_kk(admin_client, register):
    kk = Keluarga.objects.order_by("no_kk")[3]
    assert set(_hasil(admin_client.get(DAFTAR, {"q": kk.no_kk}))) == set(kk.anggota.all())


def test_it_finds_by_name_prefix_typed_in_lower_case(admin_client, register):
    p = Penduduk.objects.order_by("nik")[0]
    awalan = p.nama.split()[0]
    hasil = _hasil(admin_client.get(DAFTAR, {"q": awalan.lower()}))
    assert p in hasil
    assert all(x.nama.startswith(awalan) for x in hasil)


def test_families_are_found_by_no_kk_prefix_and_head_name(admin_client, register):
    kk = Keluarga.objects.select_related("kepala").order_by("no_kk")[3]
    assert kk in _hasil(admin_client.get(DAFTAR_KK, {"q": kk.no_kk[:12]}))
    assert kk in _hasil(admin_client.get(DAFTAR_KK, {"q": kk.kepala.nama}))
    assert _hasil(admin_client.get(DAFTAR_KK, {"q": kk.no_kk})) == [kk]


def test_filters_narrow_the_list(admin_client, register):
    p = Penduduk.objects.order_by("nik")[0]
    r = admin_client.get(
        DAFTAR, {"kelurahan": p.kelurahan_id, "jenis_kelamin__exact": p.jenis_kelamin, "agama__exact": p.agama, "status_hidup__exact": "hidup"}
    )
    assert r.status_code == 200
    hasil = _hasil(r)
    assert p in hasil
    assert all((x.kelurahan_id, x.jenis_kelamin, x.agama) == (p.kelurahan_id, p.jenis_kelamin, p.agama) for x in hasil)


def test_list_pages_run_a_constant_number_of_queries(admin_client):
    """The changelists cost the same over a small and a larger register (no N+1, no full count)."""

    def jumlah_kueri(url) -> int:
        admin_client.get(url)
        with CaptureQueriesContext(connection) as kueri:
            assert admin_client.get(url).status_code == 200
        return len(kueri)

    register_buat(jumlah=30, seed=1)
    kecil = (jumlah_kueri(DAFTAR), jumlah_kueri(DAFTAR_KK))
    register_buat(jumlah=200, seed=2)
    assert (jumlah_kueri(DAFTAR), jumlah_kueri(DAFTAR_KK)) == kecil


def test_family_page_lists_its_members_read_only(admin_client, register):
    kk = Keluarga.objects.order_by("no_kk")[0]
    r = admin_client.get(reverse("admin:penduduk_keluarga_change", args=[kk.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    for p in kk.anggota.all():
        assert p.nik in html
    assert 'name="anggota-0-nik"' not in html  # read-only: no inputs for members
    assert "Tambah Anggota keluarga" not in html and "Add another" not in html


def test_resident_page_shows_nik_warnings(admin_client, register):
    p = Penduduk.objects.order_by("nik")[0]
    Penduduk.objects.filter(pk=p.pk).update(jenis_kelamin="P" if p.jenis_kelamin == "L" else "L")
    r = admin_client.get(reverse("admin:penduduk_penduduk_change", args=[p.pk]))
    assert "NIK menunjukkan" in r.content.decode()


def test_resident_form_rejects_a_malformed_nik_next_to_the_field(admin_client, register):
    p = Penduduk.objects.select_related("keluarga").order_by("nik")[0]
    url = reverse("admin:penduduk_penduduk_change", args=[p.pk])
    data = {
        f.name: getattr(p, f.attname) or ""
        for f in Penduduk._meta.fields
        if f.name not in ("id", "diperbarui_pada")
    }
    data.update({"nik": "3575ABC", "tanggal_lahir": p.tanggal_lahir.isoformat(), "tanggal_meninggal": ""})
    r = admin_client.post(url, data)
    assert r.status_code == 200
    assert r.context["adminform"].form.errors["nik"] == ["NIK harus 16 digit angka; jangan ada huruf atau tanda lain."]
    assert 'value="3575ABC"' in r.content.decode()
