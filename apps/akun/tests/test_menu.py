"""The navigation menu of templates/base.html: per role, its queues with counts, the processes it
starts, the register search, the status page and home; the public menu for visitors."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.pendaftaran.tests.factories import buat_permohonan


def _menu(client, url=None) -> str:
    html = client.get(url or reverse("publik:status")).content.decode()
    awal = html.index('id="menu-utama"')
    return html[awal:html.index("</nav>", awal)]


def test_visitors_get_the_public_menu(client, db):
    menu = _menu(client)
    assert reverse("publik:status") in menu and reverse("verifikasi:cari") in menu
    assert reverse("akun:beranda") in menu
    assert "Antrean" not in menu and "Layanan baru" not in menu


def test_front_office_sees_home_its_queues_intake_forms_search_and_status(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    menu = _menu(client)
    assert reverse("akun:beranda") in menu
    assert f'hx-get="{reverse("akun:menu-antrean")}"' in menu  # the queues with counts, loaded after the page
    assert reverse("pendaftaran:baru") in menu and reverse("capil:pencatatan-baru") in menu
    assert reverse("umum:suratmasuk-baru") not in menu
    assert f'action="{reverse("penduduk:cari")}"' in menu
    assert reverse("publik:status") in menu


def test_the_queue_menu_counts_the_users_queues(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    url = reverse("akun:menu-antrean")
    sebelum = client.get(url).context["antrian"]
    for _ in range(3):
        buat_permohonan(PermohonanDenganVerifikasi, status="diajukan")
    r = client.get(url)
    assert r.status_code == 200
    assert sum(a.jumlah for a in r.context["antrian"]) == sum(a.jumlah for a in sebelum) + 3
    html = r.content.decode()
    for a in r.context["antrian"]:
        assert a.url in html and f">{a.jumlah}<" in html
    # The same queues and counts as the home page.
    beranda = client.get(reverse("akun:beranda")).context["antrian"]
    assert [(a.url, a.jumlah) for a in beranda] == [(a.url, a.jumlah) for a in r.context["antrian"]]


def test_a_role_without_queues_gets_no_queue_menu(client, pengguna):
    client.force_login(pengguna("admin"))  # master data only: no process step
    r = client.get(reverse("akun:menu-antrean"))
    assert r.status_code == 200 and "dropdown-item" not in r.content.decode()


def test_visitors_get_no_queue_counts(client, db):
    assert client.get(reverse("akun:menu-antrean")).status_code == 302  # to the login page


def test_tata_usaha_starts_letters_and_opens_the_archive_but_not_intake(client, pengguna):
    client.force_login(pengguna("tata_usaha"))
    menu = _menu(client)
    assert reverse("umum:suratmasuk-baru") in menu and reverse("umum:arsip-cari") in menu
    assert reverse("pendaftaran:baru") not in menu
    assert reverse("penduduk:cari") not in menu  # no register access for this role


def test_kadis_has_no_citizen_intake_but_orders_letters_and_reads_the_archive(client, pengguna):
    client.force_login(pengguna("kadis"))
    menu = _menu(client)
    assert reverse("umum:arsip-cari") in menu
    assert reverse("pendaftaran:baru") not in menu and reverse("capil:pencatatan-baru") not in menu
    # The kepala OPD orders outgoing letters (P.1.2.1.1), so his "Layanan baru" menu has that.
    assert reverse("umum:suratkeluar-baru") in menu


def _kueri(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as q:
        client.get(url)
    return len(q)


@pytest.mark.parametrize("peran", ["petugas_fo", "verifikator", "kadis", "tata_usaha"])
def test_the_menu_costs_a_bounded_number_of_queries(client, pengguna, peran):
    """A page pays nothing for its menu beyond the user's roles; the counts cost the same with
    1 or 40 requests waiting."""
    client.force_login(pengguna(peran))
    halaman, antrean = reverse("publik:status"), reverse("akun:menu-antrean")
    buat_permohonan(PermohonanDenganVerifikasi, status="diajukan")
    sedikit = (_kueri(client, halaman), _kueri(client, antrean))
    for _ in range(40):
        buat_permohonan(PermohonanDenganVerifikasi, status="diajukan")
    assert (_kueri(client, halaman), _kueri(client, antrean)) == sedikit
    assert sedikit[0] <= 3  # session, user, roles
    assert sedikit[1] <= 3 + 6  # session, user, roles, at most one count per process model


def test_the_menus_register_search_posts_and_finds(client, pengguna):
    """The menu's search box sends the NIK in the body, as the register search requires."""
    from apps.penduduk.sintetis import register_buat

    register_buat(jumlah=5, seed=3)
    client.force_login(pengguna("petugas_fo"))
    menu = _menu(client)
    awal = menu.index(f'action="{reverse("penduduk:cari")}"')
    form = menu[menu.rindex("<form", 0, awal):menu.index("</form>", awal)]
    assert 'method="post"' in form and "csrfmiddlewaretoken" in form and 'name="q"' in form
    r = client.post(reverse("penduduk:cari"), {"q": "3575"})
    assert r.status_code == 200 and r.context["halaman"] is not None
