"""The search across every process in a real browser: from the home page to the record."""

import pytest

from tests.conftest import masuk
from tests.kernel_app.models import Contoh

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_fo_finds_a_record_by_part_of_the_name_and_opens_it(halaman, pengguna):
    pengguna("petugas_fo")
    obj = Contoh.objects.create(nama="Siti Aminah")
    Contoh.objects.create(nama="Budi Santoso")
    masuk(halaman, "petugas_fo")
    halaman.fill("input[name=q][aria-label='Cari berkas di semua layanan']", "aminah")
    halaman.press("input[name=q][aria-label='Cari berkas di semua layanan']", "Enter")
    halaman.wait_for_selector("#hasil-cari")
    halaman.langkah("hasil-cari")
    teks = halaman.inner_text("#hasil-cari")
    assert obj.kode_lacak in teks and "Budi" not in teks
    halaman.click(f"text={obj.kode_lacak}")
    halaman.wait_for_selector("#riwayat")
    assert halaman.url.endswith(f"/uji/contoh/{obj.pk}/")
