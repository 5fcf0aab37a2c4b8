"""§5 in a real browser: the verifier opens the DRAF preview of the KK before verifying it."""

import subprocess

import pytest
from django.urls import reverse

from apps.dokumen.models import Dokumen
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.pendaftaran.tests.factories import buat_permohonan
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_verifier_opens_the_preview_before_verifying(halaman, pengguna):
    page = halaman
    pengguna("verifikator")
    objek = buat_permohonan(PermohonanDenganVerifikasi, status="diinput")

    masuk(page, "verifikator")
    page.goto(reverse("pendaftaran:permohonandenganverifikasi-detail", args=[objek.pk]))
    page.wait_for_selector("#pratinjau-dokumen")
    assert page.get_attribute("#pratinjau-dokumen", "target") == "_blank"
    href = page.get_attribute("#pratinjau-dokumen", "href")
    # What the new tab loads, with the verifier's session.
    r = page.request.get(href)
    assert r.status == 200 and r.headers["content-type"] == "application/pdf"
    assert r.headers["cache-control"] == "no-store"
    teks = subprocess.run(["pdftotext", "-", "-"], input=r.body(), capture_output=True, check=True).stdout.decode()
    assert "DRAF" in teks and "SITI AMINAH" in teks
    page.langkah("verifikator-pratinjau")

    # The action page offers it too; then the verifier acts.
    page.click("[data-aksi=verifikasi]")
    page.wait_for_selector("button[name=kirim]")
    assert page.get_attribute("#pratinjau-dokumen", "href") == href
    page.click("button[name=kirim]")
    page.wait_for_selector("#riwayat")
    assert page.inner_text("#status").strip() == "Terverifikasi"
    objek.refresh_from_db()
    assert objek.status == "terverifikasi" and not Dokumen.objects.filter(jenis="kk").exists()
