"""Issue 8 §3–§4 at the P.4.1 desk: register checks, NIK warnings confirmed with a reason and shown
to the verifier, KIA refused from 17, a photo (an image) required from 5."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from apps.pendaftaran.kia import ulang_tahun
from apps.pendaftaran.models import PermohonanDenganVerifikasi
from apps.penduduk.models import KonfirmasiPeringatan, Penduduk, Wilayah

from .factories import layanan, pdf_uji

pytestmark = pytest.mark.django_db
URL = reverse("pendaftaran:baru")


def orang(nik: str, lahir: datetime.date, jk: str = "L", **kw) -> Penduduk:
    kel = Wilayah.objects.filter(tingkat="kelurahan").first()
    return Penduduk.objects.create(
        nik=nik, nama="ANAK UJI", tempat_lahir="PASURUAN", tanggal_lahir=lahir, jenis_kelamin=jk, agama="islam",
        status_perkawinan="belum_kawin", pekerjaan="PELAJAR/MAHASISWA", alamat="JL. UJI 1", rt="001", rw="001",
        kelurahan=kel, **kw,
    )


def nik_untuk(lahir: datetime.date, serial: str = "0001") -> str:
    return f"357501{lahir:%d%m%y}{serial}"


def isian(lay, nik: str, **kw) -> dict:
    data = {"layanan": lay.pk, "nik": nik, "nama": "ANAK UJI", "no_kk": "", "alamat": "JL. UJI 1"}
    for p in lay.persyaratan.filter(wajib=True):
        data[f"berkas_{p.pk}"] = pdf_uji()
    data.update(kw)
    return data


def gambar() -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", (60, 80), (200, 30, 30)).save(buf, "JPEG")
    return SimpleUploadedFile("foto.jpg", buf.getvalue(), content_type="image/jpeg")


@pytest.fixture
def fo(client, pengguna):
    client.force_login(pengguna("petugas_fo"))
    return client


def test_a_deceased_resident_is_refused_next_to_the_nik(fo):
    lahir = ulang_tahun(timezone.localdate(), -40)
    p = orang(nik_untuk(lahir), lahir, status_hidup="meninggal", tanggal_meninggal=timezone.localdate())
    r = fo.post(URL, isian(layanan("ktp_el", "hilang"), p.nik, konfirmasi_peringatan="on", alasan_konfirmasi="x"))
    assert r.status_code == 400
    assert "meninggal dunia" in r.context["form"].errors["nik"][0]
    assert not PermohonanDenganVerifikasi.objects.exists()


def test_a_moved_out_resident_needs_a_confirmation_kept_for_the_verifier(fo, client, pengguna):
    lahir = datetime.date(1990, 7, 1)
    p = orang(nik_untuk(lahir), lahir, tanggal_pindah=timezone.localdate() - datetime.timedelta(days=30))
    lay = layanan("kk", "hilang")
    r = fo.post(URL, isian(lay, p.nik))
    assert r.status_code == 400
    html = r.content.decode()
    assert "pindah keluar" in html and "centang konfirmasi" in html
    r = fo.post(URL, isian(lay, p.nik, konfirmasi_peringatan="on", alasan_konfirmasi="Membawa SKPWNI datang"))
    assert r.status_code == 302
    obj = PermohonanDenganVerifikasi.objects.get()
    k = KonfirmasiPeringatan.objects.get(object_id=obj.pk)
    assert k.oleh.username == "petugas_fo" and k.alasan == "Membawa SKPWNI datang"
    client.force_login(pengguna("verifikator"))
    html = client.get(reverse("pendaftaran:permohonandenganverifikasi-detail", args=[obj.pk])).content.decode()
    assert "Membawa SKPWNI datang" in html and "pindah keluar" in html and 'id="konfirmasi-peringatan"' in html


def test_a_nik_warning_needs_a_confirmation(fo):
    lay = layanan("ktp_el", "hilang")
    nik = "9901014107900003"  # unknown region
    assert fo.post(URL, isian(lay, nik)).status_code == 400
    assert fo.post(URL, isian(lay, nik, konfirmasi_peringatan="on", alasan_konfirmasi="KTP-el asli dari luar daerah")).status_code == 302
    assert KonfirmasiPeringatan.objects.get().peringatan[0].startswith("Kode wilayah 990101")


def test_all_same_digit_nik_is_an_error(fo):
    r = fo.post(URL, isian(layanan("ktp_el", "hilang"), "0000000000000000"))
    assert r.status_code == 400 and "semua angkanya sama" in r.context["form"].errors["nik"][0]


def test_no_kia_from_17(fo):
    hari_ini = timezone.localdate()
    lahir = ulang_tahun(hari_ini, -17)
    p = orang(nik_untuk(lahir), lahir)
    r = fo.post(URL, isian(layanan("kia", "baru"), p.nik))
    assert r.status_code == 400
    assert "KIA hanya untuk anak di bawah 17 tahun" in r.context["form"].errors["nik"][0]
    # One day younger: still a child.
    lahir = ulang_tahun(hari_ini, -17) + datetime.timedelta(days=1)
    p = orang(nik_untuk(lahir, "0002"), lahir)
    r = fo.post(URL, isian(layanan("kia", "baru"), p.nik, foto_anak=gambar()))
    assert r.status_code == 302


def test_a_kia_from_5_needs_a_photo_that_is_an_image(fo):
    lahir = ulang_tahun(timezone.localdate(), -10)
    p = orang(nik_untuk(lahir), lahir)
    lay = layanan("kia", "baru")
    r = fo.post(URL, isian(lay, p.nik))
    assert r.status_code == 400 and "unggah pas fotonya" in r.context["form"].errors["foto_anak"][0]
    r = fo.post(URL, isian(lay, p.nik, foto_anak=pdf_uji("foto.pdf")))
    assert r.status_code == 400 and "gambar" in r.context["form"].errors["foto_anak"][0]
    r = fo.post(URL, isian(lay, p.nik, foto_anak=gambar()))
    assert r.status_code == 302
    obj = PermohonanDenganVerifikasi.objects.get()
    assert obj.foto is not None and obj.foto.jenis_mime == "image/jpeg"


def test_a_kia_under_5_needs_no_photo(fo):
    lahir = ulang_tahun(timezone.localdate(), -3)
    p = orang(nik_untuk(lahir), lahir)
    assert fo.post(URL, isian(layanan("kia", "baru"), p.nik)).status_code == 302
