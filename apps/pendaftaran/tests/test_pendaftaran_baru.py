"""The intake page of the front office (and of partners) and the register look-up by NIK."""

import datetime

import pytest
from django.urls import reverse

from apps.pendaftaran.models import PermohonanDenganVerifikasi, PermohonanIntegrasi
from apps.penduduk.models import Keluarga, Penduduk, Wilayah

from .factories import layanan, pdf_uji

pytestmark = pytest.mark.django_db

URL = reverse("pendaftaran:baru")


@pytest.fixture
def penduduk(db):
    kel = Wilayah.objects.filter(tingkat="kelurahan").first()
    keluarga = Keluarga.objects.create(no_kk="3575010101200001", alamat="Jl. Hayam Wuruk 1", rt="001", rw="002", kelurahan=kel)
    return Penduduk.objects.create(
        nik="3575014107900003", nama="SITI AMINAH", tempat_lahir="Pasuruan", tanggal_lahir=datetime.date(1990, 7, 1),
        jenis_kelamin="P", agama="islam", status_perkawinan="kawin", pekerjaan="Wiraswasta", keluarga=keluarga,
        hubungan="istri", alamat="Jl. Hayam Wuruk 1", rt="001", rw="002", kelurahan=kel,
    )


def isian(lay, **kw):
    data = {"layanan": lay.pk, "nik": "3575014107900003", "nama": "SITI AMINAH", "no_kk": "3575010101200001",
            "alamat": "Jl. Hayam Wuruk 1", "email": "siti@example.id", "telepon": "081234567890"}
    for p in lay.persyaratan.filter(wajib=True):
        data[f"syarat_{p.pk}"] = "on"
        data[f"berkas_{p.pk}"] = pdf_uji()
    data.update(kw)
    return data


def test_fo_records_a_walk_in_and_lands_on_the_request(client, pengguna, penduduk):
    client.force_login(pengguna("petugas_fo"))
    lay = layanan("kk", "hilang")
    assert "Surat keterangan kehilangan" in client.get(URL, {"layanan": lay.pk}).content.decode()
    r = client.post(URL, isian(lay))
    obj = PermohonanDenganVerifikasi.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("pendaftaran:permohonandenganverifikasi-detail", args=[obj.pk])
    assert (obj.nik, obj.email, obj.penduduk) == ("3575014107900003", "siti@example.id", penduduk)
    assert obj.persyaratan_kurang() == [] and obj.tenggat
    detail = client.get(r["Location"]).content.decode()
    assert obj.kode_lacak in detail and "Tanda Terima" in detail


def test_bad_input_gets_messages_next_to_fields_and_keeps_what_was_typed(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    lay = layanan("kk", "hilang")
    p = lay.persyaratan.first()
    data = isian(lay, nik="35750141", email="bukan-email", nama="BUDI SANTOSO")
    data.pop(f"berkas_{p.pk}")
    r = client.post(URL, data)
    assert r.status_code == 400
    html = r.content.decode()
    assert "16 angka" in html or "16 digit" in html
    assert "Alamat email tidak valid" in html
    assert "Unggah pindaian persyaratan yang dicentang" in html
    assert 'value="BUDI SANTOSO"' in html and 'value="bukan-email"' in html and 'value="35750141"' in html
    assert not PermohonanDenganVerifikasi.objects.exists()


def test_missing_requirements_do_not_block_the_record(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    lay = layanan("kk", "hilang")
    data = {k: v for k, v in isian(lay).items() if not k.startswith(("syarat_", "berkas_"))}
    assert client.post(URL, data).status_code == 302
    assert len(PermohonanDenganVerifikasi.objects.get().persyaratan_kurang()) == 3  # with F-1.02


def test_other_roles_cannot_open_the_intake(client, pengguna):
    client.force_login(pengguna("operator_siak"))
    assert client.get(URL).status_code == 403
    assert client.get(reverse("pendaftaran:integrasi-baru")).status_code == 403


def test_partner_intake_offers_only_partner_services_and_files_for_its_institution(client, mitra, instansi, penduduk):
    client.force_login(mitra)
    url = reverse("pendaftaran:integrasi-baru")
    html = client.get(url).content.decode()
    assert "KK perubahan data" in html and "KIA hilang" not in html
    tertutup = layanan("kk", "hilang")
    assert client.post(url, isian(tertutup)).status_code == 302  # a closed service is not offered
    assert not PermohonanIntegrasi.objects.exists()
    # The partner records the KK's change (there is no SIAK step at the Dinas in P.4.1.3).
    ubah = {"ubah_nik_1": "3575014107900003", "ubah_kolom_1": "pekerjaan", "ubah_nilai_1": "GURU"}
    assert client.post(url, isian(layanan("kk", "perubahan_data"), **ubah)).status_code == 302
    assert PermohonanIntegrasi.objects.get().instansi == instansi


def test_nik_lookup_fills_from_the_register(client, pengguna, penduduk):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("pendaftaran:cari-nik"), {"nik": "3575 0141 0790 0003", "email": "x"}, HTTP_HX_REQUEST="true")
    html = r.content.decode()
    assert r.status_code == 200 and "Ditemukan di register" in html
    assert 'value="SITI AMINAH"' in html and 'value="3575010101200001"' in html and "RT 001/RW 002" in html


def test_nik_lookup_keeps_what_was_typed_when_not_found(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    r = client.post(reverse("pendaftaran:cari-nik"), {"nik": "3575019999990001", "nama": "BUDI"})
    html = r.content.decode()
    assert "tidak ditemukan" in html and 'value="BUDI"' in html


def test_nik_lookup_refuses_a_nik_in_the_query_string(client, pengguna, penduduk):
    client.force_login(pengguna("petugas_fo"))
    r = client.get(reverse("pendaftaran:cari-nik"), {"nik": "3575014107900003"})
    assert r.status_code == 405 and "SITI AMINAH" not in r.content.decode()


def test_nik_lookup_is_for_counter_staff_only(client, pengguna):
    client.force_login(pengguna("caraka"))
    assert client.post(reverse("pendaftaran:cari-nik"), {"nik": "3575014107900003"}).status_code == 403
    client.logout()
    assert client.post(reverse("pendaftaran:cari-nik"), {"nik": "3575014107900003"}).status_code == 302


def test_a_service_id_past_a_thousand_is_posted_whole_and_a_malformed_one_is_refused(client, pengguna):
    """USE_THOUSAND_SEPARATOR: an id drawn in a template must not read "12.345" (the intake's
    hidden service field once did, and the post then failed)."""
    from apps.pendaftaran.models import Layanan

    client.force_login(pengguna("petugas_fo"))
    lay = layanan("kk", "hilang")
    Layanan.objects.filter(pk=lay.pk).update(kode="kk-hilang-lama", alasan="lama")  # frees the unique keys
    lay.pk = 12345  # the same service under a five-digit id
    lay.save(force_insert=True)
    html = client.get(URL, {"layanan": 12345}).content.decode()
    assert 'name="layanan" value="12345"' in html
    r = client.post(URL, isian(lay, layanan="12.345"))
    assert r.status_code == 302 and r["Location"] == URL
    assert not PermohonanDenganVerifikasi.objects.exists()
