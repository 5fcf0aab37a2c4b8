"""Uploaded scans and issued PDFs in S3-compatible object storage (django-storages), against a
local S3 server started by the test (moto's server mode): the files are in the bucket, not on the
disk; a download is checked and logged first, then answered with a presigned URL valid for minutes."""

from __future__ import annotations

import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.core.models import AksesBerkas, Lampiran
from apps.core.workflow import jalankan_aksi
from apps.dokumen.tests.conftest import PASSPHRASE, _tte_lokal, contoh, direktori_kunci, kabid  # noqa: F401
from tests.kernel_app.models import Contoh

from .s3_uji import BUCKET, klien, server_s3, storages_s3

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(scope="module")
def s3():
    with server_s3() as url:
        yield url


@pytest.fixture
def di_s3(s3, settings):
    settings.STORAGES = storages_s3(s3)
    settings.S3_URL_DETIK = 300
    return s3


def _ambil(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read()


def _lampiran(pengguna) -> Lampiran:
    objek = Contoh.objects.create(nama="Uji S3")
    jalankan_aksi(objek=objek, aksi="periksa", pengguna=pengguna("petugas_fo"),
                  lampiran=[(SimpleUploadedFile("kk.pdf", PDF), "KK")])
    return Lampiran.objects.get()


def test_uploaded_scan_is_stored_in_the_bucket_not_on_disk(di_s3, pengguna, settings):
    lampiran = _lampiran(pengguna)
    isi = klien(di_s3).get_object(Bucket=BUCKET, Key=lampiran.berkas.name)["Body"].read()
    assert isi == PDF
    assert not (settings.MEDIA_ROOT / lampiran.berkas.name).exists()


def test_download_is_checked_logged_then_presigned_for_minutes(di_s3, pengguna, client):
    lampiran = _lampiran(pengguna)
    unduh = reverse("core:lampiran-unduh", args=[lampiran.pk])

    # No login, or a role that may not open the record: no URL, no log row.
    r = client.get(unduh)
    assert r.status_code == 302 and "X-Amz-Signature" not in r["Location"]
    client.force_login(pengguna("caraka"))
    assert client.get(unduh).status_code == 403
    assert not AksesBerkas.objects.exists()

    client.force_login(pengguna("petugas_fo"))
    r = client.get(unduh)
    assert r.status_code == 302
    url = r["Location"]
    q = parse_qs(urlsplit(url).query)
    assert urlsplit(url).netloc == urlsplit(di_s3).netloc
    assert q["X-Amz-Expires"] == ["300"] and q["X-Amz-Signature"]
    assert q["response-content-disposition"] == ['inline; filename="kk.pdf"']
    assert r["Cache-Control"] == "private, no-store"
    assert AksesBerkas.objects.filter(oleh__username="petugas_fo", berkas=lampiran.berkas.name).count() == 1
    assert _ambil(url) == PDF
    # (The test server does not check signatures; MinIO and S3 refuse an unsigned or expired URL.)


def test_issued_pdf_is_stored_in_the_bucket_and_downloaded_through_the_check(
    di_s3, kabid, contoh, client, pengguna, django_capture_on_commit_callbacks  # noqa: F811
):
    from apps.dokumen.models import Dokumen
    from apps.dokumen.services import dokumen_tandatangani

    with django_capture_on_commit_callbacks(execute=True):
        dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE)
    dokumen = Dokumen.objects.get()
    assert dokumen.status == "selesai", dokumen.galat
    isi = klien(di_s3).get_object(Bucket=BUCKET, Key=dokumen.berkas.name)["Body"].read()
    assert isi.startswith(b"%PDF") and b"/ByteRange" in isi  # the signed PDF itself

    log = AksesBerkas.objects.count()
    client.force_login(pengguna("caraka"))
    assert client.get(reverse("dokumen:dokumen-unduh", args=[dokumen.pk])).status_code in (403, 404)
    assert AksesBerkas.objects.count() == log
    client.force_login(kabid.user)
    r = client.get(reverse("dokumen:dokumen-unduh", args=[dokumen.pk]))
    assert r.status_code == 302
    assert _ambil(r["Location"]) == isi
    assert AksesBerkas.objects.filter(oleh=kabid.user, berkas=dokumen.berkas.name).count() == 1


def test_local_disk_stays_the_default(pengguna, client, settings):
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    lampiran = _lampiran(pengguna)
    assert (settings.MEDIA_ROOT / lampiran.berkas.name).read_bytes() == PDF
    client.force_login(pengguna("petugas_fo"))
    r = client.get(reverse("core:lampiran-unduh", args=[lampiran.pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF
