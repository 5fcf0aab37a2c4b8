"""§7 in a real browser: the register look-ups of the intake pages send the NIK by POST (never in
a URL), and still fill the form."""

import pytest
from django.urls import reverse

from apps.pendaftaran.tests.factories import layanan
from tests.conftest import masuk
from tests.test_browser_p41 import NIK, register  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _nik_di_url(permintaan: list) -> list[str]:
    return [r.url for r in permintaan if NIK in r.url]


def test_p41_intake_looks_the_nik_up_by_post(halaman, pengguna, register):  # noqa: F811
    page = halaman
    pengguna("petugas_fo")
    permintaan = []
    page.on("request", lambda r: permintaan.append(r))
    masuk(page, "petugas_fo")
    page.goto(f"{reverse('pendaftaran:baru')}?layanan={layanan('kk', 'hilang').pk}")
    page.wait_for_selector("#form-pendaftaran")
    page.fill("input[name=nik]", NIK)
    page.click("#cari-nik")
    page.wait_for_selector("text=Ditemukan di register")
    assert page.input_value("input[name=nama]") == "SITI AMINAH"
    cari = [r for r in permintaan if "cari-nik" in r.url]
    assert cari and all(r.method == "POST" for r in cari)
    assert _nik_di_url(permintaan) == []


def test_capil_intake_looks_the_nik_up_by_post(halaman, pengguna, register):  # noqa: F811
    page = halaman
    pengguna("petugas_fo")
    permintaan = []
    page.on("request", lambda r: permintaan.append(r))
    masuk(page, "petugas_fo")
    page.goto(reverse("capil:pencatatan-baru-jenis", args=["kematian"]))
    page.wait_for_selector("#form-pencatatan")
    page.fill("input[name=pelapor_nik]", NIK)
    page.dispatch_event("input[name=pelapor_nik]", "change")
    page.wait_for_selector(".nik-info:has-text('Terdaftar: SITI AMINAH')")
    assert page.input_value("input[name=pelapor_nama]") == "SITI AMINAH"
    info = [r for r in permintaan if "nik-info" in r.url]
    assert info and all(r.method == "POST" for r in info)
    assert _nik_di_url(permintaan) == []
