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


def _dokumen_di_bucket(contoh, kabid, capture):  # noqa: F811
    from apps.dokumen.models import Dokumen
    from apps.dokumen.services import dokumen_tandatangani

    with capture(execute=True):
        dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kabid, passphrase=PASSPHRASE, kirim_email=False)
    dokumen = Dokumen.objects.get()
    assert dokumen.status == "selesai", dokumen.galat
    return dokumen


def test_printing_sends_the_pdf_from_the_bucket_to_the_print_command(
    di_s3, kabid, contoh, settings, tmp_path, django_capture_on_commit_callbacks  # noqa: F811
):
    import sys

    from apps.dokumen.models import CetakDokumen
    from apps.dokumen.services import dokumen_cetak

    dokumen = _dokumen_di_bucket(contoh, kabid, django_capture_on_commit_callbacks)
    cetakan = tmp_path / "printer.pdf"
    # The "printer" copies what it is given; the file must be the PDF in the bucket, on this host.
    settings.DOKUMEN_PERINTAH_CETAK = [sys.executable, "-c", f"import shutil, sys; shutil.copy(sys.argv[1], {str(cetakan)!r})"]
    with django_capture_on_commit_callbacks(execute=True):
        cetak = dokumen_cetak(dokumen=dokumen, oleh=kabid.user)
    cetak.refresh_from_db()
    assert cetak.status == CetakDokumen.Status.SELESAI, cetak.galat
    assert cetakan.read_bytes() == klien(di_s3).get_object(Bucket=BUCKET, Key=dokumen.berkas.name)["Body"].read()
    assert not (settings.MEDIA_ROOT / dokumen.berkas.name).exists()  # only a temporary copy, now gone
    assert AksesBerkas.objects.filter(berkas=dokumen.berkas.name, keterangan__startswith="Cetakan ke-1").count() == 1


def _umur_objek(umur: dict[str, float]):
    """berkas_di_bawah with the listed times of the given keys shifted back by hours (the test
    server stamps objects with the real clock)."""
    import datetime as dt

    import dukcapil.penyimpanan as p

    asli = p.berkas_di_bawah

    def digeser(akar, storage=None):
        hasil = asli(akar, storage)
        if hasil is None:
            return None
        return [(n, w - dt.timedelta(hours=umur.get(n, 0))) for n, w in hasil]

    return digeser


def test_nightly_orphan_pdf_clean_up_works_in_the_bucket(
    di_s3, kabid, contoh, monkeypatch, django_capture_on_commit_callbacks  # noqa: F811
):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from apps.dokumen import jobs

    dokumen = _dokumen_di_bucket(contoh, kabid, django_capture_on_commit_callbacks)
    tua = default_storage.save("dokumen/2026/01/yatim-tua.pdf", ContentFile(PDF))
    muda = default_storage.save("dokumen/2026/01/yatim-muda.pdf", ContentFile(PDF))
    monkeypatch.setattr(jobs, "berkas_di_bawah", _umur_objek({tua: 48, dokumen.berkas.name: 48}))

    assert jobs.bersihkan_pdf_yatim() == 1
    kunci = {o["Key"] for o in klien(di_s3).list_objects_v2(Bucket=BUCKET, Prefix="dokumen/").get("Contents", [])}
    assert tua not in kunci
    assert muda in kunci  # younger than a day: its job may be between writing and recording
    assert dokumen.berkas.name in kunci  # named by a document
    assert jobs.bersihkan_pdf_yatim() == 0


def test_bersihkan_berkas_removes_orphaned_scans_from_the_bucket(di_s3, pengguna, monkeypatch):
    from io import StringIO

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    import apps.core.management.commands.bersihkan_berkas as perintah

    lampiran = _lampiran(pengguna)
    yatim = default_storage.save("lampiran/2026/01/yatim.pdf", ContentFile(PDF))
    baru = default_storage.save("lampiran/2026/01/baru.pdf", ContentFile(PDF))
    monkeypatch.setattr(perintah, "berkas_di_bawah", _umur_objek({yatim: 48, lampiran.berkas.name: 48}))

    out = StringIO()
    call_command("bersihkan_berkas", "--coba", stdout=out)
    assert f"akan dihapus: {yatim}" in out.getvalue() and default_storage.exists(yatim)

    out = StringIO()
    call_command("bersihkan_berkas", stdout=out)
    assert "1 berkas yatim dihapus dari 2 berkas yang diperiksa" in out.getvalue()
    assert not default_storage.exists(yatim)
    assert default_storage.exists(baru)  # younger than a day: its transaction may still be running
    assert default_storage.exists(lampiran.berkas.name)
    assert klien(di_s3).get_object(Bucket=BUCKET, Key=lampiran.berkas.name)["Body"].read() == PDF


def test_an_empty_bucket_has_nothing_to_clean(di_s3, db):
    from io import StringIO

    from django.core.management import call_command

    from apps.dokumen import jobs

    k = klien(di_s3)
    for o in k.list_objects_v2(Bucket=BUCKET).get("Contents", []):  # left by the tests above
        k.delete_object(Bucket=BUCKET, Key=o["Key"])
    out = StringIO()
    call_command("bersihkan_berkas", stdout=out)
    assert "Tidak ada folder lampiran" in out.getvalue()
    assert jobs.bersihkan_pdf_yatim() == 0
