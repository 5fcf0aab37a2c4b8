"""§5: the verifier and the signing official preview the document (DRAF, no number, unsigned, not
stored) before they act; access as for the record, logged, never cached."""

from __future__ import annotations

import subprocess

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from apps.core.models import AksesBerkas, Urutan
from apps.dokumen.jenis import ambil_jenis
from apps.dokumen.models import Dokumen
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.pendaftaran.tests.factories import buat_permohonan

pytestmark = pytest.mark.django_db


def _teks(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def _url(objek) -> str:
    return reverse("dokumen:dokumen-pratinjau", args=[ContentType.objects.get_for_model(objek).pk, objek.pk])


@pytest.fixture
def kk():
    return buat_permohonan(PermohonanDenganVerifikasi, status="diinput")


@pytest.mark.parametrize("peran, status", [("verifikator", "diinput"), ("kabid", "terverifikasi")])
def test_the_verifier_and_the_signing_official_get_an_unnumbered_draft(client, pengguna, peran, status):
    objek = buat_permohonan(PermohonanDenganVerifikasi, status=status)
    user = pengguna(peran)
    client.force_login(user)
    detail = client.get(reverse("pendaftaran:permohonandenganverifikasi-detail", args=[objek.pk])).content.decode()
    assert _url(objek) in detail and "Pratinjau dokumen (DRAF)" in detail
    r = client.get(_url(objek))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r["Cache-Control"] == "no-store"
    teks = _teks(r.content)
    assert "DRAF" in teks and "SITI AMINAH" in teks
    # No number was drawn and none is printed; nothing is stored as an issued document.
    assert not Urutan.objects.exists() and not Dokumen.objects.exists()
    hari_ini = timezone.localdate()
    nomor_pertama = ambil_jenis(objek.jenis_dokumen_tte()).format_nomor(urut=1, tahun=hari_ini.year, bulan=hari_ini.month)
    assert nomor_pertama not in teks
    assert "nomor diberikan saat dokumen diterbitkan" in " ".join(teks.split())
    assert b"/Sig" not in r.content and b"/ByteRange" not in r.content
    akses = AksesBerkas.objects.get()
    assert akses.oleh == user and "Pratinjau" in akses.keterangan


def test_the_action_page_offers_the_preview(client, pengguna, kk):
    client.force_login(pengguna("verifikator"))
    aksi = client.get(reverse("pendaftaran:permohonandenganverifikasi-aksi", args=[kk.pk, "verifikasi"]))
    assert aksi.status_code == 200 and _url(kk) in aksi.content.decode()


@pytest.mark.parametrize("peran", ["bendahara", "caraka"])
def test_a_role_without_access_gets_no_preview(client, pengguna, kk, peran):
    client.force_login(pengguna(peran))
    assert client.get(_url(kk)).status_code in (403, 404)
    assert not AksesBerkas.objects.exists()


def test_it_requires_login_and_rejects_post(client, pengguna, kk):
    assert client.get(_url(kk)).status_code == 302
    client.force_login(pengguna("verifikator"))
    assert client.post(_url(kk)).status_code == 405


def test_a_record_that_issues_no_signed_document_has_no_preview(client, pengguna):
    from apps.pendaftaran.models import PermohonanTanpaVerifikasi

    ktp = buat_permohonan(PermohonanTanpaVerifikasi, status="lengkap")
    client.force_login(pengguna("operator_siak"))
    assert client.get(_url(ktp)).status_code == 404
    assert "Pratinjau dokumen" not in client.get(
        reverse("pendaftaran:permohonantanpaverifikasi-detail", args=[ktp.pk])
    ).content.decode()


def test_the_kadis_previews_a_kutipan_akta_without_its_nomor_akta(client, pengguna):
    """P.5.1: the nomor akta SIAK gave is on the record, but the draft carries no number."""
    from apps.capil.tests.factories import kelahiran_baru, keluarga_baru

    keluarga, ayah, ibu = keluarga_baru()
    objek = kelahiran_baru(fo=pengguna("petugas_fo"), keluarga=keluarga, ayah=ayah, ibu=ibu, status="terverifikasi")
    assert objek.nomor_akta
    client.force_login(pengguna("kadis"))
    detail = client.get(reverse("capil:pencatatansipil-detail", args=[objek.pk])).content.decode()
    assert _url(objek) in detail
    r = client.get(_url(objek))
    teks = _teks(r.content)
    assert r.status_code == 200 and "KUTIPAN AKTA KELAHIRAN" in teks and "DRAF" in teks
    assert objek.nomor_akta not in teks and not Dokumen.objects.exists()
