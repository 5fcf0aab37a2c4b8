"""Online filing of the catalogue's online services (P.4.1 KK/KIA, P.5.1 akta) without an account:
four steps, held until the email is confirmed (nothing in the front office's queue before), then
a request like a walk-in; a return reaches the citizen by email and on the status page, where the
missing scans are re-uploaded. Bad input is answered clearly with nothing half-saved."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from apps.core.models import Lampiran
from apps.core.workflow import jalankan_aksi
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.pendaftaran.tests.factories import layanan, pdf_uji
from apps.publik import daring
from apps.publik.models import PengajuanDaring

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _bersih():
    cache.clear()
    yield
    cache.clear()


def _url(kode, langkah=""):
    nama = {"": "daring-layanan", "berkas": "daring-layanan-berkas", "periksa": "daring-layanan-periksa",
            "terkirim": "daring-layanan-terkirim"}[langkah]
    return reverse(f"publik:{nama}", args=[kode])


def _data_kk(**kw):
    data = {"nik": "3575014107900003", "nama": "SITI AMINAH", "no_kk": "3575010101200001",
            "alamat": "Jl. Hayam Wuruk 1", "email": "siti@contoh.id", "telepon": "081234567890"}
    data.update(kw)
    return data


def _berkas_wajib(lay):
    return {f"berkas_{p.pk}": pdf_uji(f"syarat{p.pk}.pdf") for p in lay.persyaratan.filter(wajib=True)}


def _ajukan(client, kode, data, berkas, capture):
    """Steps 1–3; returns the held filing and the confirmation link from the email."""
    r = client.post(_url(kode), data)
    assert r.status_code == 302, r.content.decode()[:3000]
    r = client.post(_url(kode, "berkas"), berkas)
    assert r.status_code == 302, r.content.decode()[:3000]
    p = PengajuanDaring.objects.get()
    assert "Langkah 3 dari 4" in client.get(_url(kode, "periksa")).content.decode()
    with capture(execute=True):
        r = client.post(_url(kode, "periksa"))
    assert r.status_code == 302
    html = client.get(_url(kode, "terkirim")).content.decode()
    assert "Langkah 4 dari 4" in html and p.kode_lacak in html and p.pin in html
    (surat,) = [m for m in mail.outbox if m.to == [p.email]]
    assert p.kode_lacak in surat.body and p.pin in surat.body
    tautan = next(b for b in surat.body.split() if "/daring/konfirmasi-pengajuan/" in b)
    return p, tautan


def test_catalogue_links_every_online_service_to_its_filing_page(client):
    lay = layanan("kk", "hilang")
    html = client.get(reverse("publik:layanan")).content.decode()
    for kode in ("kk-hilang", "kk-rusak", "kk-perubahan-data", "kia-hilang", "kia-rusak", "kia-perubahan-data",
                 "P.5.1-lahir", "P.5.1-kematian"):
        assert f'href="{_url(kode)}"' in html, kode
    assert 'id="ajukan-ktp-el-baru"' not in html  # a first KTP-el needs the person at the counter
    assert reverse("publik:daring-pindah-masuk") in html
    r = client.get(_url(lay.kode))
    assert r.status_code == 200 and "Langkah 1 dari 4" in r.content.decode()
    assert client.get(_url("ktp-el-baru")).status_code == 404


@pytest.mark.parametrize("kode", ["kk-perubahan-data", "kk-hilang", "kk-rusak", "kia-perubahan-data", "kia-hilang",
                                  "kia-rusak", "P.5.1-lahir", "P.5.1-kematian"])
def test_every_online_service_has_its_first_step_with_labels(client, kode):
    layanan("kk", "hilang")
    r = client.get(_url(kode))
    html = r.content.decode()
    assert r.status_code == 200 and "Langkah 1 dari 4: Data pemohon" in html and 'for="id_email"' in html
    assert "Kosongkan isian ini" in html  # the honeypot, hidden from people


def test_kk_filed_online_is_held_until_the_email_is_confirmed_then_returned_and_completed(
        client, pengguna, django_capture_on_commit_callbacks):
    lay = layanan("kk", "hilang")
    wajib = list(lay.persyaratan.filter(wajib=True))
    berkas = _berkas_wajib(lay)
    kurang = wajib[-1]
    berkas.pop(f"berkas_{kurang.pk}")
    p, tautan = _ajukan(client, lay.kode, _data_kk(), berkas, django_capture_on_commit_callbacks)

    # Held: no request, nothing in the front office's queue, the status page says what is awaited.
    assert not PermohonanDenganVerifikasi.objects.exists()
    fo = pengguna("petugas_fo")
    from django.test import Client

    petugas = Client()
    petugas.force_login(fo)
    antrian = reverse("pendaftaran:permohonandenganverifikasi-antrian")
    assert p.kode_lacak not in petugas.get(antrian).content.decode()
    r = client.post(reverse("publik:status"), {"kode": p.kode_lacak, "pin": p.pin})
    assert "menunggu konfirmasi email" in r.content.decode()

    # Opening the link asks (a mail scanner confirms nothing); the button creates the request
    # through the intake service, with the code and PIN given.
    r = client.get(tautan)
    assert 'id="tombol-konfirmasi"' in r.content.decode() and not PermohonanDenganVerifikasi.objects.exists()
    r = client.post(tautan)
    assert r.status_code == 200 and p.kode_lacak in r.content.decode()
    obj = PermohonanDenganVerifikasi.objects.get()
    assert (obj.kode_lacak, obj.pin, obj.status, obj.email, obj.dibuat_oleh) == (p.kode_lacak, p.pin, "diajukan",
                                                                                "siti@contoh.id", None)
    assert len(obj.berkas_persyaratan) == len(wajib) - 1 and obj.tenggat
    p.refresh_from_db()
    assert p.object_id == obj.pk and not Lampiran.objects.filter(object_id=p.pk, content_type__model="pengajuandaring").exists()
    client.post(tautan)  # a second click changes nothing
    assert PermohonanDenganVerifikasi.objects.count() == 1
    assert obj.kode_lacak in petugas.get(antrian).content.decode()

    # The front office returns it: the citizen gets an email and the status page with re-upload.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        jalankan_aksi(objek=obj, aksi="kembalikan", pengguna=fo, catatan=f"{kurang.nama} belum diunggah.")
    (surat,) = mail.outbox
    assert surat.to == ["siti@contoh.id"] and "belum diunggah" in surat.body and obj.kode_lacak in surat.body
    r = client.post(reverse("publik:status"), {"kode": obj.kode_lacak, "pin": obj.pin}, follow=True)
    assert 'id="tautan-lengkapi"' in r.content.decode()
    url = reverse("publik:status-lengkapi", args=[obj.kode_lacak])
    r = client.post(url, {})
    assert r.status_code == 400 and f'id="id_berkas_{kurang.pk}-galat"' in r.content.decode()
    r = client.post(url, {f"berkas_{kurang.pk}": pdf_uji("susulan.pdf")})
    assert r.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "diajukan" and obj.persyaratan_kurang() == []


def _data_lahir(kk, ayah, ibu, **kw):
    lahir = timezone.localdate() - datetime.timedelta(days=3)
    data = {
        "rincian-nama_anak": "RAFI PRATAMA", "rincian-no_kk": kk.no_kk, "rincian-ibu_nik": ibu.nik,
        "rincian-ayah_nik": ayah.nik, "rincian-jenis_kelamin": "L", "rincian-tanggal_lahir": lahir.isoformat(),
        "rincian-waktu_lahir": "07:45", "rincian-tempat_dilahirkan": "rs", "rincian-nama_tempat": "RS Purut",
        "rincian-tempat_lahir": "Pasuruan", "rincian-jenis_kelahiran": "tunggal", "rincian-kelahiran_ke": "2",
        "rincian-penolong": "bidan", "rincian-berat_gram": "3200", "rincian-panjang_cm": "50",
        "rincian-perkawinan_orang_tua": "tercatat", "rincian-bukti_kelahiran": "surat",
        "pelapor_nik": ayah.nik, "pelapor_nama": ayah.nama, "pelapor_hubungan": "Ayah kandung",
        "pelapor_telepon": "0812", "email": "ayah@contoh.id", "saksi1_nik": "3575010101800001", "saksi1_nama": "AHMAD",
        "saksi2_nik": "3575010101800002", "saksi2_nama": "DEWI",
    }
    data.update(kw)
    return data


def test_birth_filed_online_reaches_the_front_office_after_confirmation_and_is_completed_online(
        client, pengguna, django_capture_on_commit_callbacks):
    from apps.capil.models import PencatatanSipil
    from apps.capil.tests.factories import keluarga_baru, pindaian

    kk, ayah, ibu = keluarga_baru()
    berkas = {"berkas_f201": pindaian("f201.pdf"), "berkas_kk": pindaian("kk.pdf")}
    p, tautan = _ajukan(client, "P.5.1-lahir", _data_lahir(kk, ayah, ibu), berkas, django_capture_on_commit_callbacks)
    assert not PencatatanSipil.objects.exists()
    fo = pengguna("petugas_fo")
    r = client.post(tautan)
    assert r.status_code == 200, r.content.decode()[:3000]
    obj = PencatatanSipil.objects.get()
    assert (obj.kode_lacak, obj.status, obj.jenis_peristiwa, obj.kelahiran.nama_anak) == (
        p.kode_lacak, "diajukan", "kelahiran", "RAFI PRATAMA")
    assert set(obj.berkas_persyaratan) == {"f201", "kk"}
    from django.test import Client

    petugas = Client()
    petugas.force_login(fo)
    assert obj.kode_lacak in petugas.get(reverse("capil:pencatatansipil-antrian")).content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        jalankan_aksi(objek=obj, aksi="kembalikan", pengguna=fo, catatan="KTP-el orang tua belum diunggah.")
    assert any("KTP-el orang tua belum diunggah." in m.body for m in mail.outbox if m.to == ["ayah@contoh.id"])
    r = client.post(reverse("publik:status"), {"kode": obj.kode_lacak, "pin": obj.pin}, follow=True)
    assert "KTP-el orang tua belum diunggah." in r.content.decode() and 'id="tautan-lengkapi"' in r.content.decode()
    r = client.post(reverse("publik:status-lengkapi", args=[obj.kode_lacak]),
                    {"berkas_ktp_ortu": pindaian("ktp.pdf"), "berkas_surat_lahir": pindaian("surat.pdf"),
                     "berkas_buku_nikah": pindaian("nikah.pdf")})
    assert r.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "diajukan" and obj.persyaratan_kurang() == []


# -- bad input: a clear message, nothing half-saved ----------------------------------------------
def _tak_tersimpan():
    return (PengajuanDaring.objects.count(), PermohonanDenganVerifikasi.objects.count(), Lampiran.objects.count())


def _sampai_langkah_2(client, lay):
    assert client.post(_url(lay.kode), _data_kk()).status_code == 302


def test_disguised_file_is_refused_next_to_its_field_and_files_are_asked_again(client):
    lay = layanan("kk", "hilang")
    _sampai_langkah_2(client, lay)
    berkas = _berkas_wajib(lay)
    nama = next(iter(berkas))
    berkas[nama] = SimpleUploadedFile("ktp.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>",
                                      content_type="application/pdf")
    r = client.post(_url(lay.kode, "berkas"), berkas)
    html = r.content.decode()
    assert r.status_code == 400 and f'id="id_{nama}-galat"' in html and 'id="pilih-ulang"' in html
    assert _tak_tersimpan() == (0, 0, 0)


def test_oversize_upload_is_refused(client, settings):
    settings.LAMPIRAN_UKURAN_MAKS = 1024
    lay = layanan("kk", "hilang")
    _sampai_langkah_2(client, lay)
    berkas = _berkas_wajib(lay)
    nama = next(iter(berkas))
    berkas[nama] = SimpleUploadedFile("kk.pdf", b"%PDF-1.4\n" + b"0" * 4096, content_type="application/pdf")
    r = client.post(_url(lay.kode, "berkas"), berkas)
    assert r.status_code == 400 and f'id="id_{nama}-galat"' in r.content.decode()
    assert _tak_tersimpan() == (0, 0, 0)


def test_bad_data_keeps_what_was_typed_with_messages_next_to_the_fields(client):
    lay = layanan("kk", "hilang")
    r = client.post(_url(lay.kode), _data_kk(nik="12345", email=""))
    html = r.content.decode()
    assert r.status_code == 400 and "SITI AMINAH" in html and "Email wajib diisi" in html
    assert _tak_tersimpan() == (0, 0, 0)


def test_honeypot_is_answered_as_accepted_and_keeps_nothing(client):
    lay = layanan("kk", "hilang")
    r = client.post(_url(lay.kode), _data_kk(situs="http://spam.example"))
    assert r.status_code == 200 and "Permohonan terkirim" in r.content.decode()
    _sampai_langkah_2(client, lay)
    r = client.post(_url(lay.kode, "berkas"), {**_berkas_wajib(lay), "situs": "x"})
    assert r.status_code == 200
    assert _tak_tersimpan() == (0, 0, 0) and mail.outbox == []


def test_rate_limits_per_email_and_per_address(client):
    lay = layanan("kk", "hilang")
    _sampai_langkah_2(client, lay)
    for _ in range(daring.BATAS_PER_JAM):
        daring.catat("", "siti@contoh.id")
    r = client.post(_url(lay.kode, "berkas"), _berkas_wajib(lay))
    assert r.status_code == 429 and daring.PESAN_BATAS in r.content.decode()
    assert _tak_tersimpan() == (0, 0, 0)
    cache.clear()
    for _ in range(daring.BATAS_PER_JAM):
        daring.catat("127.0.0.1", "")
    r = client.post(_url(lay.kode), _data_kk(email="lain@contoh.id"))
    assert r.status_code == 429 and daring.PESAN_BATAS in r.content.decode()
    assert _tak_tersimpan() == (0, 0, 0)


def test_an_unconfirmed_or_forged_link_creates_nothing(client, django_capture_on_commit_callbacks):
    lay = layanan("kk", "hilang")
    p, tautan = _ajukan(client, lay.kode, _data_kk(), _berkas_wajib(lay), django_capture_on_commit_callbacks)
    r = client.post(tautan[:-4] + "xyz/")
    assert r.status_code == 400 and "Tautan tidak berlaku" in r.content.decode()
    assert not PermohonanDenganVerifikasi.objects.exists()
    # Not confirmed within 7 days: the link has expired.
    import time_machine

    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        r = client.post(tautan)
    assert r.status_code == 400 and not PermohonanDenganVerifikasi.objects.exists()
    p.refresh_from_db()
    assert p.object_id is None


def test_unconfirmed_filings_are_deleted_with_their_scans_after_the_link_expires(client, django_capture_on_commit_callbacks):
    from apps.publik.management.commands.bersihkan_pengajuan_daring import bersihkan_pengajuan

    lay = layanan("kk", "hilang")
    _ajukan(client, lay.kode, _data_kk(), _berkas_wajib(lay), django_capture_on_commit_callbacks)
    assert bersihkan_pengajuan() == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert bersihkan_pengajuan(sekarang=timezone.now() + datetime.timedelta(days=8)) == 1
    assert _tak_tersimpan() == (0, 0, 0)
