"""P.5.5 change of name and P.5.6 batal cerai: the register and the resident change (audited), the
outputs per the map."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.capil.models import RegisterAkta
from apps.dokumen.models import Dokumen
from apps.penduduk.models import RiwayatRegister

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


def test_batal_cerai_issues_surat_keterangan_and_kutipan_ii(client, orang, passphrase, django_capture_on_commit_callbacks):
    hari = timezone.localdate()
    kawin = RegisterAkta.objects.create(nomor_akta="3575-KW-0001", jenis_akta="akta_perkawinan", kode="", tanggal=hari,
                                        orang=[{"peran": "suami", "nama": "ANDI", "nik": ""}])
    dasar = _dasar(hari)
    objek = permohonan(orang["petugas_fo"], jenis="pembatalan", jenis_pembatalan="cerai", **dasar)
    sampai_verifikasi(client, orang, objek, data_akta_lama(
        akta_jenis="akta_perceraian", akta_orang="suami = ANDI", nomor_akta_perkawinan=kawin.nomor_akta, **_isian(dasar)))
    _tte(client, orang, objek, passphrase, django_capture_on_commit_callbacks)
    cerai = RegisterAkta.objects.get(nomor_akta="474.1/123/1995")
    assert cerai.dibatalkan and "batal cerai" in cerai.catatan_pinggir.get().isi.lower()
    assert kawin.catatan_pinggir.count() == 1
    jenis = set(Dokumen.untuk(objek).values_list("jenis", flat=True))
    assert {"surat_keterangan_batal_cerai", "kutipan_ii_akta_perkawinan"} <= jenis
    assert Dokumen.untuk(objek).get(jenis="kutipan_ii_akta_perkawinan").nomor == kawin.nomor_akta
