"""P.4.3.1 in a real browser, on a phone (360 px) and on a desktop: an unknown NIK becomes a P.6.2
case whose tracking code the citizen is given."""

import pytest

from apps.pendaftaran.tests.pabrik_p4 import buat_perekaman
from apps.piak.models import Pengaduan
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lebar", [360, 1280])
def test_unknown_nik_becomes_a_p62_case(halaman, pengguna, lebar):
    halaman.set_viewport_size({"width": lebar, "height": 800})
    pengguna("operator_rekam")
    obj = buat_perekaman("diajukan", nik="3575019999999999")
    masuk(halaman, "operator_rekam")
    halaman.goto(f"/pendaftaran/perekaman/{obj.pk}/")
    halaman.click("[data-aksi=alihkan_pengaduan]")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    halaman.langkah(f"dialihkan-{lebar}")
    kasus = Pengaduan.objects.get(asal_id=obj.pk)
    assert kasus.kode_lacak in halaman.inner_text("#riwayat")
    obj.refresh_from_db()
    assert (obj.status, obj.kode_pengaduan) == ("dialihkan", kasus.kode_lacak)


@pytest.mark.parametrize("lebar", [360, 1280])
def test_duplicate_recording_goes_through_the_biodata_cross_check(halaman, pengguna, lebar):
    halaman.set_viewport_size({"width": lebar, "height": 800})
    pengguna("operator_rekam"), pengguna("operator_siak")
    obj = buat_perekaman("siap_rekam")
    masuk(halaman, "operator_rekam")
    halaman.goto(f"/pendaftaran/perekaman/{obj.pk}/")
    halaman.click("[data-aksi=hasil_duplikat]")
    halaman.fill("input[name=nik_duplikat]", "3575010000000009")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    masuk(halaman, "operator_siak")
    halaman.goto(f"/pendaftaran/perekaman/{obj.pk}/")
    halaman.click("[data-aksi=padan_selesai]")
    halaman.fill("textarea[name=catatan]", "NIK ganda dinonaktifkan ADB")
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#riwayat")
    halaman.langkah(f"padan-{lebar}")
    obj.refresh_from_db()
    assert (obj.status, obj.nik_duplikat) == ("prr", "3575010000000009")
