"""P.4.2: KK/KTP WNA — permit checked (expired refused), KTP validity follows the permit, the KK
WNA signed as a PDF, then the kernel's tail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.core.workflow import AksiDitolak, aksi_model, jalankan_aksi, jalankan_dari_form, kelas_form
from apps.pendaftaran.forms_p4 import InputWNAForm, PendaftaranWNAForm
from apps.pendaftaran.models.wna import PendaftaranWNA

from .pabrik_p4 import buat_wna

pytestmark = pytest.mark.django_db


def _pos(obj, aksi, user, data):
    info = aksi_model(type(obj))[aksi]
    form = kelas_form(info)({"versi": obj.versi, **data}, aksi=info, objek=obj, pengguna=user)
    assert form.is_valid(), form.errors
    jalankan_dari_form(objek=obj, pengguna=user, form=form, info=info)
    obj.refresh_from_db()


def test_expired_permit_is_refused_at_intake_with_the_message_next_to_the_field():
    kemarin = timezone.localdate() - timedelta(days=1)
    form = PendaftaranWNAForm({"dokumen": "ktp_wna", "nama": "A", "kewarganegaraan": "Jepang", "nomor_paspor": "X1",
                               "jenis_izin": "kitas", "nomor_izin": "K1", "izin_berlaku_sampai": kemarin.isoformat(),
                               "alamat": "Jl. A"})
    assert not form.is_valid()
    assert "tidak berlaku" in form.errors["izin_berlaku_sampai"][0]


def test_expired_permit_cannot_be_input_and_may_be_refused(pengguna):
    obj = buat_wna("diajukan", izin_berlaku_sampai=timezone.localdate() - timedelta(days=1))
    ver = pengguna("verifikator_wna")
    form = InputWNAForm({"versi": obj.versi, "nik": "3575019999000001"}, aksi=aksi_model(PendaftaranWNA)["input_data"],
                        objek=obj, pengguna=ver)
    assert not form.is_valid() and "tidak berlaku" in str(form.errors)
    with pytest.raises(AksiDitolak):
        jalankan_aksi(objek=obj, aksi="input_data", pengguna=ver, data={"nik": "3575019999000001"})
    jalankan_aksi(objek=obj, aksi="tolak", pengguna=ver, catatan="KITAS kedaluwarsa")
    assert obj.status == "ditolak"


def test_ktp_wna_is_valid_as_long_as_the_permit():
    batas = timezone.localdate() + timedelta(days=200)
    assert buat_wna(izin_berlaku_sampai=batas).ktp_berlaku_sampai == batas
    assert buat_wna(dokumen="kk_wna").ktp_berlaku_sampai is None


def test_kk_wna_from_input_to_handover_signed_pdf(pengguna, kabid, django_capture_on_commit_callbacks):
    from apps.dokumen.models import Dokumen

    obj = buat_wna("diajukan", dokumen="kk_wna", nik="")
    ver_wna, ver = pengguna("verifikator_wna"), pengguna("verifikator")
    siak, ambil = pengguna("operator_siak"), pengguna("operator_pengambilan")
    # A KK WNA needs its KK number.
    info = aksi_model(PendaftaranWNA)["input_data"]
    form = InputWNAForm({"versi": obj.versi, "nik": "3575019999000001"}, aksi=info, objek=obj, pengguna=ver_wna)
    assert not form.is_valid() and "No. KK" in str(form.errors["no_kk"])
    _pos(obj, "input_data", ver_wna, {"nik": "3575019999000001", "no_kk": "3575019999000002"})
    assert (obj.status, obj.nik, obj.no_kk) == ("diinput", "3575019999000001", "3575019999000002")
    jalankan_aksi(objek=obj, aksi="verifikasi", pengguna=ver)
    with django_capture_on_commit_callbacks(execute=True):
        _pos(obj, "tandatangani", kabid, {"passphrase": "rahasia-tte-1"})
    dok = Dokumen.untuk(obj).get()
    assert (dok.jenis, dok.siap, dok.ditandatangani) == ("dokumen_wna", True, True), dok.galat
    assert mail.outbox and mail.outbox[0].to == ["john@contoh.id"]
    _pos(obj, "cetak", siak, {})
    jalankan_aksi(objek=obj, aksi="cetakan_bagus", pengguna=ambil)
    jalankan_aksi(objek=obj, aksi="serahkan", pengguna=ambil, data={"penerima": "JOHN SMITH"})
    assert obj.status == "selesai"


def test_intake_page_at_the_counter(client, pengguna):
    client.force_login(pengguna("verifikator_wna"))
    r = client.get(reverse("pendaftaran:pendaftaranwna-baru"))
    assert r.status_code == 200 and "KITAS" in r.content.decode()
