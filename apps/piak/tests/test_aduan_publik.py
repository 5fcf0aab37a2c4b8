"""The public complaint form resists abuse and keeps what was typed on an error."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.piak.models import Pengaduan

from .factories import berkas_png

pytestmark = pytest.mark.django_db
URL = "/piak/aduan/"


def _data(**ubah):
    d = {"jenis": "pengaduan", "nama": "Rina Wati", "nik": "", "email": "rina@contoh.id", "telepon": "",
         "isi": "Akta kelahiran anak saya belum terbit.", "situs": ""}
    d.update(ubah)
    return d


def test_the_url_is_public():
    assert reverse("piak:aduan-publik") == URL


def test_it_files_and_shows_code_and_pin_once(client):
    r = client.post(URL, _data())
    assert r.status_code == 302
    objek = Pengaduan.objects.get()
    assert objek.saluran == "web" and objek.dibuat_oleh is None
    halaman = client.get(r.url)
    assert objek.kode_lacak.encode() in halaman.content and objek.pin.encode() in halaman.content
    assert client.get(r.url).status_code == 302  # the receipt is shown once


def test_an_error_keeps_what_was_typed(client):
    r = client.post(URL, _data(nik="12345", isi="Isi yang cukup panjang untuk diterima."))
    assert r.status_code == 400
    assert b"NIK terdiri dari 16 angka" in r.content
    assert b"Isi yang cukup panjang untuk diterima." in r.content and b"Rina Wati" in r.content
    assert not Pengaduan.objects.exists()


def test_the_honeypot_stores_nothing(client):
    r = client.post(URL, _data(situs="http://spam.example"))
    assert r.status_code == 200 and not Pengaduan.objects.exists()


def test_it_limits_filings_per_address(client, settings):
    settings.PIAK_BATAS_ADUAN_PER_JAM = 2
    assert client.post(URL, _data()).status_code == 302
    assert client.post(URL, _data()).status_code == 302
    r = client.post(URL, _data(isi="Kiriman ketiga dari alamat yang sama."))
    assert r.status_code == 429 and b"Kiriman ketiga" in r.content
    assert Pengaduan.objects.count() == 2


def test_it_refuses_a_text_too_long(client):
    r = client.post(URL, _data(isi="a" * 4001))
    assert r.status_code == 400 and not Pengaduan.objects.exists()
    assert b"4000" in r.content and b"Rina Wati" in r.content and b"rina@contoh.id" in r.content


def test_it_refuses_a_large_attachment(client):
    besar = SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024 + 10) + b"\n%%EOF\n",
                               content_type="application/pdf")
    r = client.post(URL, {**_data(), "lampiran": besar})
    assert r.status_code == 400 and not Pengaduan.objects.exists()
    assert b"Akta kelahiran anak saya belum terbit." in r.content


def test_a_screenshot_is_kept(client):
    r = client.post(URL, {**_data(), "lampiran": berkas_png()})
    assert r.status_code == 302
    from apps.core.workflow import lampiran_dari

    assert lampiran_dari(Pengaduan.objects.get()).count() == 1


def test_an_email_is_required_for_the_answer(client):
    r = client.post(URL, _data(email=""))
    assert r.status_code == 400 and not Pengaduan.objects.exists()
