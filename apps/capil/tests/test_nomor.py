"""Nomor akta (format, gap-free yearly serial per type code, LT for a late birth) and the NIK of a
newborn."""

from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from apps.capil.nomor import nik_awalan, nik_berikutnya, nomor_akta_berikutnya, nomor_akta_format
from apps.capil.services import register_akta_buat
from apps.penduduk.validators import periksa_nik

from .factories import kelahiran_baru, penduduk_baru


def test_it_formats_the_nomor_akta_as_observed_in_kota_pasuruan():
    assert nomor_akta_format(kode="LU", tanggal=date(2026, 3, 7), urut=12) == "3575-LU-07032026-0012"


def test_pattern_and_codes_come_from_settings(settings, db):
    settings.CAPIL_POLA_NOMOR_AKTA = "{kode}.{urut:05d}/{kota}/{tanggal:%Y}"
    settings.CAPIL_KODE_AKTA = {"kematian": "KMT"}
    assert nomor_akta_berikutnya(jenis="kematian", tanggal=date(2026, 1, 2)) == ("KMT", "KMT.00001/3575/2026")


def test_serials_have_no_gaps_run_per_code_and_restart_each_year(db):
    hari = date(2026, 11, 25)
    nomor = [nomor_akta_berikutnya(jenis="kelahiran", tanggal=hari)[1] for _ in range(3)]
    assert nomor == ["3575-LU-25112026-0001", "3575-LU-25112026-0002", "3575-LU-25112026-0003"]
    assert nomor_akta_berikutnya(jenis="kematian", tanggal=hari)[1] == "3575-KM-25112026-0001"
    assert nomor_akta_berikutnya(jenis="kelahiran", tanggal=date(2027, 1, 2))[1] == "3575-LU-02012027-0001"


def test_a_rolled_back_signing_gives_its_number_back(db):
    hari = date(2026, 11, 25)
    with pytest.raises(RuntimeError), transaction.atomic():
        nomor_akta_berikutnya(jenis="kelahiran", tanggal=hari)
        raise RuntimeError("passphrase salah")
    assert nomor_akta_berikutnya(jenis="kelahiran", tanggal=hari)[1] == "3575-LU-25112026-0001"


def test_a_birth_reported_on_time_gets_lu(pengguna, keluarga, kadis):
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=pengguna("petugas_fo"), keluarga=kk, ayah=ayah, ibu=ibu,
                           tanggal_lahir=timezone.localdate() - timedelta(days=60))
    assert not objek.melewati_batas_lapor
    assert register_akta_buat(pencatatan=objek, pejabat=kadis.user).kode == "LU"


def test_a_birth_reported_after_60_days_gets_lt(pengguna, keluarga, kadis):
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=pengguna("petugas_fo"), keluarga=kk, ayah=ayah, ibu=ibu,
                           tanggal_lahir=timezone.localdate() - timedelta(days=61))
    assert objek.melewati_batas_lapor
    register = register_akta_buat(pencatatan=objek, pejabat=kadis.user)
    assert register.kode == "LT"
    assert register.nomor_akta == f"3575-LT-{timezone.localdate():%d%m%Y}-0001"


def test_nik_prefix_adds_40_to_the_day_for_girls():
    assert nik_awalan(kode_kecamatan="357502", tanggal_lahir=date(2026, 11, 5), jenis_kelamin="L") == "357502051126"
    assert nik_awalan(kode_kecamatan="357502", tanggal_lahir=date(2026, 11, 5), jenis_kelamin="P") == "357502451126"


def test_nik_takes_the_next_free_serial_of_its_prefix(keluarga):
    lahir = date(2026, 11, 5)
    assert nik_berikutnya(kode_kecamatan="357501", tanggal_lahir=lahir, jenis_kelamin="P") == "3575014511260001"
    for urut in (1, 7):
        penduduk_baru(nik=f"35750145112600{urut:02d}", nama=f"BAYI {urut}", jenis_kelamin="P", tanggal_lahir=lahir)
    nik = nik_berikutnya(kode_kecamatan="357501", tanggal_lahir=lahir, jenis_kelamin="P")
    assert nik == "3575014511260008"
    assert periksa_nik(nik, tanggal_lahir=lahir, jenis_kelamin="P") == []
