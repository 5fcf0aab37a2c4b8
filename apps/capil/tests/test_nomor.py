"""Numbers from SIAK (issue 8 §2): the operator types the nomor akta and the newborn's NIK SIAK gave;
the portal checks their shape, that nobody else holds them, and shows its warnings to the
verifiers. Nothing outside the demo data makes a number."""

import subprocess
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.capil import nomor
from apps.capil.models import RegisterAkta, Status
from apps.capil.nomor import nomor_akta_format, periksa_nomor_akta, pola_regex
from apps.capil.services import register_akta_buat
from apps.core.workflow import AksiDitolak
from apps.dokumen.models import Dokumen

from .factories import _ke_status, kelahiran_baru
from .test_alur import aksi, data_input


@pytest.fixture
def fo(pengguna):
    return pengguna("petugas_fo")


def test_nothing_outside_the_demo_data_generates_a_number():
    assert not hasattr(nomor, "nik_berikutnya") and not hasattr(nomor, "nomor_akta_berikutnya")


def test_it_formats_the_nomor_akta_as_observed_in_kota_pasuruan():
    assert nomor_akta_format(kode="LU", tanggal=date(2026, 3, 7), urut=12) == "3575-LU-07032026-0012"
    assert pola_regex("LU").match("3575-LU-07032026-0012")
    assert not pola_regex("LU").match("3575-KM-07032026-0012")


def test_the_pattern_comes_from_settings(settings, db):
    settings.CAPIL_POLA_NOMOR_AKTA = "{kode}.{urut:05d}/{kota}/{tanggal:%Y}"
    assert pola_regex("KMT").match("KMT.00001/3575/2026")
    assert periksa_nomor_akta("KMT.00001/3575/2026", kode="KMT") == []


def test_an_old_format_is_accepted_with_a_warning(db):
    peringatan = periksa_nomor_akta("474.1/1234/2009", kode="LU")
    assert len(peringatan) == 1 and "tidak mengikuti pola" in peringatan[0]
    assert "bukan LU" in periksa_nomor_akta("3575-LT-01022026-0001", kode="LU")[0]


def _di_input(fo, keluarga, **kw):
    kk, ayah, ibu = keluarga
    return _ke_status(kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, **kw), Status.LENGKAP)


def test_a_nomor_akta_held_by_a_deed_is_refused_next_to_the_field(client, fo, pengguna, keluarga, kadis):
    lain = _ke_status(kelahiran_baru(fo=fo, keluarga=keluarga[0], ayah=keluarga[1], ibu=keluarga[2],
                                     nama_anak="KAKAK"), Status.TERVERIFIKASI)
    register_akta_buat(pencatatan=lain, pejabat=kadis.user)
    objek = _di_input(fo, keluarga)
    r = aksi(client, pengguna("operator_siak"), objek, "input_siak", {**data_input(objek), "nomor_akta": lain.nomor_akta})
    assert r.status_code == 400
    assert f"Nomor akta {lain.nomor_akta} sudah tercatat di register akta untuk akta lain." in r.content.decode()
    objek.refresh_from_db()
    assert (objek.status, objek.nomor_akta) == (Status.LENGKAP, "")


def test_a_nik_held_by_a_resident_is_refused(client, fo, pengguna, keluarga):
    objek = _di_input(fo, keluarga)
    _kk, ayah, _ibu = keluarga
    r = aksi(client, pengguna("operator_siak"), objek, "input_siak", {**data_input(objek), "nik_anak": ayah.nik})
    assert r.status_code == 400
    assert f"NIK {ayah.nik} sudah dimiliki penduduk lain ({ayah.nama})." in r.content.decode()


def test_a_nik_of_one_repeated_digit_is_refused(client, fo, pengguna, keluarga):
    objek = _di_input(fo, keluarga)
    r = aksi(client, pengguna("operator_siak"), objek, "input_siak",
             {**data_input(objek), "nik_anak": "3" * 16})
    assert r.status_code == 400
    assert "tidak sah: semua angkanya sama." in r.content.decode()


def test_nik_warnings_are_kept_and_shown_to_the_verifier(client, fo, pengguna, keluarga):
    lahir = timezone.localdate() - timedelta(days=9)
    objek = _di_input(fo, keluarga, tanggal_lahir=lahir)
    # A boy's day in the NIK of a girl born on another day: warns, does not refuse (PP 40/2019 Pasal 30(2)).
    nik = f"357501{(lahir - timedelta(days=1)).day:02d}{lahir:%m%y}0001"
    r = aksi(client, pengguna("operator_siak"), objek, "input_siak", {**data_input(objek), "nik_anak": nik})
    assert r.status_code == 302, r.content.decode()[:2000]
    objek.refresh_from_db()
    assert objek.kelahiran.nik_anak == nik
    assert any("berbeda dengan tanggal lahir" in p for p in objek.peringatan_nomor)
    assert any("laki-laki" in p for p in objek.peringatan_nomor)
    _ke_status(objek, Status.MENUNGGU_VERIFIKASI)
    client.force_login(pengguna("kasi"))
    teks = client.get(reverse("capil:pencatatansipil-detail", args=[objek.pk])).content.decode()
    assert 'id="peringatan-nomor"' in teks and "berbeda dengan tanggal lahir" in teks


def test_a_birth_reported_after_60_days_gets_the_lt_code(fo, keluarga, kadis):
    kk, ayah, ibu = keluarga
    objek = _ke_status(kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu,
                                      tanggal_lahir=timezone.localdate() - timedelta(days=61)), Status.TERVERIFIKASI)
    assert objek.melewati_batas_lapor and "-LT-" in objek.nomor_akta
    register = register_akta_buat(pencatatan=objek, pejabat=kadis.user)
    assert (register.kode, register.nomor_akta) == ("LT", objek.nomor_akta)


def test_signing_without_a_recorded_number_is_refused(fo, keluarga, kadis):
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu)
    with pytest.raises(AksiDitolak, match="Nomor akta dari SIAK belum dicatat"):
        register_akta_buat(pencatatan=objek, pejabat=kadis.user)
    assert not RegisterAkta.objects.exists()


def test_the_recorded_numbers_land_on_the_signed_kutipan(client, fo, pengguna, keluarga, kadis, passphrase,
                                                       django_capture_on_commit_callbacks):
    lahir = timezone.localdate() - timedelta(days=9)
    objek = _di_input(fo, keluarga, tanggal_lahir=lahir)
    nomor_siak, nik_siak = f"3575-LU-{timezone.localdate():%d%m%Y}-0417", f"357501{lahir.day + 40:02d}{lahir:%m%y}0023"
    r = aksi(client, pengguna("operator_siak"), objek, "input_siak",
             {**data_input(objek), "nomor_akta": nomor_siak, "nik_anak": nik_siak})
    assert r.status_code == 302, r.content.decode()[:2000]
    _ke_status(objek, Status.TERVERIFIKASI)
    objek.refresh_from_db()
    assert (objek.nomor_akta, objek.kelahiran.nik_anak) == (nomor_siak, nik_siak)
    with django_capture_on_commit_callbacks(execute=True):
        r = aksi(client, kadis.user, objek, "tandatangani", {"passphrase": passphrase})
    assert r.status_code == 302, r.content.decode()[:2000]
    kutipan = Dokumen.untuk(objek).get(jenis="akta_kelahiran")
    assert kutipan.nomor == nomor_siak
    teks = subprocess.run(["pdftotext", kutipan.berkas.path, "-"], capture_output=True, text=True, check=True).stdout
    assert nomor_siak in teks and nik_siak in teks
