"""What a signed deed changes in the population register, in the TTE's own transaction."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.capil.forms import FORM_RINCIAN
from apps.capil.models import RegisterAkta, Status
from apps.capil.services import catatan_pinggir_tambah, pencatatan_tandatangani
from apps.core.workflow import AksiDitolak, ambil_aksi
from apps.dokumen.forms import TTEForm
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.penduduk.models import Hubungan, Penduduk
from apps.penduduk.validators import periksa_nik

from .factories import kelahiran_baru, kematian_baru


def tandatangani(objek, kadis, passphrase):
    form = TTEForm({"versi": objek.versi, "passphrase": passphrase}, aksi=ambil_aksi(objek, "tandatangani"),
                   objek=objek, pengguna=kadis.user)
    assert form.is_valid(), form.errors
    return pencatatan_tandatangani(objek=objek, pengguna=kadis.user, form=form)


@pytest.fixture
def fo(pengguna):
    return pengguna("petugas_fo")


def test_a_registered_birth_adds_the_child_with_a_valid_nik(fo, keluarga, kadis, passphrase):
    kk, ayah, ibu = keluarga
    lahir = timezone.localdate() - timedelta(days=9)
    objek = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, tanggal_lahir=lahir, status=Status.TERVERIFIKASI)
    tandatangani(objek, kadis, passphrase)

    anak = Penduduk.objects.get(nama="ANISA PUTRI")
    assert anak.nik == f"357501{lahir.day + 40:02d}{lahir:%m%y}0001"
    assert periksa_nik(anak.nik, tanggal_lahir=lahir, jenis_kelamin="P") == []
    assert (anak.keluarga, anak.hubungan, anak.kelurahan) == (kk, Hubungan.ANAK, kk.kelurahan)
    assert (anak.nama_ayah, anak.nama_ibu, anak.agama) == (ayah.nama, ibu.nama, ibu.agama)
    register = RegisterAkta.objects.get(pencatatan=objek)
    assert register.data["rincian"]["anak_nik"] == anak.nik
    objek.refresh_from_db()
    assert objek.kelahiran.anak == anak and objek.pemilik_dokumen() == ("ANISA PUTRI", anak.nik)


def test_a_registered_birth_opens_the_kk_update_of_the_family(fo, keluarga, kadis, passphrase):
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, status=Status.TERVERIFIKASI)
    tandatangani(objek, kadis, passphrase)
    permohonan = PermohonanDenganVerifikasi.objects.get()
    assert (permohonan.no_kk, permohonan.nik, permohonan.layanan.alasan) == (kk.no_kk, ayah.nik, "perubahan_data")
    assert "ANISA PUTRI" in permohonan_catatan(permohonan)


def permohonan_catatan(permohonan) -> str:
    from apps.core.workflow import riwayat

    return " ".join(r.catatan for r in riwayat(permohonan))


def test_a_registered_death_marks_the_resident_deceased(fo, keluarga, kadis, passphrase):
    kk, ayah, _ibu = keluarga
    meninggal = timezone.localdate() - timedelta(days=2)
    objek = kematian_baru(fo=fo, jenazah=ayah, tanggal_kematian=meninggal, status=Status.TERVERIFIKASI)
    tandatangani(objek, kadis, passphrase)
    ayah.refresh_from_db()
    assert (ayah.status_hidup, ayah.tanggal_meninggal) == (Penduduk.StatusHidup.MENINGGAL, meninggal)
    assert RegisterAkta.objects.get(pencatatan=objek).kode == "KM"
    assert PermohonanDenganVerifikasi.objects.filter(no_kk=kk.no_kk).exists()


def test_a_refused_signing_leaves_the_register_untouched(fo, keluarga, kadis, passphrase):
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, status=Status.DIVERIFIKASI_KASI)
    jumlah = Penduduk.objects.count()
    with pytest.raises(AksiDitolak):
        tandatangani(objek, kadis, passphrase)
    assert Penduduk.objects.count() == jumlah
    assert not RegisterAkta.objects.exists() and not PermohonanDenganVerifikasi.objects.exists()


def test_a_deceased_resident_cannot_be_reported_dead_again(keluarga):
    _kk, ayah, _ibu = keluarga
    ayah.status_hidup = Penduduk.StatusHidup.MENINGGAL
    ayah.save(update_fields=["status_hidup"])
    form = FORM_RINCIAN["kematian"]({
        "rincian-jenazah_nik": ayah.nik, "rincian-tanggal_kematian": "2026-11-20", "rincian-tempat_kematian": "Rumah",
        "rincian-sebab_kematian": "sakit", "rincian-yang_menerangkan": "lurah",
        "rincian-nomor_surat_keterangan": "474/1", "rincian-tanggal_surat_keterangan": "2026-11-21",
    }, prefix="rincian")
    assert not form.is_valid()
    assert form.errors["jenazah_nik"] == ["Penduduk ini sudah tercatat meninggal dunia."]


def test_marginal_notes_are_numbered_per_register_entry(fo, keluarga, kadis, passphrase):
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, status=Status.TERVERIFIKASI)
    tandatangani(objek, kadis, passphrase)
    register = RegisterAkta.objects.get()
    a = catatan_pinggir_tambah(register=register, isi="Pembetulan nama ibu.", oleh=kadis.user)
    b = catatan_pinggir_tambah(register=register, isi="Pengakuan anak.", oleh=kadis.user)
    assert (a.urutan, b.urutan) == (1, 2)


def test_a_registered_divorce_annotates_the_marriage_deed(fo, keluarga, kadis, passphrase):
    from apps.capil.demo import pelaporan_perceraian, pelaporan_perkawinan
    from apps.penduduk.models import StatusPerkawinan

    from .factories import _ke_status

    kawin = _ke_status(pelaporan_perkawinan(oleh=fo), Status.TERVERIFIKASI)
    tandatangani(kawin, kadis, passphrase)
    akta_kawin = RegisterAkta.objects.get(pencatatan=kawin)
    assert akta_kawin.kode == "KW"

    cerai = pelaporan_perceraian(oleh=fo)
    cerai.perceraian.nomor_akta_perkawinan = akta_kawin.nomor_akta
    cerai.perceraian.save(update_fields=["nomor_akta_perkawinan"])
    # Residents' marital status follows the deeds (the demo couple are not residents: use ours).
    _kk, ayah, ibu = keluarga
    cerai.perceraian.suami, cerai.perceraian.istri = ayah, ibu
    cerai.perceraian.save(update_fields=["suami", "istri"])
    cerai = _ke_status(cerai, Status.TERVERIFIKASI)
    tandatangani(cerai, kadis, passphrase)

    akta_cerai = RegisterAkta.objects.get(pencatatan=cerai)
    catatan = akta_kawin.catatan_pinggir.get()
    assert akta_cerai.nomor_akta in catatan.isi and f"45/Pdt.G/{timezone.localdate():%Y}/PN Psr" in catatan.isi
    ayah.refresh_from_db()
    ibu.refresh_from_db()
    assert ayah.status_perkawinan == ibu.status_perkawinan == StatusPerkawinan.CERAI_HIDUP


def test_after_a_death_the_spouse_is_cerai_mati_and_the_kk_request_names_the_reporter(fo, keluarga, kadis, passphrase):
    from apps.penduduk.models import StatusPerkawinan
    from apps.penduduk.selectors import riwayat_register_dari

    kk, ayah, ibu = keluarga
    anak = Penduduk.objects.create(
        nik="3575010101150001", nama="RAKA SANTOSO", tempat_lahir="PASURUAN", tanggal_lahir=ayah.tanggal_lahir.replace(year=2015),
        jenis_kelamin="L", agama="islam", status_perkawinan="belum_kawin", pekerjaan="Pelajar", keluarga=kk,
        hubungan=Hubungan.ANAK, alamat=kk.alamat, rt=kk.rt, rw=kk.rw, kelurahan=kk.kelurahan)
    objek = kematian_baru(fo=fo, jenazah=ayah, pelapor=anak, status=Status.TERVERIFIKASI)
    tandatangani(objek, kadis, passphrase)

    ibu.refresh_from_db()
    assert ibu.status_perkawinan == StatusPerkawinan.CERAI_MATI
    permohonan = PermohonanDenganVerifikasi.objects.get(no_kk=kk.no_kk)
    assert (permohonan.nik, permohonan.nama) == (anak.nik, anak.nama)  # the reporter, not the deceased
    catatan = permohonan_catatan(permohonan)
    assert f"Usulan kepala keluarga baru: {ibu.nama} (NIK {ibu.nik})" in catatan
    # Both changes are audited as caused by the death report.
    diubah = {r.penduduk_id for r in riwayat_register_dari(objek)}
    assert {ayah.pk, ibu.pk} <= diubah


def test_a_registered_marriage_opens_the_kk_change_requests(fo, kadis, passphrase):
    from apps.capil.demo import pelaporan_perkawinan
    from apps.penduduk.models import StatusPerkawinan

    from .factories import _ke_status, keluarga_baru

    _kk1, suami, _ = keluarga_baru(urut=21)
    _kk2, _, istri = keluarga_baru(urut=22)
    objek = pelaporan_perkawinan(oleh=fo)
    r = objek.perkawinan
    r.suami, r.suami_nik, r.istri, r.istri_nik = suami, suami.nik, istri, istri.nik
    r.save(update_fields=["suami", "suami_nik", "istri", "istri_nik"])
    objek = _ke_status(objek, Status.TERVERIFIKASI)
    tandatangani(objek, kadis, passphrase)
    suami.refresh_from_db()
    assert suami.status_perkawinan == StatusPerkawinan.KAWIN
    assert set(PermohonanDenganVerifikasi.objects.values_list("nik", flat=True)) == {suami.nik, istri.nik}
