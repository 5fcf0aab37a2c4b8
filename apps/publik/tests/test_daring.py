"""Online filing of P.4.6 without an account: the tracking code and PIN shown once and emailed;
bad input (disguised file, oversize, honeypot, rate limit) answered clearly with nothing saved."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.pendaftaran.models.pindah_masuk import PindahMasuk
from apps.pendaftaran.tests.factories import pdf_uji
from apps.pendaftaran.tests.pabrik_pindah import kantor_asal
from apps.publik import daring

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _bersih():
    cache.clear()
    yield
    cache.clear()


def _data(**kw):
    from apps.penduduk.models import Wilayah

    data = {"nik": "3507011201850001", "nama": "BUDI SANTOSO", "no_kk_asal": "3507010101200001",
            "alamat_asal": "Jl. Raya Kepanjen 5", "kantor_asal": kantor_asal().pk, "alamat_tujuan": "Jl. Hayam Wuruk 10",
            "rt": "001", "rw": "002", "kelurahan": Wilayah.objects.filter(tingkat="kelurahan").first().pk,
            "email": "budi@contoh.id", "telepon": "",
            "daftar_anggota": "3507011201850001;BUDI SANTOSO;kepala;1985-01-12;MALANG;L;islam;kawin;WIRASWASTA;ya",
            "syarat_ktp": "on", "syarat_kk": "on", "berkas_ktp": pdf_uji("ktp.pdf"), "berkas_kk": pdf_uji("kk.pdf")}
    data.update(kw)
    return data


def _url():
    return reverse("publik:daring-pindah-masuk")


def test_page_needs_no_account_and_has_labels(client):
    r = client.get(_url())
    assert r.status_code == 200
    html = r.content.decode()
    assert 'for="id_nik"' in html and "Kosongkan isian ini" in html
    assert "Langkah 1 dari 3" in html
    # Every field styled, so none is wider than a phone's screen (the family list's textarea).
    (kotak,) = re.findall(r'<textarea[^>]*name="daftar_anggota"[^>]*>', html)
    assert 'class="form-control"' in kotak


def test_filing_shows_code_and_pin_once_and_emails_them(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(_url(), _data(), follow=True)
    assert r.status_code == 200, r.content.decode()[:2000]
    obj = PindahMasuk.objects.get()
    html = r.content.decode()
    assert obj.kode_lacak in html and obj.pin in html
    assert obj.saluran == "daring" and set(obj.berkas_persyaratan) == {"ktp", "kk"}
    assert obj.status == "draf" and "Langkah terakhir" in html and "Langkah 2 dari 3" in html
    (surat,) = [m for m in mail.outbox if m.to == ["budi@contoh.id"]]
    assert obj.kode_lacak in surat.body and obj.pin in surat.body
    # Shown once only.
    assert client.get(reverse("publik:daring-terkirim")).status_code == 302

    # A forged or altered link confirms nothing.
    tautan = next(b for b in surat.body.split() if "/daring/konfirmasi/" in b)
    r = client.get(tautan[:-3] + "xx/")
    assert r.status_code == 400
    obj.refresh_from_db()
    assert obj.status == "draf"
    # Opening the link (a mail scanner does) only asks; it confirms nothing.
    r = client.get(tautan)
    html = r.content.decode()
    assert r.status_code == 200 and 'id="tombol-konfirmasi"' in html and "Langkah 3 dari 3" in html
    obj.refresh_from_db()
    assert obj.status == "draf"
    # The button (POST) moves the draft into the verifikator's queue, once.
    r = client.post(tautan)
    assert r.status_code == 200 and 'id="konfirmasi-ok"' in r.content.decode()
    obj.refresh_from_db()
    assert obj.status == "diajukan"
    client.post(tautan)
    assert 'id="konfirmasi-ok"' in client.get(tautan).content.decode()
    from apps.core.models import RiwayatStatus

    assert RiwayatStatus.objects.filter(object_id=obj.pk, aksi="konfirmasi_email").count() == 1


def test_a_draft_cannot_be_moved_on_by_staff(pengguna):
    from django.core.exceptions import PermissionDenied

    from apps.core.workflow import AksiDitolak, jalankan_aksi
    from apps.pendaftaran.tests.pabrik_pindah import buat_pindah

    obj = buat_pindah("draf")
    for peran in ("verifikator_pendataan", "petugas_fo", "kadis"):
        with pytest.raises((PermissionDenied, AksiDitolak)):
            jalankan_aksi(objek=obj, aksi="konfirmasi_email", pengguna=pengguna(peran))
        with pytest.raises((PermissionDenied, AksiDitolak)):
            jalankan_aksi(objek=obj, aksi="periksa_kepemilikan", pengguna=pengguna(peran))
    obj.refresh_from_db()
    assert obj.status == "draf"


def test_disguised_file_is_refused_next_to_the_field_and_nothing_saved(client):
    palsu = SimpleUploadedFile("ktp.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    r = client.post(_url(), _data(berkas_ktp=palsu))
    assert r.status_code == 400
    assert PindahMasuk.objects.count() == 0
    assert 'id="id_berkas_ktp-galat"' in r.content.decode()
    assert "BUDI SANTOSO" in r.content.decode()  # the input is kept


def test_oversize_file_is_refused(client, settings):
    settings.LAMPIRAN_UKURAN_MAKS = 1024
    besar = SimpleUploadedFile("kk.pdf", b"%PDF-1.4\n" + b"0" * 4096, content_type="application/pdf")
    r = client.post(_url(), _data(berkas_kk=besar))
    assert r.status_code == 400 and PindahMasuk.objects.count() == 0
    assert 'id="id_berkas_kk-galat"' in r.content.decode()


def test_honeypot_answers_as_accepted_and_stores_nothing(client):
    r = client.post(_url(), _data(situs="http://spam.example"))
    assert r.status_code == 200 and PindahMasuk.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_per_email_and_per_address(client):
    for _ in range(daring.BATAS_PER_JAM):
        daring.catat("", "budi@contoh.id")
    r = client.post(_url(), _data())
    assert r.status_code == 429 and daring.PESAN_BATAS in r.content.decode()
    assert PindahMasuk.objects.count() == 0
    cache.clear()
    for _ in range(daring.BATAS_PER_JAM):
        daring.catat("127.0.0.1", "")
    r = client.post(_url(), _data(email="lain@contoh.id"))
    assert r.status_code == 429 and PindahMasuk.objects.count() == 0


def test_bad_family_list_keeps_input_and_names_the_line(client):
    r = client.post(_url(), _data(daftar_anggota="salah"))
    assert r.status_code == 400 and "Baris 1" in r.content.decode()
    assert PindahMasuk.objects.count() == 0


def test_return_reaches_the_status_page_and_the_citizen_reuploads(client, pengguna):
    from apps.core.models import RiwayatStatus
    from apps.core.workflow import jalankan_aksi
    from apps.pendaftaran.tests.pabrik_pindah import buat_pindah

    obj = buat_pindah("diajukan", berkas_persyaratan={"ktp": None})
    jalankan_aksi(objek=obj, aksi="kembalikan", pengguna=pengguna("verifikator_pendataan"),
                  catatan="KK daerah asal belum diunggah.")
    r = client.post("/status/", {"kode": obj.kode_lacak, "pin": obj.pin}, follow=True)
    html = r.content.decode()
    assert "KK daerah asal belum diunggah." in html and 'id="tautan-lengkapi"' in html
    url = reverse("publik:status-lengkapi", args=[obj.kode_lacak])
    # Nothing uploaded: the missing mandatory scan is named, nothing changes.
    r = client.post(url, {})
    assert r.status_code == 400 and 'id="id_berkas_kk-galat"' in r.content.decode()
    obj.refresh_from_db()
    assert obj.status == "dikembalikan"
    r = client.post(url, {"berkas_kk": pdf_uji("kk.pdf")})
    assert r.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "diajukan" and obj.berkas_persyaratan.get("kk")
    assert RiwayatStatus.objects.filter(object_id=obj.pk, aksi="lengkapi_daring").exists()
    # Another browser (code not opened) cannot upload.
    from django.test import Client

    assert Client().get(url).status_code == 302


def test_follow_ups_are_listed_on_the_status_page(client):
    from apps.pendaftaran.tests.pabrik_pindah import buat_pindah

    obj = buat_pindah("selesai", permohonan_lanjutan=[
        {"model": "pendaftaran.permohonandenganverifikasi", "pk": 1, "kode_lacak": "KKX-0001",
         "dokumen": "Kartu Keluarga (KK)", "nama": "BUDI SANTOSO"}])
    r = client.post("/status/", {"kode": obj.kode_lacak, "pin": obj.pin}, follow=True)
    html = r.content.decode()
    assert 'id="permohonan-lanjutan"' in html and "KKX-0001" in html and "BUDI SANTOSO" not in html.split('id="permohonan-lanjutan"')[1][:300]
