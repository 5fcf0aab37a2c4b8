"""The resident's page in a real browser: searched in the register (POST), opened from the result
(its URL carries the key, never the NIK), with the audited history and the way to the family."""

import pytest
from django.urls import reverse

from apps.capil.tests.factories import keluarga_baru
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.pendaftaran.tests.factories import buat_permohonan
from apps.penduduk.services import penduduk_ubah
from tests.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_verifier_searches_a_resident_and_opens_the_page_with_its_history(halaman, pengguna):
    page = halaman
    verifikator = pengguna("verifikator")
    kk, ayah, _ibu = keluarga_baru()
    sebab = buat_permohonan(PermohonanDenganVerifikasi, status="lengkap", nik=ayah.nik, nama=ayah.nama, no_kk=kk.no_kk,
                            penduduk=ayah)
    penduduk_ubah(penduduk=ayah, perubahan={"pekerjaan": "GURU"}, sebab=sebab, oleh=verifikator, alasan="KK perubahan data")
    permintaan = []
    page.on("request", lambda r: permintaan.append(r))

    masuk(page, "verifikator")
    page.goto(reverse("penduduk:cari"))
    page.fill("#id_q", ayah.nik)
    page.click("button:has-text('Cari')")
    page.wait_for_selector(f"a:has-text('{ayah.nama}')")
    page.langkah("hasil-cari")
    page.click(f"a:has-text('{ayah.nama}')")
    page.wait_for_selector("#riwayat .riwayat-register")
    page.langkah("halaman-penduduk")
    assert page.url.endswith(reverse("penduduk:detail", args=[ayah.pk]))
    riwayat = page.inner_text("#riwayat")
    assert "Karyawan swasta" in riwayat and "GURU" in riwayat and sebab.kode_lacak in riwayat
    assert ayah.nik in page.inner_text("#data-penduduk")
    # The cause opens the request's own page.
    page.click(f"#riwayat a:has-text('{sebab.kode_lacak}')")
    page.wait_for_url(f"**{reverse('pendaftaran:permohonandenganverifikasi-detail', args=[sebab.pk])}")
    page.go_back()
    page.click("#tautan-keluarga")
    page.wait_for_selector("#anggota")
    page.langkah("halaman-keluarga")
    assert "BUDI SANTOSO" in page.inner_text("#anggota") and "SITI AMINAH" in page.inner_text("#anggota")
    assert [r.url for r in permintaan if ayah.nik in r.url] == []
