"""The register is checked at intake (issue 8 §4): refused, or confirmed once (who, why) with a
message next to the field; the confirmation is kept and shown to the verifier."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.capil.models import PencatatanSipil
from apps.penduduk.models import KonfirmasiPeringatan, Penduduk, StatusPerkawinan

from .factories import keluarga_baru, penduduk_baru, pindaian
from .test_halaman import _data_kelahiran

KONFIRMASI = {"konfirmasi-konfirmasi_peringatan": "on", "konfirmasi-alasan_konfirmasi": "Sudah dicek dengan dokumen asli."}


def kirim(client, jenis, data):
    return client.post(reverse("capil:pencatatan-baru-jenis", args=[jenis]), data)


@pytest.fixture
def fo(client, pengguna):
    user = pengguna("petugas_fo")
    client.force_login(user)
    return user


def _hari(n):
    return (timezone.localdate() - timedelta(days=n)).isoformat()


def _umum(pelapor) -> dict:
    return {"pelapor_nik": pelapor.nik, "pelapor_nama": pelapor.nama, "pelapor_hubungan": "Suami",
            "pelapor_telepon": "0812", "email": "", "saksi1_nik": "3575010101800001", "saksi1_nama": "AHMAD",
            "saksi2_nik": "3575010101800002", "saksi2_nama": "DEWI", "berkas_f201": pindaian("f201.pdf")}


def _perkawinan(suami, istri, **ubah) -> dict:
    data = {
        **_umum(suami), "rincian-suami_nik": suami.nik, "rincian-istri_nik": istri.nik,
        "rincian-agama_suami": "kristen", "rincian-agama_istri": "kristen",
        "rincian-tanggal_perkawinan": _hari(5), "rincian-tempat_perkawinan": "Kota Pasuruan",
        "rincian-agama": "kristen", "rincian-nama_pemuka_agama": "Pdt. Samuel", "rincian-organisasi": "GKJW",
        "rincian-nomor_surat_perkawinan": "12/GKJW/2026",
    }
    data.update(ubah)
    return data


@pytest.fixture
def mempelai(db):
    kk1, suami, _ = keluarga_baru(urut=11)
    kk2, _, istri = keluarga_baru(urut=12)
    for p in (suami, istri):
        p.status_perkawinan, p.agama = StatusPerkawinan.BELUM_KAWIN, "kristen"
        p.save(update_fields=["status_perkawinan", "agama"])
    return suami, istri


def test_a_report_by_a_deceased_resident_is_refused(client, fo, keluarga):
    kk, ayah, ibu = keluarga
    ayah.status_hidup, ayah.tanggal_meninggal = Penduduk.StatusHidup.MENINGGAL, timezone.localdate()
    ayah.save(update_fields=["status_hidup", "tanggal_meninggal"])
    r = kirim(client, "kelahiran", _data_kelahiran(kk, ayah, ibu, **{"rincian-tanggal_lahir": _hari(3)}))
    assert r.status_code == 400
    assert "tercatat meninggal dunia" in r.content.decode()
    assert not PencatatanSipil.objects.exists()


def test_a_moved_out_resident_needs_a_confirmation_kept_for_the_verifier(client, fo, pengguna, keluarga):
    kk, ayah, ibu = keluarga
    saksi = penduduk_baru(nik="3575010101800001", nama="AHMAD FAUZI", jenis_kelamin="L",
                          tanggal_lahir=ayah.tanggal_lahir)
    saksi.tanggal_pindah = timezone.localdate() - timedelta(days=100)
    saksi.save(update_fields=["tanggal_pindah"])
    data = _data_kelahiran(kk, ayah, ibu, **{"rincian-tanggal_lahir": _hari(3)})
    r = kirim(client, "kelahiran", data)
    assert r.status_code == 400
    teks = r.content.decode()
    assert "tercatat pindah keluar" in teks and 'id="bagian-konfirmasi"' in teks
    assert not PencatatanSipil.objects.exists()

    data = _data_kelahiran(kk, ayah, ibu, **{"rincian-tanggal_lahir": _hari(3)}, **KONFIRMASI)
    assert kirim(client, "kelahiran", data).status_code == 302
    objek = PencatatanSipil.objects.get()
    konfirmasi = KonfirmasiPeringatan.objects.get(object_id=objek.pk)
    assert konfirmasi.oleh == fo and konfirmasi.alasan == "Sudah dicek dengan dokumen asli."
    assert any("pindah keluar" in p for p in konfirmasi.peringatan)
    client.force_login(pengguna("kasi"))
    halaman = client.get(reverse("capil:pencatatansipil-detail", args=[objek.pk])).content.decode()
    assert 'id="konfirmasi-peringatan"' in halaman and "Sudah dicek dengan dokumen asli." in halaman


def test_a_nik_warning_needs_a_confirmation(client, fo, keluarga):
    kk, ayah, ibu = keluarga
    # A witness NIK from outside Kota Pasuruan only warns; saving needs the confirmation.
    data = _data_kelahiran(kk, ayah, ibu, **{"rincian-tanggal_lahir": _hari(3), "saksi1_nik": "3514012303950001"})
    r = kirim(client, "kelahiran", data)
    assert r.status_code == 400 and "Ada peringatan pada isian ini" in r.content.decode()
    data.update(KONFIRMASI, berkas_f201=pindaian("f201.pdf"))
    assert kirim(client, "kelahiran", data).status_code == 302


def test_a_marriage_of_a_party_the_register_calls_married_is_refused(client, fo, mempelai):
    suami, istri = mempelai
    suami.status_perkawinan = StatusPerkawinan.KAWIN
    suami.save(update_fields=["status_perkawinan"])
    r = kirim(client, "perkawinan", _perkawinan(suami, istri))
    assert r.status_code == 400
    assert "masih berstatus kawin" in r.content.decode()
    # With the earlier divorce's deed attached, it goes on once confirmed.
    data = _perkawinan(suami, istri, **{"rincian-bukti_putus": pindaian("akta-cerai.pdf")})
    r = kirim(client, "perkawinan", data)
    assert r.status_code == 400 and "Ada peringatan pada isian ini" in r.content.decode()
    data = _perkawinan(suami, istri, **{"rincian-bukti_putus": pindaian("akta-cerai.pdf")}, **KONFIRMASI)
    assert kirim(client, "perkawinan", data).status_code == 302
    objek = PencatatanSipil.objects.get()
    assert "bukti_putus_perkawinan" in objek.berkas_persyaratan


def test_a_marriage_of_two_religions_needs_the_court_ruling_and_a_confirmation(client, fo, mempelai):
    suami, istri = mempelai
    istri.agama = "katolik"
    istri.save(update_fields=["agama"])
    r = kirim(client, "perkawinan", _perkawinan(suami, istri, **{"rincian-agama_istri": ""}))
    assert r.status_code == 400 and "penetapan pengadilan" in r.content.decode()
    data = _perkawinan(suami, istri, **{"rincian-agama_istri": "", "rincian-penetapan_pengadilan": pindaian("pn.pdf")},
                       **KONFIRMASI)
    assert kirim(client, "perkawinan", data).status_code == 302
    objek = PencatatanSipil.objects.get()
    assert objek.perkawinan.agama_istri == "katolik"  # from the register
    assert any("berbeda" in p for p in KonfirmasiPeringatan.objects.get(object_id=objek.pk).peringatan)


def test_a_divorce_naming_an_unknown_marriage_deed_needs_its_scan(client, fo, mempelai):
    suami, istri = mempelai
    data = {
        **_umum(suami), "rincian-suami_nik": suami.nik, "rincian-istri_nik": istri.nik,
        "rincian-nomor_akta_perkawinan": "3575-KW-14022019-0003", "rincian-badan_peradilan": "PN",
        "rincian-nama_pengadilan": "Pengadilan Negeri Pasuruan", "rincian-nomor_putusan": "45/Pdt.G/2026/PN Psr",
        "rincian-tanggal_putusan": _hari(40), "rincian-tanggal_inkracht": _hari(20),
    }
    r = kirim(client, "perceraian", data)
    assert r.status_code == 400 and "tidak ada di register akta Kota Pasuruan" in r.content.decode()
    data.update({"rincian-pindaian_akta_perkawinan": pindaian("akta-kawin.pdf"), **KONFIRMASI,
                 "berkas_f201": pindaian("f201.pdf")})
    assert kirim(client, "perceraian", data).status_code == 302


def test_a_marriage_after_the_spouse_is_recorded_dead_needs_no_deed(client, fo, mempelai):
    suami, istri = mempelai
    # The register still says kawin, but the wife on his KK is recorded dead: the end is on record.
    almarhumah = suami.keluarga.anggota.get(hubungan="istri")
    almarhumah.status_hidup = Penduduk.StatusHidup.MENINGGAL
    almarhumah.save(update_fields=["status_hidup"])
    suami.status_perkawinan = StatusPerkawinan.KAWIN
    suami.save(update_fields=["status_perkawinan"])
    r = kirim(client, "perkawinan", _perkawinan(suami, istri))
    assert r.status_code == 302, r.content.decode()[:2000]
