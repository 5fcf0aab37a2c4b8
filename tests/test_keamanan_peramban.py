"""In Chromium: the Content-Security-Policy blocks nothing the portal itself runs (Bootstrap, htmx,
the intake look-up script), and the menu's queue counts arrive through htmx."""

import pytest

from tests.conftest import masuk
from tests.kernel_app.models import Contoh

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pages_run_under_the_csp_and_the_menu_shows_the_queue_counts(halaman, pengguna):
    pelanggaran = []
    halaman.on("console", lambda m: pelanggaran.append(m.text) if "Content Security Policy" in m.text else None)
    pengguna("petugas_fo")
    Contoh.objects.create(nama="Warga uji")

    halaman.goto("/")
    halaman.langkah("beranda-publik")
    masuk(halaman, "petugas_fo")
    # htmx replaces the placeholder with the dropdown of queues and their counts.
    halaman.wait_for_selector("#menu-antrean.dropdown")
    halaman.click("#menu-antrean .dropdown-toggle")  # Bootstrap's dropdown runs under the CSP
    item = halaman.locator("#menu-antrean a.dropdown-item[href='/uji/contoh/']")
    item.wait_for(state="visible")
    assert item.locator(".badge").first.inner_text() == "1"
    halaman.langkah("menu-antrean")

    halaman.click("#menu-layanan-baru .dropdown-toggle")
    halaman.click("#menu-layanan-baru a[href='/capil/pencatatan/baru/']")
    halaman.wait_for_url("**/capil/pencatatan/baru/")
    halaman.langkah("pencatatan-baru")
    for url in ("/capil/pencatatan/baru/kematian/", "/status/", "/verifikasi/", "/penduduk/cari/"):
        halaman.goto(url)
    assert not pelanggaran, pelanggaran
