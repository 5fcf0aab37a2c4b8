"""P.5.2–P.5.8 on one process model: an existing deed taken into the register at input, the
catatan pinggir and the documents at TTE, the earlier kutipan superseded, and bad input refused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.capil.models import PerubahanAkta, RegisterAkta
from apps.capil.models.perubahan import Status
from apps.core.urls import url_proses
from apps.dokumen.models import Dokumen
from apps.penduduk.models import Penduduk


@pytest.fixture
def orang(pengguna, kadis):
    return {k: pengguna(k) for k in ("petugas_fo", "operator_siak", "kasi", "kabid", "operator_pengambilan")} | {
        "kadis": kadis.user}


# Scans of every requirement any kind or reason asks (apps/capil/syarat_perubahan.py).
BERKAS = ("formulir", "ktp_kk", "kutipan", "dasar", "akta_kawin", "persetujuan_ibu", "akta_kawin_ortu")


def aksi(client, user, objek, nama, data=None):
    client.force_login(user)
    objek.refresh_from_db()
    return client.post(url_proses(PerubahanAkta, "aksi", objek.pk, nama), {"versi": objek.versi, **(data or {})})


def permohonan(fo, **kw) -> PerubahanAkta:
    data = {"jenis": "pembetulan", "pemohon_nik": "3575010101900001", "pemohon_nama": "SITI",
            "nomor_akta": "474.1/123/1995", "berkas_persyaratan": dict.fromkeys(BERKAS, 1),
            "dibuat_oleh": fo, **kw}
    return PerubahanAkta.objects.create(**data)


def data_akta_lama(**kw):
    return {"nomor_siak": "SIAK-1", "nomor_akta": "474.1/123/1995", "akta_jenis": "akta_kelahiran",
            "akta_tanggal": "1995-02-03", "akta_penerbit": "Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan",
            "akta_orang": "anak = BUDI SANTOS; 3575010101950001", "akta_isian": "nama = BUDI SANTOS\ntempat_lahir = PASURUAN",
            **kw}


def sampai_verifikasi(client, orang, objek, input_data):
    assert aksi(client, orang["petugas_fo"], objek, "periksa").status_code == 302
    r = aksi(client, orang["operator_siak"], objek, "input_siak", input_data)
    assert r.status_code == 302, r.content.decode()[:3000]
    assert aksi(client, orang["operator_siak"], objek, "ajukan_cetak").status_code == 302


def test_pembetulan_returned_naming_a_field_then_signed(client, orang, passphrase, django_capture_on_commit_callbacks):
    objek = permohonan(orang["petugas_fo"])
    sampai_verifikasi(client, orang, objek, data_akta_lama(pembetulan="nama = BUDI SANTOSO"))
    reg = RegisterAkta.objects.get(nomor_akta="474.1/123/1995")
    assert reg.penerbit.endswith("Kota Pasuruan") and reg.orang[0]["nik"] == "3575010101950001"
    # Unticked field: refused with the field named; the return names it.
    r = aksi(client, orang["kasi"], objek, "verifikasi_kasi")
    assert r.status_code in (200, 400) and "Data belum sesuai bukti: Nama" in r.content.decode()
    assert aksi(client, orang["kasi"], objek, "perbaikan_kasi", {"catatan": "Nama: tidak sesuai akta lahir"}).status_code == 302
    objek.refresh_from_db()
    assert objek.status == Status.PERBAIKAN
    r = aksi(client, orang["operator_siak"], objek, "input_siak",
             {"nomor_siak": "SIAK-1", "nomor_akta": "474.1/123/1995", "pembetulan": "nama = BUDI SANTOSO"})
    assert r.status_code == 302, r.content.decode()[:3000]
    assert aksi(client, orang["operator_siak"], objek, "ajukan_cetak").status_code == 302
    assert aksi(client, orang["kasi"], objek, "verifikasi_kasi", {"sesuai_nama": "on"}).status_code == 302
    assert aksi(client, orang["kabid"], objek, "verifikasi_kabid", {"sesuai_nama": "on"}).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        r = aksi(client, orang["kadis"], objek, "tandatangani", {"passphrase": passphrase})
    assert r.status_code == 302, r.content.decode()[:3000]
    reg.refresh_from_db()
    assert reg.isian()["nama"] == "BUDI SANTOSO"
    catatan = reg.catatan_pinggir.get()
    assert catatan.koreksi == {"nama": {"sebelum": "BUDI SANTOS", "sesudah": "BUDI SANTOSO"}} and catatan.jenis == "Pembetulan"
    kutipan = Dokumen.untuk(objek).get(jenis="kutipan_akta_catatan_pinggir")
    assert kutipan.siap and kutipan.ditandatangani and kutipan.nomor == reg.nomor_akta
    assert Dokumen.untuk(objek).get(jenis="register_akta_catatan_pinggir").siap

    # A second change of the same deed: its kutipan becomes the active one, the first superseded.
    kedua = permohonan(orang["petugas_fo"], jenis="kutipan_kedua", alasan_kutipan_kedua="hilang")
    assert aksi(client, orang["petugas_fo"], kedua, "periksa").status_code == 302
    r = aksi(client, orang["petugas_fo"], kedua, "input_fo", {"nomor_siak": "SIAK-2", "nomor_akta": "474.1/123/1995"})
    assert r.status_code == 302, r.content.decode()[:3000]
    assert aksi(client, orang["kasi"], kedua, "verifikasi_kasi").status_code == 302
    assert aksi(client, orang["kabid"], kedua, "verifikasi_kabid").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert aksi(client, orang["kadis"], kedua, "tandatangani", {"passphrase": passphrase}).status_code == 302
    kutipan.refresh_from_db()
    baru = Dokumen.untuk(kedua).get(jenis="kutipan_kedua")
    assert baru.aktif and not kutipan.aktif
    client.logout()
    assert "Dokumen tidak aktif" in client.get(f"/verifikasi/{kutipan.kode_verifikasi}/").content.decode()
    assert "Dokumen aktif" in client.get(f"/verifikasi/{baru.kode_verifikasi}/").content.decode()


def test_pembetulan_that_changes_nothing_is_refused(client, orang):
    objek = permohonan(orang["petugas_fo"])
    assert aksi(client, orang["petugas_fo"], objek, "periksa").status_code == 302
    r = aksi(client, orang["operator_siak"], objek, "input_siak", data_akta_lama(pembetulan="nama = BUDI SANTOS"))
    assert r.status_code in (200, 400) and "tidak mengubah apa pun" in r.content.decode()
    objek.refresh_from_db()
    assert objek.status == Status.LENGKAP and not RegisterAkta.objects.exists()


def test_ruling_dated_after_final_date_is_refused(orang):
    hari = timezone.localdate()
    objek = PerubahanAkta(jenis="nama", pemohon_nik="3575010101900001", pemohon_nama="SITI", nomor_akta="X/1",
                          nama_baru="BUDI", dasar_nomor="12/Pdt.P/PN", dasar_tanggal=hari,
                          dasar_tanggal_tetap=hari - timedelta(days=3))
    with pytest.raises(Exception) as exc:
        objek.clean()
    assert "tidak boleh sebelum tanggal putusan" in str(exc.value)


def test_sk_for_person_not_on_deed_is_refused(client, orang):
    objek = permohonan(orang["petugas_fo"], jenis="kewarganegaraan", subjek_nik="3575010101990009",
                       kewarganegaraan_baru="WNI", dasar_nomor="AHU-1.AH.10.01", dasar_tanggal=timezone.localdate())
    assert aksi(client, orang["petugas_fo"], objek, "periksa").status_code == 302
    r = aksi(client, orang["operator_siak"], objek, "input_siak",
             data_akta_lama(subjek_nik="3575010101990009", dasar_nomor="AHU-1.AH.10.01",
                            dasar_tanggal=timezone.localdate().isoformat(), kewarganegaraan_baru="WNI"))
    assert r.status_code in (200, 400) and "tidak tercantum pada akta" in r.content.decode()


def test_second_copy_of_annulled_deed_is_refused(client, orang):
    RegisterAkta.objects.create(nomor_akta="474.1/123/1995", jenis_akta="akta_perkawinan", kode="",
                                tanggal=timezone.localdate(), dibatalkan=True)
    objek = permohonan(orang["petugas_fo"], jenis="kutipan_kedua", alasan_kutipan_kedua="hilang")
    assert aksi(client, orang["petugas_fo"], objek, "periksa").status_code == 302
    r = aksi(client, orang["petugas_fo"], objek, "input_fo", {"nomor_siak": "SIAK-2", "nomor_akta": "474.1/123/1995"})
    assert r.status_code in (200, 400) and "sudah dibatalkan" in r.content.decode()


def test_kewarganegaraan_changes_the_resident_audited(client, orang, passphrase, django_capture_on_commit_callbacks):
    from .factories import keluarga_baru

    _, ayah, _ = keluarga_baru()
    Penduduk.objects.filter(pk=ayah.pk).update(kewarganegaraan="WNA")
    objek = permohonan(orang["petugas_fo"], jenis="kewarganegaraan", subjek_nik=ayah.nik, kewarganegaraan_baru="WNI",
                       dasar_nomor="AHU-1.AH.10.01", dasar_instansi="Kementerian Hukum dan HAM",
                       dasar_tanggal=timezone.localdate())
    sampai_verifikasi(client, orang, objek, data_akta_lama(
        akta_orang=f"suami = {ayah.nama}; {ayah.nik}", akta_jenis="akta_perkawinan", subjek_nik=ayah.nik,
        dasar_nomor="AHU-1.AH.10.01", dasar_instansi="Kementerian Hukum dan HAM",
        dasar_tanggal=timezone.localdate().isoformat(), kewarganegaraan_baru="WNI"))
    assert aksi(client, orang["kasi"], objek, "verifikasi_kasi").status_code == 302
    assert aksi(client, orang["kabid"], objek, "verifikasi_kabid").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        r = aksi(client, orang["kadis"], objek, "tandatangani", {"passphrase": passphrase})
    assert r.status_code == 302, r.content.decode()[:3000]
    ayah.refresh_from_db()
    assert ayah.kewarganegaraan == "WNI"
    assert ayah.riwayat_register.filter(perubahan__has_key="kewarganegaraan").exists() if hasattr(ayah, "riwayat_register") else True
    assert "status kewarganegaraan" in RegisterAkta.objects.get(nomor_akta="474.1/123/1995").catatan_pinggir.get().isi


def test_pengakuan_anak_yields_its_three_outputs(client, orang, passphrase, django_capture_on_commit_callbacks):
    hari = timezone.localdate()
    objek = permohonan(orang["petugas_fo"], jenis="anak", jenis_anak="pengakuan", ayah_nama="Ahmad",
                       dasar_nomor="5/Pdt.P/PN Psr", dasar_instansi="Pengadilan Negeri Pasuruan",
                       dasar_tanggal=hari - timedelta(days=20), dasar_tanggal_tetap=hari - timedelta(days=5))
    sampai_verifikasi(client, orang, objek, data_akta_lama(
        dasar_nomor="5/Pdt.P/PN Psr", dasar_instansi="Pengadilan Negeri Pasuruan",
        dasar_tanggal=(hari - timedelta(days=20)).isoformat(), dasar_tanggal_tetap=(hari - timedelta(days=5)).isoformat(),
        ayah_nama="Ahmad", nomor_akta_baru="3575-PA-0001"))
    assert aksi(client, orang["kasi"], objek, "verifikasi_kasi").status_code == 302
    assert aksi(client, orang["kabid"], objek, "verifikasi_kabid").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        r = aksi(client, orang["kadis"], objek, "tandatangani", {"passphrase": passphrase})
    assert r.status_code == 302, r.content.decode()[:3000]
    lahir = RegisterAkta.objects.get(nomor_akta="474.1/123/1995")
    assert "pengakuan anak oleh AHMAD" in lahir.catatan_pinggir.get().isi
    assert RegisterAkta.objects.get(nomor_akta="3575-PA-0001").jenis_akta == "akta_pengakuan_anak"
    jenis = set(Dokumen.untuk(objek).filter(ditandatangani_pada__isnull=False).values_list("jenis", flat=True))
    assert {"kutipan_akta_catatan_pinggir", "akta_pengakuan_anak", "register_akta_catatan_pinggir"} <= jenis
    assert Dokumen.untuk(objek).get(jenis="akta_pengakuan_anak").nomor == "3575-PA-0001"


def test_kutipan_kedua_of_another_dukcapil_goes_through_the_keabsahan_letter(client, orang):
    from apps.umum.models import SuratKeluar

    RegisterAkta.objects.create(nomor_akta="AL.123/1988", jenis_akta="akta_kelahiran", kode="",
                                tanggal=timezone.localdate(), penerbit="Dispendukcapil Kota Malang",
                                orang=[{"peran": "anak", "nama": "RINA", "nik": ""}])
    objek = permohonan(orang["petugas_fo"], jenis="kutipan_kedua", alasan_kutipan_kedua="hilang", nomor_akta="AL.123/1988")
    assert aksi(client, orang["petugas_fo"], objek, "periksa").status_code == 302
    # Not before the issuer answers.
    assert aksi(client, orang["petugas_fo"], objek, "input_fo", {"nomor_siak": "S", "nomor_akta": "AL.123/1988"}).status_code != 302
    r = aksi(client, orang["kasi"], objek, "minta_keabsahan", {"email_penerbit": "dukcapil@malangkota.go.id"})
    assert r.status_code == 302, r.content.decode()[:3000]
    objek.refresh_from_db()
    surat = SuratKeluar.objects.get(pk=objek.surat_keabsahan_id)
    assert surat.asal_proses.startswith("P.5.8") and "AL.123/1988" in surat.hal and "dukcapil@malangkota.go.id" in surat.kepada
    assert surat.email_tujuan == "dukcapil@malangkota.go.id"
    # No answer before the letter has gone out (signed and sent by the tata usaha).
    assert aksi(client, orang["kabid"], objek, "keabsahan_sah").status_code != 302
    SuratKeluar.objects.filter(pk=surat.pk).update(status="terkirim")
    assert aksi(client, orang["kabid"], objek, "keabsahan_sah").status_code == 302
    r = aksi(client, orang["petugas_fo"], objek, "input_fo", {"nomor_siak": "S", "nomor_akta": "AL.123/1988"})
    assert r.status_code == 302, r.content.decode()[:3000]
    objek.refresh_from_db()
    assert objek.status == Status.MENUNGGU_VERIFIKASI and objek.keabsahan == "sah"

    # An invalid answer ends the request with the reason, which the citizen sees.
    kedua = permohonan(orang["petugas_fo"], jenis="kutipan_kedua", alasan_kutipan_kedua="rusak", nomor_akta="AL.123/1988")
    assert aksi(client, orang["petugas_fo"], kedua, "periksa").status_code == 302
    assert aksi(client, orang["kasi"], kedua, "minta_keabsahan", {"email_penerbit": "dukcapil@malangkota.go.id"}).status_code == 302
    kedua.refresh_from_db()
    SuratKeluar.objects.filter(pk=kedua.surat_keabsahan_id).update(status="terkirim")
    assert aksi(client, orang["kasi"], kedua, "keabsahan_tidak_sah", {"catatan": "Akta tidak terdaftar di Kota Malang"}).status_code == 302
    kedua.refresh_from_db()
    assert kedua.status == Status.DITOLAK and kedua.keabsahan == "tidak_sah"
