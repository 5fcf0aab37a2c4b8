"""The public verification page: facts of the document (masked holder), upload check, limits."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.dokumen.services import dokumen_tandatangani

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


@pytest.fixture
def dokumen(kabid, contoh, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE, kirim_email=False)
    dok.refresh_from_db()
    assert dok.status == "selesai", dok.galat
    return dok


def _url(dok):
    return f"/verifikasi/{dok.kode_verifikasi}/"


def test_it_shows_the_document_without_login(client, dokumen, kabid, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        resp = client.get(_url(dokumen))
    isi = resp.content.decode()
    assert resp.status_code == 200
    assert "Dokumen aktif" in isi
    assert dokumen.nomor in isi and dokumen.judul in isi and dokumen.sha256 in isi
    assert kabid.nama in isi and kabid.jabatan in isi
    assert "S*** A*****" in isi and "357501********03" in isi
    assert "SITI AMINAH" not in isi and "3575014107900003" not in isi


def test_a_wrong_code_gets_a_generic_message(client, dokumen):
    resp = client.get("/verifikasi/ZZZZZZZZZZZZZZZZZZZZ/")
    assert resp.status_code == 404
    assert "tidak ditemukan" in resp.content.decode()


def test_the_code_form_leads_to_the_page(client, dokumen):
    resp = client.get("/verifikasi/", {"kode": dokumen.kode_verifikasi.lower()})
    assert resp.status_code == 302 and resp["Location"] == _url(dokumen)


def test_the_issued_pdf_is_recognised(client, dokumen):
    pdf = dokumen.berkas.read()
    resp = client.post(_url(dokumen), {"berkas": SimpleUploadedFile("dok.pdf", pdf, "application/pdf")})
    isi = resp.content.decode()
    assert resp.status_code == 200
    assert "Berkas asli." in isi


def test_a_changed_pdf_is_refused(client, dokumen):
    pdf = bytearray(dokumen.berkas.read())
    i = pdf.index(b"WeasyPrint")
    pdf[i] ^= 1
    resp = client.post(_url(dokumen), {"berkas": SimpleUploadedFile("dok.pdf", bytes(pdf), "application/pdf")})
    isi = resp.content.decode()
    assert "Berkas tidak sesuai." in isi
    assert "Isi berkas berbeda" in isi and "Tanda tangan elektronik tidak sah" in isi


def test_a_pdf_signed_by_an_unknown_ca_is_not_trusted(client, dokumen, settings, tmp_path):
    from apps.dokumen.verifikasi import periksa_tanda_tangan

    settings.TTE_KEY_DIR = tmp_path  # no ca.pem: the signature is intact but not trusted
    hasil = periksa_tanda_tangan(dokumen.berkas.read())
    assert hasil[0].utuh and not hasil[0].tepercaya


def test_a_non_pdf_upload_gets_a_message_next_to_the_field(client, dokumen):
    resp = client.post(_url(dokumen), {"berkas": SimpleUploadedFile("x.pdf", b"bukan pdf", "application/pdf")})
    assert resp.status_code == 400
    assert "bukan PDF" in resp.content.decode()


def test_uploads_are_rate_limited(client, dokumen, time_machine):
    # Eleven validations of a signed PDF take seconds: the clock stands still, so that the
    # limit's one-minute window cannot turn over between them.
    time_machine.move_to(timezone.now(), tick=False)
    pdf = dokumen.berkas.read()
    for _ in range(10):
        assert client.post(_url(dokumen), {"berkas": SimpleUploadedFile("d.pdf", pdf, "application/pdf")}).status_code == 200
    resp = client.post(_url(dokumen), {"berkas": SimpleUploadedFile("d.pdf", pdf, "application/pdf")})
    assert resp.status_code == 429
    assert "Batas pemeriksaan" in resp.content.decode()
