"""Queue, detail and intake pages of P.5.1: constant query counts, who may open them, intake
validation with messages next to the fields."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.capil.models import PencatatanSipil, RegisterAkta, Status
from apps.capil.services import catatan_pinggir_tambah, register_akta_buat

from .factories import kelahiran_baru, keluarga_baru, kematian_baru, pindaian


def jumlah_query(client, url) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200
    return len(q.captured_queries)


def isi(fo, n, mulai=1):
    for i in range(mulai, mulai + n):
        kk, ayah, ibu = keluarga_baru(urut=i)
        kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, nama_anak=f"ANAK {i}")
        kematian_baru(fo=fo, jenazah=ayah)


def test_queue_runs_a_constant_number_of_queries(client, pengguna):
    fo = pengguna("petugas_fo")
    client.force_login(fo)
    url = reverse("capil:pencatatansipil-antrian")
    isi(fo, 1)
    client.get(url)  # caches filled once per process (the incident banner) are not what is measured
    sedikit = jumlah_query(client, url)
    isi(fo, 6, mulai=2)
    assert jumlah_query(client, url) == sedikit
    assert jumlah_query(client, url + "?semua=1&jenis_peristiwa=kelahiran&q=ANAK") == sedikit


def test_queue_lists_the_event_and_the_person(client, pengguna, keluarga):
    fo = pengguna("petugas_fo")
    kk, ayah, ibu = keluarga
    kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu)
    client.force_login(fo)
    isi_halaman = client.get(reverse("capil:pencatatansipil-antrian")).content.decode()
    assert "Akta kelahiran — ANISA PUTRI" in isi_halaman


def test_detail_runs_a_constant_number_of_queries(client, pengguna, keluarga, kadis):
    fo = pengguna("petugas_fo")
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=fo, keluarga=kk, ayah=ayah, ibu=ibu, status=Status.DITANDATANGANI)
    register = register_akta_buat(pencatatan=objek, pejabat=kadis.user)
    client.force_login(kadis.user)
    url = reverse("capil:pencatatansipil-detail", args=[objek.pk])
    sedikit = jumlah_query(client, url)
    for i in range(5):
        catatan_pinggir_tambah(register=register, isi=f"Catatan {i}", oleh=kadis.user)
    from apps.core.models import Lampiran

    for i in range(4):
        Lampiran.simpan(objek=objek, berkas=pindaian(f"tambahan{i}.pdf"), keterangan=f"Tambahan {i}", oleh=fo)
    assert jumlah_query(client, url) == sedikit
    isi_halaman = client.get(url).content.decode()
    assert register.nomor_akta in isi_halaman and "Catatan 4" in isi_halaman


def test_outsiders_cannot_open_the_queue_or_a_record(client, pengguna, keluarga):
    kk, ayah, ibu = keluarga
    objek = kelahiran_baru(fo=pengguna("petugas_fo"), keluarga=kk, ayah=ayah, ibu=ibu)
    client.force_login(pengguna("caraka"))
    assert client.get(reverse("capil:pencatatansipil-antrian")).status_code == 403
    assert client.get(reverse("capil:pencatatansipil-detail", args=[objek.pk])).status_code == 403


def test_only_the_front_office_takes_reports_in(client, pengguna):
    client.force_login(pengguna("operator_siak"))
    assert client.get(reverse("capil:pencatatan-baru")).status_code == 403
    assert client.post(reverse("capil:pencatatan-baru-jenis", args=["kelahiran"])).status_code == 403


def _data_kelahiran(kk, ayah, ibu, **ubah) -> dict:
    data = {
        "rincian-nama_anak": "RAFI PRATAMA", "rincian-no_kk": kk.no_kk, "rincian-ibu_nik": ibu.nik,
        "rincian-ayah_nik": ayah.nik, "rincian-jenis_kelamin": "L", "rincian-tanggal_lahir": "2026-11-20",
        "rincian-waktu_lahir": "07:45", "rincian-tempat_dilahirkan": "rs", "rincian-nama_tempat": "RS Purut",
        "rincian-tempat_lahir": "Pasuruan", "rincian-jenis_kelahiran": "tunggal", "rincian-kelahiran_ke": "2",
        "rincian-penolong": "bidan", "rincian-berat_gram": "3200", "rincian-panjang_cm": "50",
        "rincian-perkawinan_orang_tua": "tercatat", "rincian-bukti_kelahiran": "surat",
        "pelapor_nik": ayah.nik, "pelapor_nama": ayah.nama, "pelapor_hubungan": "Ayah kandung",
        "pelapor_telepon": "0812", "email": "", "saksi1_nik": "3575010101800001", "saksi1_nama": "AHMAD",
        "saksi2_nik": "3575010101800002", "saksi2_nama": "DEWI", "berkas_f201": pindaian("f201.pdf"),
    }
    data.update(ubah)
    return data


def test_intake_records_a_birth_with_names_from_the_register(client, pengguna, keluarga):
    kk, ayah, ibu = keluarga
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("capil:pencatatan-baru-jenis", args=["kelahiran"]), _data_kelahiran(kk, ayah, ibu))
    assert r.status_code == 302
    objek = PencatatanSipil.objects.get()
    assert (objek.status, objek.jenis_peristiwa, objek.tenggat is not None) == (Status.DIAJUKAN, "kelahiran", True)
    r = objek.kelahiran
    assert (r.ibu, r.ibu_nama, r.ayah, r.keluarga) == (ibu, ibu.nama, ayah, kk)


def test_intake_shows_clear_messages_next_to_the_fields_and_keeps_what_was_typed(client, pengguna, keluarga):
    kk, ayah, ibu = keluarga
    client.force_login(pengguna("petugas_fo"))
    data = _data_kelahiran(kk, ayah, ibu, **{
        "rincian-no_kk": "3575019999999999", "rincian-ibu_nik": ayah.nik, "rincian-tanggal_lahir": "2099-01-01",
        "saksi2_nik": "3575010101800001",
    })
    r = client.post(reverse("capil:pencatatan-baru-jenis", args=["kelahiran"]), data)
    assert r.status_code == 400
    teks = r.content.decode()
    assert "No. KK tidak ditemukan di register Kota Pasuruan." in teks
    assert "NIK ini milik penduduk laki-laki; periksa kembali NIK ibu." in teks
    assert "Tanggal tidak boleh melewati hari ini." in teks
    assert "Saksi I dan saksi II harus dua orang yang berbeda." in teks
    assert 'value="RAFI PRATAMA"' in teks
    assert not PencatatanSipil.objects.exists() and not RegisterAkta.objects.exists()


def test_muslim_marriages_are_sent_to_the_kua(client, pengguna):
    from apps.capil.forms import PerkawinanForm

    form = PerkawinanForm({"rincian-agama": "islam"}, prefix="rincian")
    assert not form.is_valid()
    assert "KUA Kecamatan" in form.errors["agama"][0]


@pytest.mark.parametrize("jenis", ["lahir_mati", "kematian", "perkawinan", "perceraian"])
def test_every_event_has_an_intake_page(client, pengguna, jenis):
    client.force_login(pengguna("petugas_fo"))
    r = client.get(reverse("capil:pencatatan-baru-jenis", args=[jenis]))
    assert r.status_code == 200
    assert "Formulir pelaporan F-2.01" in r.content.decode()


def test_intake_records_a_death_of_a_resident_only(client, pengguna, keluarga):
    _kk, ayah, _ibu = keluarga
    client.force_login(pengguna("petugas_fo"))
    data = {
        "rincian-jenazah_nik": ayah.nik, "rincian-tanggal_kematian": "2026-11-20", "rincian-waktu_kematian": "",
        "rincian-tempat_kematian": "Rumah", "rincian-sebab_kematian": "sakit", "rincian-yang_menerangkan": "lurah",
        "rincian-nomor_surat_keterangan": "474/12/Kel", "rincian-tanggal_surat_keterangan": "2026-11-21",
        "pelapor_nik": "3575010101800001", "pelapor_nama": "ahmad  fauzi", "pelapor_hubungan": "Tetangga",
        "saksi1_nik": "3575010101800002", "saksi1_nama": "DEWI", "saksi2_nik": "3575010101800003", "saksi2_nama": "EKO",
    }
    url = reverse("capil:pencatatan-baru-jenis", args=["kematian"])
    r = client.post(url, {**data, "rincian-jenazah_nik": "3575010101999999"})
    assert r.status_code == 400
    assert "NIK yang meninggal tidak terdaftar di register Kota Pasuruan." in r.content.decode()
    assert client.post(url, data).status_code == 302
    objek = PencatatanSipil.objects.get()
    assert (objek.kematian.jenazah, objek.kematian.jenazah_nama, objek.pelapor_nama) == (ayah, ayah.nama, "AHMAD FAUZI")
