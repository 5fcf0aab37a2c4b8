"""Intake checks: all-same-digit numbers are errors, warnings need a confirmation and a reason,
the register refuses the deceased and asks to confirm the moved-out."""

import datetime

import pytest
from django import forms
from django.utils import timezone

from apps.penduduk.models import Penduduk
from apps.penduduk.pemeriksaan import periksa_register
from apps.penduduk.selectors import konfirmasi_untuk
from apps.penduduk.services import konfirmasi_catat
from apps.penduduk.sintetis import register_buat
from apps.penduduk.validators import KonfirmasiPeringatanMixin, NIKField, NoKKField
from tests.kernel_app.models import Contoh

pytestmark = pytest.mark.django_db


class Formulir(KonfirmasiPeringatanMixin, forms.Form):
    periksa_register_nik = ("nik",)
    nik = NIKField(tanggal_lahir="tanggal_lahir", jenis_kelamin="jenis_kelamin")
    no_kk = NoKKField(required=False)
    tanggal_lahir = forms.DateField(required=False)
    jenis_kelamin = forms.CharField(required=False)


@pytest.mark.parametrize("nomor", ["0000000000000000", "1111111111111111", "9999999999999999"])
def test_all_same_digits_are_errors(nomor):
    f = Formulir({"nik": nomor, "no_kk": nomor})
    assert not f.is_valid()
    assert "semua angkanya sama" in f.errors["nik"][0]
    assert "semua angkanya sama" in f.errors["no_kk"][0]


def test_a_warning_blocks_saving_until_confirmed_with_a_reason():
    data = {"nik": "3575014107900000", "tanggal_lahir": "1990-07-01", "jenis_kelamin": "P"}  # serial 0000
    f = Formulir(data)
    assert not f.is_valid()
    assert "centang konfirmasi" in f.errors["konfirmasi_peringatan"][0]
    f = Formulir({**data, "konfirmasi_peringatan": "on"})
    assert not f.is_valid()
    assert "alasan" in f.errors["alasan_konfirmasi"][0]
    f = Formulir({**data, "konfirmasi_peringatan": "on", "alasan_konfirmasi": "Sesuai KTP-el asli"})
    assert f.is_valid(), f.errors
    assert f.konfirmasi()["alasan"] == "Sesuai KTP-el asli"
    assert any("0000" in p for p in f.konfirmasi()["peringatan"])


def test_a_clean_nik_needs_no_confirmation():
    f = Formulir({"nik": "3575014107900003", "tanggal_lahir": "1990-07-01", "jenis_kelamin": "P"})
    assert f.is_valid(), f.errors
    assert f.konfirmasi() is None


def test_the_register_refuses_the_deceased_and_asks_to_confirm_the_moved_out(pengguna):
    register_buat(jumlah=10, seed=3)
    mati, pindah = Penduduk.objects.order_by("nik")[:2]
    hari_ini = timezone.localdate()
    Penduduk.objects.filter(pk=mati.pk).update(status_hidup="meninggal", tanggal_meninggal=hari_ini)
    Penduduk.objects.filter(pk=pindah.pk).update(tanggal_pindah=hari_ini - datetime.timedelta(days=3))
    assert [m.tingkat for m in periksa_register(mati.nik)] == ["tolak"]
    assert [m.tingkat for m in periksa_register(pindah.nik)] == ["konfirmasi"]

    f = Formulir({"nik": mati.nik, "konfirmasi_peringatan": "on", "alasan_konfirmasi": "x"})
    assert not f.is_valid()
    assert "meninggal dunia" in f.errors["nik"][0]

    f = Formulir({"nik": pindah.nik})
    assert not f.is_valid() and "konfirmasi_peringatan" in f.errors
    assert "pindah keluar" in str(f["nik"])  # shown under the field
    f = Formulir({"nik": pindah.nik, "konfirmasi_peringatan": "on", "alasan_konfirmasi": "Sudah kembali, membawa SKPWNI"})
    assert f.is_valid(), f.errors
    objek = Contoh.objects.create(nama="uji")
    konfirmasi_catat(objek=objek, konfirmasi=f.konfirmasi(), oleh=pengguna("petugas_fo"))
    [k] = konfirmasi_untuk(objek)
    assert k.oleh.username == "petugas_fo" and "SKPWNI" in k.alasan and "pindah keluar" in k.peringatan[0]
