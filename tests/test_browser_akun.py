"""Logging in through the real login page as several roles in turn; each home is screenshotted."""

import pytest

from apps.akun.roles import NAMA_PERAN
from tests.conftest import masuk
from tests.kernel_app.models import Contoh

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERAN_DICOBA = ["petugas_fo", "verifikator", "kabid", "kadis", "admin"]


def test_roles_log_in_in_turn_and_see_their_home(halaman, pengguna):
    for kode in PERAN_DICOBA:
        pengguna(kode)
    Contoh.objects.create(nama="Warga uji")

    halaman.goto("/")
    assert halaman.is_visible("text=Cek status permohonan")
    halaman.langkah("beranda-publik")

    for kode in PERAN_DICOBA:
        masuk(halaman, kode)
        assert halaman.url.rstrip("/") == halaman.live_url.rstrip("/")
        assert "Selamat datang" in halaman.inner_text("h1")
        assert NAMA_PERAN[kode] in halaman.inner_text("main")
        halaman.langkah(f"beranda-{kode}")
        if kode == "petugas_fo":
            kartu = halaman.locator("a.kartu-antrian[href='/uji/contoh/']")
            assert kartu.locator(".angka").inner_text() == "1"
        # Logout is a form POST from the navigation bar.
        halaman.click("nav button:has-text('Keluar')")
        halaman.wait_for_url("**/masuk/")

    # A wrong password keeps what was typed and says why, in Indonesian.
    halaman.goto("/masuk/")
    halaman.fill("input[name=username]", "kadis")
    halaman.fill("input[name=password]", "salah")
    halaman.click("button[type=submit]")
    assert "Nama pengguna atau kata sandi salah" in halaman.inner_text("main")
    assert halaman.input_value("input[name=username]") == "kadis"
    halaman.langkah("sandi-salah")
