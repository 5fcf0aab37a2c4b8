"""Online filing of a catalogue service (KK hilang) in a real browser, on a phone (360 px) and on a
desktop: four steps a person can follow, no sideways scrolling, a disguised scan refused next to
its field with the files asked again, the tracking code and PIN at the end."""

import pytest
from django.core.cache import cache

from apps.pendaftaran.katalog import isi_standar_pelayanan
from apps.pendaftaran.models import Layanan
from apps.pendaftaran.tests.factories import PDF, layanan
from apps.publik.models import PengajuanDaring

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _tanpa_geser(page, lebar: int) -> None:
    """On a phone nothing makes the page scroll sideways (the desktop layout is the site's own)."""
    if lebar <= 480:
        assert page.evaluate("document.documentElement.scrollWidth") <= lebar


@pytest.mark.parametrize("lebar", [360, 1280])
def test_kk_hilang_filed_online_in_four_steps(halaman, tmp_path, lebar):
    cache.clear()  # the per-address filing limit
    halaman.set_viewport_size({"width": lebar, "height": 900})
    lay = layanan("kk", "hilang")
    isi_standar_pelayanan(Layanan)  # a transactional test's flush empties the catalogue's online flags
    pdf, palsu = tmp_path / "surat.pdf", tmp_path / "palsu.pdf"
    pdf.write_bytes(PDF)
    palsu.write_bytes(b"<!DOCTYPE html><html><script>alert(1)</script></html>")

    halaman.goto("/layanan/")
    halaman.click(f"#ajukan-{lay.kode}")
    halaman.wait_for_selector("#langkah-ke")
    assert "Langkah 1 dari 4" in halaman.inner_text("#langkah-ke")
    _tanpa_geser(halaman, lebar)
    halaman.fill("input[name=nik]", "3575014107900003")
    halaman.fill("input[name=nama]", "SITI AMINAH")
    halaman.fill("input[name=email]", "siti@contoh.id")
    halaman.click("button[type=submit]")
    halaman.wait_for_selector("input[type=file]")
    assert "Langkah 2 dari 4" in halaman.inner_text("#langkah-ke")
    _tanpa_geser(halaman, lebar)
    berkas = halaman.locator("input[type=file]")
    for i in range(berkas.count()):
        berkas.nth(i).set_input_files(str(palsu if i == 0 else pdf))
    halaman.click("button[type=submit]")
    halaman.wait_for_selector("#pilih-ulang")
    assert halaman.locator("[id$=-galat]").count() >= 1 and PengajuanDaring.objects.count() == 0
    berkas = halaman.locator("input[type=file]")
    for i in range(berkas.count()):
        berkas.nth(i).set_input_files(str(pdf))
    halaman.click("button[type=submit]")
    halaman.wait_for_selector("#ringkasan-data")
    assert "Langkah 3 dari 4" in halaman.inner_text("#langkah-ke") and "SITI AMINAH" in halaman.inner_text("#ringkasan-data")
    _tanpa_geser(halaman, lebar)
    halaman.click("button[type=submit]")
    halaman.wait_for_selector("#kode-lacak")
    p = PengajuanDaring.objects.get()
    assert "Langkah 4 dari 4" in halaman.inner_text("#langkah-ke")
    assert halaman.inner_text("#kode-lacak") == p.kode_lacak and halaman.inner_text("#pin") == p.pin
    _tanpa_geser(halaman, lebar)
    halaman.screenshot(path=f"test-artifacts/daring-kk-hilang-{lebar}.png", full_page=True)
