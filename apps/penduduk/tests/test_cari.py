"""penduduk:cari — the register look-up page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.penduduk.models import Penduduk
from apps.penduduk.sintetis import register_buat

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    register_buat(jumlah=60, seed=7)
    return Penduduk.objects.order_by("nik")


def test_it_finds_a_resident_by_nik(client, pengguna, register):
    p = register.first()
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("penduduk:cari"), {"q": p.nik})
    assert r.status_code == 200
    assert list(r.context["halaman"]) == [p]


def test_it_finds_the_whole_family_by_no_kk(client, pengguna, register):
    p = register.filter(hubungan="kepala").first()
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("penduduk:cari"), {"q": p.keluarga.no_kk})
    assert set(r.context["halaman"]) == set(p.keluarga.anggota.all())


def test_it_finds_by_name_prefix_whatever_the_case(client, pengguna, register):
    p = register.first()
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("penduduk:cari"), {"q": p.nama[:3].lower()})
    assert p in list(r.context["halaman"]) or r.context["halaman"].paginator.count > 25
    assert all(x.nama.startswith(p.nama[:3]) for x in r.context["halaman"])


def test_it_requires_the_view_permission(client, pengguna, register):
    client.force_login(pengguna("bendahara"))
    r = client.post(reverse("penduduk:cari"), {"q": register.first().nik})
    assert r.status_code == 403


def test_it_requires_login(client, register):
    r = client.post(reverse("penduduk:cari"), {"q": "A"})
    assert r.status_code == 302


def test_it_runs_a_constant_number_of_queries(client, pengguna, django_assert_max_num_queries):
    """A full result page costs the same queries over a small and a four times larger register."""
    client.force_login(pengguna("petugas_fo"))
    url = reverse("penduduk:cari")

    def jumlah_kueri() -> int:
        client.get(url)  # session and permission caches warm
        with CaptureQueriesContext(connection) as kueri:
            r = client.post(url, {"q": "3575"})  # every NIK starts so: a full page of 25
        assert r.status_code == 200
        assert len(r.context["halaman"]) == 25
        return len(kueri)

    register_buat(jumlah=40, seed=11)
    kecil = jumlah_kueri()
    register_buat(jumlah=120, seed=12)
    assert jumlah_kueri() == kecil
    # session, user, 2 permission reads, the KK prefix, count, page
    with django_assert_max_num_queries(7):
        client.post(url, {"q": "A"})


def test_it_pages_and_says_when_there_are_too_many_results(client, pengguna, monkeypatch):
    from apps.penduduk.views import PaginatorTerbatas

    register_buat(jumlah=80, seed=13)
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("penduduk:cari"), {"q": "3575"})
    html = r.content.decode()
    assert "80 hasil." in html
    assert 'name="page" value="2"' in html and "?q=" not in html  # pages are POSTs too
    monkeypatch.setattr(PaginatorTerbatas, "batas", 50)
    r = client.post(reverse("penduduk:cari"), {"q": "3575", "page": "2"})
    assert "Lebih dari 50 hasil; persempit pencarian" in r.content.decode()
    assert len(r.context["halaman"]) == 25


def test_a_get_with_a_nik_is_refused_and_the_form_posts(client, pengguna, register):
    """A NIK in a URL lands in access logs: the search is a POST; a GET only shows the form."""
    p = register.first()
    client.force_login(pengguna("petugas_fo"))
    r = client.get(reverse("penduduk:cari"), {"q": p.nik})
    assert r.status_code == 405 and p.nama not in r.content.decode()
    kosong = client.get(reverse("penduduk:cari")).content.decode()
    assert '<form method="post"' in kosong and 'name="q"' in kosong
