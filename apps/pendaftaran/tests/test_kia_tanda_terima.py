"""Issue 8 §3: the KIA (validity by age, nomor akta from the register, the photo from 5) and the
tanda terima signed for by the officer who received the file."""

import datetime
import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from apps.dokumen.models import Dokumen
from apps.pendaftaran.kia import berlaku_hingga, ulang_tahun
from apps.pendaftaran.services import permohonan_ajukan
from apps.penduduk.models import Penduduk, Wilayah

from .factories import PASSPHRASE, layanan, pdf_uji
from .test_kk import jalankan

pytestmark = pytest.mark.django_db


def teks(dok) -> str:
    return subprocess.run(["pdftotext", dok.berkas.path, "-"], capture_output=True, text=True, check=True).stdout


def gambar() -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", (60, 80), (20, 90, 200)).save(buf, "PNG")
    return SimpleUploadedFile("foto.png", buf.getvalue(), content_type="image/png")


@pytest.mark.parametrize(
    ("lahir", "terbit", "hingga"),
    [
        (datetime.date(2023, 5, 10), datetime.date(2026, 11, 30), datetime.date(2028, 5, 10)),  # under 5: 5th birthday
        (datetime.date(2016, 5, 10), datetime.date(2026, 11, 30), datetime.date(2033, 5, 9)),  # from 5: day before 17th
        (datetime.date(2021, 11, 30), datetime.date(2026, 11, 30), datetime.date(2038, 11, 29)),  # 5 today
        (datetime.date(2020, 2, 29), datetime.date(2024, 3, 1), datetime.date(2025, 2, 28)),  # leap day
    ],
)
def test_kia_validity_follows_permendagri_2_2016(lahir, terbit, hingga):
    assert berlaku_hingga(lahir, terbit) == hingga


def _anak(umur: int, nik: str) -> Penduduk:
    lahir = ulang_tahun(timezone.localdate(), -umur) - datetime.timedelta(days=20)
    return Penduduk.objects.create(
        nik=nik, nama=f"ANAK {umur} TAHUN", tempat_lahir="PASURUAN", tanggal_lahir=lahir, jenis_kelamin="L",
        agama="islam", status_perkawinan="belum_kawin", pekerjaan="BELUM/TIDAK BEKERJA", alamat="JL. UJI 1", rt="001",
        rw="001", kelurahan=Wilayah.objects.filter(tingkat="kelurahan").first(),
        no_akta_kelahiran=f"3575-LU-0101{lahir.year}-00{umur:02d}",
    )


@pytest.mark.parametrize(("umur", "foto"), [(3, False), (10, True)])
def test_the_signed_kia_carries_validity_nomor_akta_and_photo(pengguna, kabid, django_capture_on_commit_callbacks, umur, foto):
    anak = _anak(umur, f"35750101010{umur:02d}0001"[:16])
    lay = layanan("kia", "baru")
    obj = permohonan_ajukan(
        layanan=lay, data={"nik": anak.nik, "nama": anak.nama}, oleh=pengguna("petugas_fo"),
        berkas=[(p, pdf_uji()) for p in lay.persyaratan.filter(wajib=True)], foto=gambar() if foto else None,
    )
    jalankan(obj, "berkas_lengkap", pengguna("petugas_fo"))
    jalankan(obj, "input_siak", pengguna("operator_siak"), {"referensi_siak": "SIAK-KIA"})
    jalankan(obj, "verifikasi", pengguna("verifikator"))
    with django_capture_on_commit_callbacks(execute=True):
        jalankan(obj, "tandatangani", kabid, {"passphrase": PASSPHRASE})
    dok = Dokumen.untuk(obj).get(jenis="kia")
    isi = teks(dok)
    assert f"{berlaku_hingga(anak.tanggal_lahir, timezone.localdate()):%d-%m-%Y}" in isi
    assert anak.no_akta_kelahiran in isi
    gambar_pdf = subprocess.run(["pdfimages", "-list", dok.berkas.path], capture_output=True, text=True, check=True).stdout
    baris = [b for b in gambar_pdf.splitlines()[2:] if b.strip()]
    # "page num type width height ...": the QR images are there either way; the photo is the 60x80 one.
    assert any(b.split()[3:5] == ["60", "80"] for b in baris) is foto


def test_the_tanda_terima_is_signed_for_by_the_receiving_officer(pengguna, django_capture_on_commit_callbacks):
    fo = pengguna("petugas_fo")
    fo.first_name, fo.last_name = "Rina", "Wulandari"
    fo.save()
    lay = layanan("ktp_el", "hilang")
    with django_capture_on_commit_callbacks(execute=True):
        obj = permohonan_ajukan(layanan=lay, data={"nik": "3575014107900003", "nama": "SITI AMINAH"}, oleh=fo,
                                berkas=[(p, pdf_uji()) for p in lay.persyaratan.all()])
    dok = Dokumen.untuk(obj).get(jenis="tanda_terima")
    isi = teks(dok)
    assert "Yang menerima berkas" in isi and "Rina Wulandari" in isi and "Petugas front office" in isi
    assert "Kepala Dinas" not in isi
