"""P.4.5: unclear data → berita acara pendataan (PDF) and a field survey, re-check, then the NIK
SIAK issued typed twice and checked; the resident enters the register (audited) and a P.4.3.1
recording request is opened."""

import pytest
from django.utils import timezone

from apps.core.workflow import aksi_model, jalankan_aksi, jalankan_dari_form, kelas_form
from apps.pendaftaran.models.perekaman import PerekamanKTP
from apps.penduduk.models import Penduduk, RiwayatRegister

from .pabrik_p4 import buat_biodata, penduduk_terdaftar

pytestmark = pytest.mark.django_db


def _form(obj, aksi, user, data):
    info = aksi_model(type(obj))[aksi]
    return info, kelas_form(info)({"versi": obj.versi, **data}, aksi=info, objek=obj, pengguna=user)


def _pos(obj, aksi, user, data=None):
    info, form = _form(obj, aksi, user, data or {})
    assert form.is_valid(), form.errors
    jalankan_dari_form(objek=obj, pengguna=user, form=form, info=info)
    obj.refresh_from_db()


def test_berita_acara_survey_then_new_resident_with_siak_nik_and_a_recording_request(pengguna):
    from apps.dokumen.models import Dokumen

    ver, siak = pengguna("verifikator_pendataan"), pengguna("operator_siak")
    obj = buat_biodata("diajukan")
    _pos(obj, "data_meragukan", ver, {"catatan": "Surat panti tanpa tanggal lahir yang jelas"})
    assert obj.status == "pendataan"
    assert Dokumen.untuk(obj).filter(jenis="berita_acara_pendataan").exists()
    _pos(obj, "catat_survei", ver, {"tanggal_survei": timezone.localdate().isoformat(), "petugas_survei": "Andi",
                                    "temuan_survei": "Benar tinggal di panti sejak 2019"})
    assert (obj.status, obj.petugas_survei) == ("disurvei", "Andi")
    jalankan_aksi(objek=obj, aksi="data_valid", pengguna=ver)
    # The NIK is typed twice and must match; a NIK already in the register is refused.
    penduduk_terdaftar()
    _, form = _form(obj, "input_biodata", siak, {"nik": "3575015505480001", "nik_ulang": "3575015505480002"})
    assert not form.is_valid() and "tidak sama" in str(form.errors["nik_ulang"])
    _, form = _form(obj, "input_biodata", siak, {"nik": "3575014107900003", "nik_ulang": "3575014107900003"})
    assert not form.is_valid() and "sudah dipakai" in str(form.errors["nik"])
    _pos(obj, "input_biodata", siak, {"nik": "3575 0155 0548 0001", "nik_ulang": "3575015505480001"})
    p = Penduduk.objects.get(nik="3575015505480001")
    assert (obj.status, obj.penduduk_id, p.nama) == ("selesai", p.pk, "MBAH SUMI")
    assert RiwayatRegister.objects.filter(penduduk=p, sebab_id=obj.pk).exists()
    rekam = PerekamanKTP.objects.get(pk=obj.perekaman_id)
    assert (rekam.nik, rekam.status) == ("3575015505480001", "diajukan")
    # The recording request finds the NIK in the register now.
    jalankan_aksi(objek=rekam, aksi="nik_ditemukan", pengguna=pengguna("operator_rekam"))
