"""P.5.5 change of name and P.5.6 batal cerai: the register and the resident change (audited), the
outputs per the map."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from apps.capil.models import RegisterAkta
from apps.dokumen.models import Dokumen
from apps.penduduk.models import RiwayatRegister
from apps.penduduk.services import penduduk_ubah

from .factories import keluarga_baru
from .test_perubahan import aksi, data_akta_lama, permohonan, sampai_verifikasi


@pytest.fixture
def orang(pengguna, kadis):
    return {k: pengguna(k) for k in ("petugas_fo", "operator_siak", "kasi", "kabid")} | {"kadis": kadis.user}


def _dasar(hari):
    return {"dasar_nomor": "9/Pdt.P/2026/PN Psr", "dasar_instansi": "Pengadilan Negeri Pasuruan",
            "dasar_tanggal": hari - timedelta(days=30), "dasar_tanggal_tetap": hari - timedelta(days=10)}


def _isian(d):
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in d.items()}


def _tte(client, orang, objek, passphrase, capture):
    assert aksi(client, orang["kasi"], objek, "verifikasi_kasi").status_code == 302
    assert aksi(client, orang["kabid"], objek, "verifikasi_kabid").status_code == 302
    with capture(execute=True):
        r = aksi(client, orang["kadis"], objek, "tandatangani", {"passphrase": passphrase})
    assert r.status_code == 302, r.content.decode()[:3000]


def test_perubahan_nama_changes_register_and_resident(client, orang, passphrase, django_capture_on_commit_callbacks):
    _, ayah, _ = keluarga_baru()
    dasar = _dasar(timezone.localdate())
    objek = permohonan(orang["petugas_fo"], jenis="nama", subjek_nik=ayah.nik, nama_baru="Budi Wijaya", **dasar)
    sampai_verifikasi(client, orang, objek, data_akta_lama(
        akta_orang=f"anak = {ayah.nama}; {ayah.nik}", akta_isian=f"nama = {ayah.nama}", subjek_nik=ayah.nik,
        nama_baru="Budi Wijaya", **_isian(dasar)))
    _tte(client, orang, objek, passphrase, django_capture_on_commit_callbacks)
    ayah.refresh_from_db()
    assert ayah.nama == "BUDI WIJAYA"
    assert RiwayatRegister.objects.filter(penduduk=ayah, sebab_id=objek.pk, perubahan__has_key="nama").exists()
    reg = RegisterAkta.objects.get(nomor_akta="474.1/123/1995")
    assert reg.isian()["nama"] == "BUDI WIJAYA" and "nama berubah menjadi BUDI WIJAYA" in reg.catatan_pinggir.get().isi

    # The KK and KTP-el change requests are opened in the citizen's name, and the status page lists them.
    objek.refresh_from_db()
    assert {d["dokumen"] for d in objek.permohonan_lanjutan} == {"Kartu Keluarga (KK)", "KTP-el"}
    for d in objek.permohonan_lanjutan:
        lanjutan = apps.get_model(d["model"]).objects.get(pk=d["pk"])
        assert lanjutan.nik == ayah.nik and lanjutan.nama == "BUDI WIJAYA" and lanjutan.layanan.alasan == "perubahan_data"
        assert lanjutan.dibuat_oleh == orang["petugas_fo"]
    client.logout()
    html = client.post("/status/", {"kode": objek.kode_lacak, "pin": objek.pin}, follow=True).content.decode()
    daftar = html.split('id="permohonan-lanjutan"')[1].split("</ul>")[0]
    assert all(d["kode_lacak"] in daftar for d in objek.permohonan_lanjutan) and "BUDI WIJAYA" not in daftar


def test_batal_cerai_issues_surat_keterangan_and_kutipan_ii(client, orang, passphrase, django_capture_on_commit_callbacks):
    hari = timezone.localdate()
    _, suami, istri = keluarga_baru()
    for p in (suami, istri):
        penduduk_ubah(penduduk=p, perubahan={"status_perkawinan": "cerai_hidup"}, alasan="Perceraian")
    kawin = RegisterAkta.objects.create(nomor_akta="3575-KW-0001", jenis_akta="akta_perkawinan", kode="", tanggal=hari,
                                        orang=[{"peran": "suami", "nama": suami.nama, "nik": suami.nik},
                                               {"peran": "istri", "nama": istri.nama, "nik": istri.nik}])
    dasar = _dasar(hari)
    objek = permohonan(orang["petugas_fo"], jenis="pembatalan", jenis_pembatalan="cerai", **dasar)
    sampai_verifikasi(client, orang, objek, data_akta_lama(
        akta_jenis="akta_perceraian", akta_orang=f"suami = {suami.nama}; {suami.nik}\nistri = {istri.nama}; {istri.nik}",
        nomor_akta_perkawinan=kawin.nomor_akta, **_isian(dasar)))
    _tte(client, orang, objek, passphrase, django_capture_on_commit_callbacks)
    # The ruling restores the marriage: both residents are kawin again, audited with this request.
    for p in (suami, istri):
        p.refresh_from_db()
        assert p.status_perkawinan == "kawin"
        r = RiwayatRegister.objects.get(penduduk=p, sebab_id=objek.pk)
        assert r.perubahan["status_perkawinan"] == {"sebelum": "cerai_hidup", "sesudah": "kawin"}
    cerai = RegisterAkta.objects.get(nomor_akta="474.1/123/1995")
    assert cerai.dibatalkan and "batal cerai" in cerai.catatan_pinggir.get().isi.lower()
    assert kawin.catatan_pinggir.count() == 1
    jenis = set(Dokumen.untuk(objek).values_list("jenis", flat=True))
    assert {"surat_keterangan_batal_cerai", "kutipan_ii_akta_perkawinan"} <= jenis
    assert Dokumen.untuk(objek).get(jenis="kutipan_ii_akta_perkawinan").nomor == kawin.nomor_akta


def test_batal_kawin_puts_back_each_spouse_status_before_the_marriage(client, orang, passphrase,
                                                                    django_capture_on_commit_callbacks):
    """The audit trail says the husband was cerai mati before this marriage; the wife has no trail:
    she goes back to belum kawin. The marriage deed is void and may not be copied again."""
    hari = timezone.localdate()
    _, suami, istri = keluarga_baru()
    penduduk_ubah(penduduk=suami, perubahan={"status_perkawinan": "cerai_mati"}, alasan="Istri pertama meninggal")
    penduduk_ubah(penduduk=suami, perubahan={"status_perkawinan": "kawin"}, alasan="Perkawinan kedua")
    dasar = _dasar(hari)
    objek = permohonan(orang["petugas_fo"], jenis="pembatalan", jenis_pembatalan="kawin", **dasar)
    sampai_verifikasi(client, orang, objek, data_akta_lama(
        akta_jenis="akta_perkawinan", akta_orang=f"suami = {suami.nama}; {suami.nik}\nistri = {istri.nama}; {istri.nik}",
        akta_isian="tempat_perkawinan = PASURUAN", **_isian(dasar)))
    _tte(client, orang, objek, passphrase, django_capture_on_commit_callbacks)
    suami.refresh_from_db()
    istri.refresh_from_db()
    assert (suami.status_perkawinan, istri.status_perkawinan) == ("cerai_mati", "belum_kawin")
    assert RiwayatRegister.objects.filter(penduduk__in=[suami, istri], sebab_id=objek.pk,
                                          perubahan__has_key="status_perkawinan").count() == 2
    reg = RegisterAkta.objects.get(nomor_akta="474.1/123/1995")
    assert reg.dibatalkan and "batal kawin" in reg.catatan_pinggir.get().isi.lower()
    assert Dokumen.untuk(objek).filter(jenis="surat_keterangan_batal_kawin", ditandatangani_pada__isnull=False).exists()


def test_batal_akta_voids_the_deed(client, orang, passphrase, django_capture_on_commit_callbacks):
    dasar = _dasar(timezone.localdate())
    objek = permohonan(orang["petugas_fo"], jenis="pembatalan", jenis_pembatalan="akta", **dasar)
    sampai_verifikasi(client, orang, objek, data_akta_lama(**_isian(dasar)))
    _tte(client, orang, objek, passphrase, django_capture_on_commit_callbacks)
    reg = RegisterAkta.objects.get(nomor_akta="474.1/123/1995")
    assert reg.dibatalkan and "akta dinyatakan batal" in reg.catatan_pinggir.get().isi
    assert Dokumen.untuk(objek).filter(jenis="surat_keterangan_batal_pencatatan", ditandatangani_pada__isnull=False).exists()
