"""The three flows of P.4.1 through the kernel (services and ``jalankan_aksi``)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from apps.core.models import Lampiran, RiwayatStatus
from apps.core.workflow import AksiDitolak, jalankan_aksi
from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi
from apps.pendaftaran.services import permohonan_ajukan

from .factories import buat_permohonan, instansi_mitra, jadikan_petugas_mitra, layanan, pdf_uji

pytestmark = pytest.mark.django_db

DATA = {"nik": "3575014107900003", "nama": "SITI AMINAH", "no_kk": "3575010101200001", "alamat": "Jl. Soekarno Hatta 5"}


def ajukan(oleh, dokumen="kk", alasan="hilang", *, semua=True, integrasi=False):
    lay = layanan(dokumen, alasan)
    syarat = [p for p in lay.persyaratan.all() if p.wajib]
    berkas = [(p, pdf_uji()) for p in (syarat if semua else syarat[:-1])]  # all but the last
    return permohonan_ajukan(layanan=lay, data=DATA, berkas=berkas, oleh=oleh, integrasi=integrasi)


def test_intake_picks_the_flow_of_the_service(pengguna):
    fo = pengguna("petugas_fo")
    assert isinstance(ajukan(fo, "ktp_el", "hilang"), PermohonanTanpaVerifikasi)
    assert isinstance(ajukan(fo, "kk", "hilang"), PermohonanDenganVerifikasi)
    assert isinstance(ajukan(fo, "kia", "baru"), PermohonanDenganVerifikasi)


def test_intake_keeps_one_scan_per_requirement_and_sets_the_tenggat(pengguna):
    obj = ajukan(pengguna("petugas_fo"))
    lampiran = Lampiran.objects.filter(object_id=obj.pk)
    assert len(obj.berkas_persyaratan) == 3 == lampiran.count()  # KK hilang: F-1.02, police report, KTP-el
    assert set(obj.berkas_persyaratan.values()) == set(lampiran.values_list("pk", flat=True))
    assert obj.tenggat is not None and obj.status == "diajukan"
    assert RiwayatStatus.objects.get(object_id=obj.pk).aksi_label == "Permohonan diterima"
    assert len(obj.kode_lacak) == 14 and len(obj.pin) == 6


def test_intake_issues_the_tanda_terima_with_code_and_pin(pengguna, django_capture_on_commit_callbacks):
    import subprocess

    from apps.dokumen.models import Dokumen

    with django_capture_on_commit_callbacks(execute=True):
        obj = ajukan(pengguna("petugas_fo"))
    dok = Dokumen.untuk(obj).get(jenis="tanda_terima")
    assert dok.siap, dok.galat
    teks = subprocess.run(["pdftotext", dok.berkas.path, "-"], capture_output=True, text=True, check=True).stdout
    assert obj.kode_lacak in teks and obj.pin in teks and "SITI AMINAH" in teks


def test_only_front_office_records_a_walk_in(pengguna):
    with pytest.raises(PermissionDenied):
        ajukan(pengguna("operator_siak"))


def test_berkas_lengkap_is_refused_while_a_mandatory_requirement_is_missing(client, pengguna):
    fo = pengguna("petugas_fo")
    obj = ajukan(fo, semua=False)
    client.force_login(fo)
    url = reverse("pendaftaran:permohonandenganverifikasi-aksi", args=[obj.pk, "berkas_lengkap"])
    r = client.post(url, {"versi": obj.versi})
    assert r.status_code == 400
    assert "Persyaratan wajib belum ada" in r.content.decode()
    obj.refresh_from_db()
    assert obj.status == "diajukan"


def test_a_returned_request_is_completed_and_goes_on_with_the_same_code(client, pengguna):
    fo = pengguna("petugas_fo")
    obj = ajukan(fo, semua=False)
    kode = obj.kode_lacak
    jalankan_aksi(objek=obj, aksi="kembalikan", pengguna=fo, catatan="KTP-el kepala keluarga belum dibawa")
    kurang = obj.persyaratan_kurang()
    assert [p.nama for p in kurang] == ["KTP-el kepala keluarga"]
    client.force_login(fo)
    url = reverse("pendaftaran:permohonandenganverifikasi-aksi", args=[obj.pk, "lengkapi"])
    r = client.post(url, {"versi": obj.versi, f"berkas_{kurang[0].pk}": pdf_uji("ktp.pdf"), "catatan": "Dibawa hari ini"})
    assert r.status_code == 302, r.content.decode()[:2000]
    obj.refresh_from_db()
    assert obj.kode_lacak == kode and obj.status == "diajukan"
    assert obj.persyaratan_kurang() == []
    assert list(RiwayatStatus.objects.filter(object_id=obj.pk).values_list("ke", flat=True)) == ["diajukan", "dikembalikan", "diajukan"]
    jalankan_aksi(objek=obj, aksi="berkas_lengkap", pengguna=fo)
    assert obj.status == "lengkap"


def test_a_return_without_a_reason_is_refused(pengguna):
    obj = buat_permohonan(PermohonanDenganVerifikasi)
    with pytest.raises(AksiDitolak, match="Alasan"):
        jalankan_aksi(objek=obj, aksi="kembalikan", pengguna=pengguna("petugas_fo"), catatan="")


def test_p412_from_input_to_handover_with_a_correction_and_a_reprint(pengguna, kabid, django_capture_on_commit_callbacks):
    from apps.dokumen.models import Dokumen

    obj = buat_permohonan(PermohonanDenganVerifikasi, status="lengkap", email="siti@example.id")
    siak, ver, ambil = pengguna("operator_siak"), pengguna("verifikator"), pengguna("operator_pengambilan")
    obj.referensi_siak = "SIAK-001"
    jalankan_aksi(objek=obj, aksi="input_siak", pengguna=siak)
    jalankan_aksi(objek=obj, aksi="minta_perbaikan", pengguna=ver, catatan="Tanggal lahir anak kedua salah")
    assert obj.status == "perbaikan"
    jalankan_aksi(objek=obj, aksi="perbaiki", pengguna=siak)
    jalankan_aksi(objek=obj, aksi="verifikasi", pengguna=ver)
    with django_capture_on_commit_callbacks(execute=True):
        _pos(obj, "tandatangani", kabid, {"passphrase": "rahasia-tte-1"})
    assert obj.status == "ditandatangani"
    dok = Dokumen.untuk(obj).get()
    assert (dok.jenis, dok.siap, dok.ditandatangani) == ("kk", True, True), dok.galat
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["siti@example.id"]
    assert mail.outbox[0].attachments
    _pos(obj, "cetak", siak, {})
    jalankan_aksi(objek=obj, aksi="cetakan_rusak", pengguna=ambil, catatan="Tinta luntur")
    assert (obj.status, obj.jumlah_cetak_ulang) == ("ditandatangani", 1)
    _pos(obj, "cetak", siak, {})
    jalankan_aksi(objek=obj, aksi="cetakan_bagus", pengguna=ambil)
    jalankan_aksi(objek=obj, aksi="serahkan", pengguna=ambil, data={"penerima": "SITI AMINAH"})
    obj.refresh_from_db()
    assert (obj.status, obj.diserahkan_kepada, obj.jumlah_cetak_ulang) == ("selesai", "SITI AMINAH", 1)
    assert obj.diserahkan_pada is not None
    dok = Dokumen.untuk(obj).get()
    assert dok.jumlah_cetak == 2


def _pos(obj, aksi, user, data):
    """Run an action with its form and service, as the action view does."""
    from apps.core.workflow import aksi_model, jalankan_dari_form, kelas_form

    info = aksi_model(type(obj))[aksi]
    form = kelas_form(info)({"versi": obj.versi, **data}, aksi=info, objek=obj, pengguna=user)
    assert form.is_valid(), form.errors
    return jalankan_dari_form(objek=obj, info=info, pengguna=user, form=form)


def test_wrong_passphrase_signs_nothing(client, kabid):
    from apps.dokumen.models import Dokumen

    obj = buat_permohonan(PermohonanDenganVerifikasi, status="terverifikasi")
    client.force_login(kabid)
    url = reverse("pendaftaran:permohonandenganverifikasi-aksi", args=[obj.pk, "tandatangani"])
    r = client.post(url, {"versi": obj.versi, "passphrase": "salah-sekali"})
    assert r.status_code == 400 and "Passphrase salah" in r.content.decode()
    obj.refresh_from_db()
    assert obj.status == "terverifikasi" and not Dokumen.untuk(obj).exists()


def test_p411_prints_without_verification_and_counts_reprints(pengguna):
    obj = buat_permohonan(PermohonanTanpaVerifikasi, status="lengkap")
    siak, ambil = pengguna("operator_siak"), pengguna("operator_pengambilan")
    _pos(obj, "cetak", siak, {})
    jalankan_aksi(objek=obj, aksi="cetakan_rusak", pengguna=ambil, catatan="Chip tidak terbaca")
    assert obj.status == "lengkap"
    _pos(obj, "cetak", siak, {})
    jalankan_aksi(objek=obj, aksi="cetakan_bagus", pengguna=ambil)
    jalankan_aksi(objek=obj, aksi="serahkan", pengguna=ambil, data={"penerima": "SITI AMINAH"})
    assert (obj.status, obj.jumlah_cetak_ulang) == ("selesai", 1)


# -- P.4.1.3 -----------------------------------------------------------------------------------

def test_partner_files_checks_and_receives(pengguna, mitra, instansi):
    obj = ajukan(mitra, "kk", "perubahan_data", integrasi=True)
    assert isinstance(obj, PermohonanIntegrasi) and obj.instansi == instansi
    jalankan_aksi(objek=obj, aksi="berkas_lengkap", pengguna=mitra)
    ver = pengguna("verifikator")
    jalankan_aksi(objek=obj, aksi="minta_perbaikan", pengguna=ver, catatan="Akta kelahiran anak tidak terbaca")
    assert obj.status == "perbaikan"
    jalankan_aksi(objek=obj, aksi="perbaiki", pengguna=mitra)
    jalankan_aksi(objek=obj, aksi="verifikasi", pengguna=ver)
    assert obj.status == "terverifikasi"
    assert obj.penerima_awal() == (mitra.get_full_name() or mitra.username)


def test_ktp_el_through_a_partner_goes_to_printing_without_tte(pengguna, mitra):
    obj = ajukan(mitra, "ktp_el", "perubahan_data", integrasi=True)
    jalankan_aksi(objek=obj, aksi="berkas_lengkap", pengguna=mitra)
    jalankan_aksi(objek=obj, aksi="verifikasi", pengguna=pengguna("verifikator"))
    assert obj.status == "siap_cetak"
    _pos(obj, "cetak", pengguna("operator_siak"), {})
    jalankan_aksi(objek=obj, aksi="cetakan_rusak", pengguna=pengguna("operator_pengambilan"), catatan="Foto buram")
    assert obj.status == "siap_cetak"


def test_a_partner_may_not_file_a_service_closed_to_partners(mitra):
    with pytest.raises(AksiDitolak):
        ajukan(mitra, "kk", "hilang", integrasi=True)


def test_a_partner_sees_and_acts_only_on_its_own_institution(pengguna, mitra, django_user_model):
    from conftest import buat_pengguna

    sendiri = ajukan(mitra, "kk", "perubahan_data", integrasi=True)
    lain = buat_pengguna("petugas_integrasi", "mitra_lain")
    jadikan_petugas_mitra(lain, instansi_mitra("Kelurahan Bugul Lor"))
    milik_lain = ajukan(lain, "kk", "perubahan_data", integrasi=True)
    assert list(PermohonanIntegrasi.untuk_pengguna(mitra)) == [sendiri]
    assert set(PermohonanIntegrasi.untuk_pengguna(pengguna("verifikator"))) == {sendiri, milik_lain}
    with pytest.raises(PermissionDenied):  # another institution's filing: not this partner's task
        jalankan_aksi(objek=milik_lain, aksi="berkas_lengkap", pengguna=mitra)
    milik_lain.refresh_from_db()
    assert milik_lain.status == "diajukan"


def test_a_partner_without_institution_sees_nothing(pengguna):
    buat_permohonan(PermohonanIntegrasi)
    assert not PermohonanIntegrasi.untuk_pengguna(pengguna("petugas_integrasi")).exists()
