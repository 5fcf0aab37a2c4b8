"""The 403, 404, 429 and 500 pages in Bahasa Indonesia with the portal's layout, under DEBUG=False.

This module is also the URLconf of its tests: the portal's URLs plus two views that fail."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import include, path, reverse
from django_ratelimit.exceptions import Ratelimited

from apps.core.workflow import jalankan_aksi
from dukcapil.urls import handler403, handler404  # noqa: F401 - the handlers of this URLconf
from tests.kernel_app.models import Contoh


def _gagal(request):
    raise RuntimeError("kesalahan uji")


def _dibatasi(request):
    raise Ratelimited()


def _terlarang(request):
    raise PermissionDenied


urlpatterns = [
    path("uji-galat/500/", _gagal),
    path("uji-galat/429/", _dibatasi),
    path("uji-galat/403/", _terlarang),
    path("", include("dukcapil.urls")),
]

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture(autouse=True)
def _produksi(settings):
    settings.DEBUG = False


def _tata_letak(html: str) -> None:
    assert 'lang="id"' in html and "Dispendukcapil Kota Pasuruan" in html
    assert reverse("akun:beranda") in html


def test_403_shows_the_kernels_reason_in_indonesian(client, pengguna):
    verifikator = pengguna("verifikator")
    biasa = Contoh.objects.create(nama="biasa", status="terverifikasi")
    rahasia = Contoh.objects.create(nama="rahasia", status="terverifikasi")
    jalankan_aksi(objek=biasa, aksi="catat", pengguna=verifikator)
    client.force_login(verifikator)
    r = client.post(reverse("kernel_app:contoh-aksi", args=[rahasia.pk, "catat"]), {"versi": rahasia.versi})
    assert r.status_code == 403
    html = r.content.decode()
    assert "Akses ditolak" in html and "bukan bagian tugas Anda" in html
    assert "Forbidden" not in html
    _tata_letak(html)


def test_403_without_a_reason_says_so_in_indonesian(client, db):
    r = client.get("/uji-galat/403/")
    assert r.status_code == 403
    assert "Anda tidak berwenang" in r.content.decode()
    _tata_letak(r.content.decode())


def test_404_in_indonesian_without_djangos_english_message(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    r = client.get(reverse("kernel_app:contoh-detail", args=[999999]))
    assert r.status_code == 404
    html = r.content.decode()
    assert "Halaman tidak ditemukan" in html and "matches the given query" not in html
    _tata_letak(html)
    r = client.get("/tidak-ada-halaman-ini/")
    assert r.status_code == 404 and "Periksa kembali alamatnya" in r.content.decode()


def test_rate_limits_get_the_429_page(client, db):
    r = client.get("/uji-galat/429/")
    assert r.status_code == 429
    html = r.content.decode()
    assert "Terlalu banyak permintaan" in html
    _tata_letak(html)


def test_500_in_indonesian_with_the_layout(db):
    client = Client(raise_request_exception=False)
    r = client.get("/uji-galat/500/")
    assert r.status_code == 500
    html = r.content.decode()
    assert "Terjadi kesalahan pada server" in html and "Server Error" not in html
    _tata_letak(html)


def test_csrf_failure_in_indonesian(db):
    client = Client(enforce_csrf_checks=True)
    r = client.post(reverse("akun:masuk"), {"username": "x", "password": "y"})
    assert r.status_code == 403
    assert "Formulir tidak dapat diproses" in r.content.decode()
