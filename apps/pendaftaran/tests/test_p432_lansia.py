"""P.4.3.2: companion request and answer, a home recording scheduled and on the printed visit
list, operator SIAK reads PRR or duplicate, one blangko per print, handover at home."""

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.core.workflow import aksi_model, jalankan_aksi, jalankan_dari_form, kelas_form
from apps.pendaftaran.models.blangko import MutasiBlangko
from apps.pendaftaran.services_p4 import blangko_terima

from .pabrik_p4 import buat_lansia

pytestmark = pytest.mark.django_db


def _pos(obj, aksi, user, data=None):
    info = aksi_model(type(obj))[aksi]
    form = kelas_form(info)({"versi": obj.versi, **(data or {})}, aksi=info, objek=obj, pengguna=user)
    assert form.is_valid(), form.errors
    jalankan_dari_form(objek=obj, pengguna=user, form=form, info=info)
    obj.refresh_from_db()


def test_home_recording_with_a_companion_from_request_to_handover(client, pengguna):
    ver, rekam, siak, ambil = (pengguna(k) for k in ("verifikator", "operator_rekam", "operator_siak", "operator_pengambilan"))
    obj = buat_lansia("diajukan")
    _pos(obj, "ajukan_pendamping", ver, {"perangkat_daerah": "Dinas Sosial", "nomor_surat_permohonan": "470/12/2026"})
    _pos(obj, "catat_jawaban", ver, {"nomor_surat_jawaban": "460/7/2026", "jawaban_pendamping": "Pendamping: Bu Rina"})
    assert (obj.status, obj.perlu_pendamping, obj.perangkat_daerah) == ("siap_jadwal", True, "Dinas Sosial")
    hari_ini = timezone.localdate()
    info = aksi_model(type(obj))["jadwalkan"]
    form = kelas_form(info)({"versi": obj.versi, "tempat": "rumah", "tanggal_rekam": hari_ini.isoformat(),
                             "alamat_kunjungan": "", "tim": "Tim A"}, aksi=info, objek=obj, pengguna=rekam)
    assert not form.is_valid() and "Alamat kunjungan wajib" in str(form.errors)
    _pos(obj, "jadwalkan", rekam, {"tempat": "rumah", "tanggal_rekam": hari_ini.isoformat(),
                                   "alamat_kunjungan": "Jl. Hayam Wuruk 1", "tim": "Tim A (Andi, Budi)"})
    client.force_login(rekam)
    r = client.get(reverse("pendaftaran:perekaman-kunjungan"), {"tanggal": hari_ini.isoformat()})
    isi = r.content.decode()
    assert r.status_code == 200 and obj.kode_lacak in isi and "Jl. Hayam Wuruk 1" in isi and "Dinas Sosial" in isi
    jalankan_aksi(objek=obj, aksi="rekam_selesai", pengguna=rekam)
    jalankan_aksi(objek=obj, aksi="status_prr", pengguna=siak)
    blangko_terima(jumlah=2)
    _pos(obj, "cetak", siak)
    jalankan_aksi(objek=obj, aksi="cetakan_bagus", pengguna=ambil)
    jalankan_aksi(objek=obj, aksi="serahkan", pengguna=ambil, data={"penerima": "SITI AMINAH (di rumah)"})
    assert obj.status == "selesai" and obj.di_rumah
    assert MutasiBlangko.objects.filter(perekaman_lansia=obj, gerak="pakai").count() == 1


def test_duplicate_goes_to_the_biodata_cross_check(pengguna):
    siak = pengguna("operator_siak")
    obj = buat_lansia("direkam")
    _pos(obj, "status_duplikat", siak, {"nik_duplikat": "3575010000000009"})
    jalankan_aksi(objek=obj, aksi="padan_selesai", pengguna=siak, catatan="Data ganda dibersihkan")
    assert obj.status == "siap_cetak"


def test_visit_list_is_for_the_team_only(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    assert client.get(reverse("pendaftaran:perekaman-kunjungan")).status_code == 403
