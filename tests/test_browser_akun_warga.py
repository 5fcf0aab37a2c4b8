"""A citizen's account in a real browser, on a phone (360 px) and on a desktop: a request filed with
the citizen's email exists; the citizen signs up, opens the verification link from the email (read
from a real SMTP server), logs in, sees "Permohonan saya" with the name and NIK masked, opens the
request's status page without the PIN and logs out; then forgets the password, sets a new one from
the emailed link, and the old password no longer opens the account. No sideways scrolling on the
phone."""

import re

import pytest
from django.core.cache import cache

from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.pendaftaran.tests.factories import buat_permohonan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "siti@contoh.id"
SANDI = "Kopi-Tubruk-2026"


def _tanpa_geser(page, lebar: int) -> None:
    if lebar <= 480:
        assert page.evaluate("document.documentElement.scrollWidth") <= lebar


def _tautan(server_smtp, pola: str) -> str:
    surat = [m for m in server_smtp.pesan if EMAIL in m.penerima]
    assert surat, "no email to the citizen"
    isi = surat[-1].get_body(preferencelist=("plain",)).get_content()
    return re.search(rf"https?://\S+{pola}\S+/", isi).group(0)


def _masuk_warga(page, sandi: str) -> None:
    page.goto("/warga/masuk/")
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=kata_sandi]", sandi)
    page.click("button[name=masuk]")


@pytest.mark.parametrize("lebar", [360, 1280])
def test_citizen_signs_up_sees_own_requests_masked_and_resets_the_password(halaman, settings, server_smtp, lebar):
    server_smtp.pakai_di(settings)
    cache.clear()  # the per-address limits
    halaman.set_viewport_size({"width": lebar, "height": 900})
    p = buat_permohonan(PermohonanDenganVerifikasi, nama="SITI AMINAH", nik="3575014107900003", email=EMAIL)

    # 1. Sign up; the verification link comes by email.
    halaman.goto("/warga/daftar/")
    _tanpa_geser(halaman, lebar)
    halaman.fill("input[name=nama]", "Siti Aminah")
    halaman.fill("input[name=email]", EMAIL)
    halaman.fill("input[name=kata_sandi]", SANDI)
    halaman.fill("input[name=kata_sandi2]", SANDI)
    halaman.click("button[name=daftar]")
    halaman.wait_for_selector("#perlu-konfirmasi")
    halaman.langkah("daftar")
    halaman.goto(_tautan(server_smtp, "/warga/verifikasi/"))
    halaman.wait_for_selector("#akun-aktif")
    _tanpa_geser(halaman, lebar)

    # 2. Log in: "Permohonan saya" lists the request, masked.
    _masuk_warga(halaman, SANDI)
    halaman.wait_for_selector("#permohonan-saya")
    _tanpa_geser(halaman, lebar)
    daftar = halaman.inner_text("#permohonan-saya")
    assert p.kode_lacak in daftar and "S*** A*****" in daftar and "357501********03" in daftar
    assert "SITI AMINAH" not in daftar and "3575014107900003" not in daftar
    halaman.langkah("permohonan saya")

    # 3. Its status page opens without the PIN.
    halaman.click(f"#permohonan-saya a[href*='{p.kode_lacak}']")
    halaman.wait_for_selector("#linimasa", state="attached")  # a factory-made request has no entries yet
    assert halaman.locator("input[name=pin]").count() == 0 and p.kode_lacak in halaman.url
    _tanpa_geser(halaman, lebar)
    halaman.langkah("status tanpa PIN")

    # 4. Log out: the list asks for a log-in again.
    halaman.goto("/warga/permohonan/")
    halaman.click("button[name=keluar]")
    halaman.wait_for_selector("button[name=masuk]")
    halaman.goto("/warga/permohonan/")
    halaman.wait_for_selector("button[name=masuk]")

    # 5. Forgotten password: a reset link by email, a new password, the old one fails.
    halaman.click("#tautan-lupa")
    halaman.fill("input[name=email]", EMAIL)
    halaman.click("button[name=kirim]")
    halaman.wait_for_selector("#tautan-terkirim")
    _tanpa_geser(halaman, lebar)
    halaman.goto(_tautan(server_smtp, "/warga/atur-sandi/"))
    halaman.fill("input[name=kata_sandi]", "12345678")
    halaman.fill("input[name=kata_sandi2]", "12345678")
    halaman.click("button[name=simpan]")
    halaman.wait_for_selector(".invalid-feedback")
    _tanpa_geser(halaman, lebar)
    halaman.fill("input[name=kata_sandi]", "Teh-Poci-2027")
    halaman.fill("input[name=kata_sandi2]", "Teh-Poci-2027")
    halaman.click("button[name=simpan]")
    halaman.wait_for_selector("#sandi-diganti")
    halaman.langkah("sandi diganti")
    _masuk_warga(halaman, SANDI)
    halaman.wait_for_selector("#pesan-akun")
    _masuk_warga(halaman, "Teh-Poci-2027")
    halaman.wait_for_selector("#permohonan-saya")
