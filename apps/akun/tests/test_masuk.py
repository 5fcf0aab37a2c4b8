"""Logging in and out, and the home page each role lands on."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from apps.akun.roles import KODE_PERAN, NAMA_PERAN
from apps.akun.selectors import antrian_pengguna
from tests.kernel_app.models import Contoh

SANDI = "rahasia-uji-1"


@pytest.mark.parametrize("kode", KODE_PERAN)
def test_every_role_logs_in_and_sees_its_queues(client, pengguna, kode):
    user = pengguna(kode)
    r = client.post(reverse("akun:masuk"), {"username": kode, "password": SANDI}, follow=True)
    assert r.redirect_chain == [(reverse("akun:beranda"), 302)]
    assert r.context["user"] == user
    html = r.content.decode()
    assert "Selamat datang" in html
    assert escape(NAMA_PERAN[kode]) in html
    antrian = antrian_pengguna(user)
    assert [a.url for a in r.context["antrian"]] == [a.url for a in antrian]
    for a in antrian:
        assert f'href="{a.url}"' in html
        assert escape(a.judul) in html
    if not antrian:
        assert "Tidak ada antrean untuk peran Anda" in html


def test_home_counts_the_records_waiting_for_the_role(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    Contoh.objects.create(nama="A")
    Contoh.objects.create(nama="B")
    Contoh.objects.create(nama="C", status="lengkap")  # waiting for the verifikator, not for FO
    r = client.get(reverse("akun:beranda"))
    kartu = {a.url: a.jumlah for a in r.context["antrian"]}
    assert kartu[reverse("kernel_app:contoh-antrian")] == 2


def test_login_redirects_to_next(client, pengguna):
    pengguna("kabid")
    tujuan = reverse("kernel_app:contoh-antrian")
    r = client.post(reverse("akun:masuk"), {"username": "kabid", "password": SANDI, "next": tujuan})
    assert r.status_code == 302
    assert r["Location"] == tujuan


def test_login_ignores_an_outside_next(client, pengguna):
    pengguna("kabid")
    r = client.post(reverse("akun:masuk"), {"username": "kabid", "password": SANDI, "next": "https://contoh.invalid/"})
    assert r["Location"] == reverse("akun:beranda")


def test_wrong_password_shows_the_message_and_keeps_the_username(client, pengguna):
    pengguna("verifikator")
    r = client.post(reverse("akun:masuk"), {"username": "verifikator", "password": "salah-sandi"})
    assert r.status_code == 200
    html = r.content.decode()
    assert "Nama pengguna atau kata sandi salah" in html
    assert 'value="verifikator"' in html
    assert "salah-sandi" not in html
    assert "_auth_user_id" not in client.session


def test_inactive_account_cannot_log_in(client, pengguna):
    user = pengguna("kasi")
    user.is_active = False
    user.save(update_fields=["is_active"])
    r = client.post(reverse("akun:masuk"), {"username": "kasi", "password": SANDI})
    assert r.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logged_in_user_skips_the_login_page(client, pengguna):
    client.force_login(pengguna("kadis"))
    r = client.get(reverse("akun:masuk"))
    assert r.status_code == 302
    assert r["Location"] == reverse("akun:beranda")


def test_it_logs_out_by_post(client, pengguna):
    client.force_login(pengguna("kadis"))
    r = client.post(reverse("akun:keluar"))
    assert r.status_code == 302
    assert r["Location"] == reverse("akun:masuk")
    assert "_auth_user_id" not in client.session


def test_logout_rejects_get(client, pengguna):
    client.force_login(pengguna("kadis"))
    r = client.get(reverse("akun:keluar"))
    assert r.status_code == 405
    assert "_auth_user_id" in client.session


def test_anonymous_home_is_the_public_landing(client, db):
    r = client.get(reverse("akun:beranda"))
    assert r.status_code == 200
    assert [t.name for t in r.templates][0] == "akun/beranda_publik.html"
    html = r.content.decode()
    assert "Cek status permohonan" in html
    assert "Antrean kerja" not in html
    assert reverse("akun:masuk") in html


def test_login_page_is_in_indonesian(client, db):
    html = client.get(reverse("akun:masuk")).content.decode()
    assert "Nama pengguna" in html
    assert "Kata sandi" in html


def test_home_takes_constant_queries(client, pengguna, django_assert_max_num_queries):
    client.force_login(pengguna("petugas_fo"))
    Contoh.objects.create(nama="A")
    with django_assert_max_num_queries(30) as sedikit:
        client.get(reverse("akun:beranda"))
    for i in range(20):
        Contoh.objects.create(nama=f"W{i}")
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        client.get(reverse("akun:beranda"))
