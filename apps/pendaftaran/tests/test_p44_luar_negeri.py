"""P.4.4: an SKPLN takes the resident off the register as moved abroad, an SKDLN reinstates him
or her; both at signing, through the audited register service, and only with a valid signature."""

import pytest
from django.utils import timezone

from apps.core.workflow import AksiDitolak, aksi_model, jalankan_aksi, jalankan_dari_form, kelas_form
from apps.pendaftaran.forms_p4 import PindahLuarNegeriForm
from apps.penduduk.models import Penduduk, RiwayatRegister

from .pabrik_p4 import NIK_TERDAFTAR, buat_luar_negeri, penduduk_terdaftar

pytestmark = pytest.mark.django_db


def _pos(obj, aksi, user, data=None):
    info = aksi_model(type(obj))[aksi]
    form = kelas_form(info)({"versi": obj.versi, **(data or {})}, aksi=info, objek=obj, pengguna=user)
    assert form.is_valid(), form.errors
    jalankan_dari_form(objek=obj, pengguna=user, form=form, info=info)
    obj.refresh_from_db()


def _sampai_tte(obj, pengguna):
    jalankan_aksi(objek=obj, aksi="input_data", pengguna=pengguna("petugas_fo"))
    jalankan_aksi(objek=obj, aksi="verifikasi", pengguna=pengguna("verifikator"))


def test_skpln_then_skdln_move_the_resident_out_and_back(pengguna, kabid, django_capture_on_commit_callbacks):
    penduduk_terdaftar()
    obj = buat_luar_negeri("diajukan")
    _sampai_tte(obj, pengguna)
    # A wrong passphrase changes nothing in the register.
    info = aksi_model(type(obj))["tandatangani"]
    form = kelas_form(info)({"versi": obj.versi, "passphrase": "salah"}, aksi=info, objek=obj, pengguna=kabid)
    if form.is_valid():
        with pytest.raises(AksiDitolak):
            jalankan_dari_form(objek=obj, pengguna=kabid, form=form, info=info)
    p = Penduduk.objects.get(nik=NIK_TERDAFTAR)
    assert p.tanggal_pindah is None and p.keluarga_id
    with django_capture_on_commit_callbacks(execute=True):
        _pos(obj, "tandatangani", kabid, {"passphrase": "rahasia-tte-1"})
    p.refresh_from_db()
    assert obj.status == "ditandatangani"
    assert p.tanggal_pindah == timezone.localdate() and p.keluarga_id is None
    assert RiwayatRegister.objects.filter(penduduk=p, sebab_id=obj.pk).count() == 2

    datang = buat_luar_negeri("diajukan", jenis="skdln", no_kk_tujuan="3575010101200001")
    _sampai_tte(datang, pengguna)
    with django_capture_on_commit_callbacks(execute=True):
        _pos(datang, "tandatangani", kabid, {"passphrase": "rahasia-tte-1"})
    p.refresh_from_db()
    assert p.tanggal_pindah is None and p.keluarga.no_kk == "3575010101200001"


def test_skpln_needs_a_resident_of_the_register(pengguna):
    form = PindahLuarNegeriForm({"jenis": "skpln", "nik": "3575019999999999", "nama": "X", "nomor_paspor": "C1",
                                 "negara": "Jepang", "tanggal_pindah": timezone.localdate().isoformat()})
    assert not form.is_valid() and "tidak terdaftar" in form.errors["nik"][0]
