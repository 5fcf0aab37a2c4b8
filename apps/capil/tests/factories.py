"""Small builders for capil's tests (unit, matrix, browser) and its demo data.

A family of Kota Pasuruan (Karangketug, kecamatan Gadingrejo 357501) with a father as head and a
mother, and P.5.1 requests built the way the intake service builds them.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.capil.models import JenisPeristiwa, Kelahiran, Kematian, PencatatanSipil
from apps.capil.services import pencatatan_buat
from apps.capil.syarat import syarat_untuk
from apps.penduduk.models import Hubungan, Keluarga, Penduduk, Wilayah

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
KELURAHAN = "35.75.01.1001"


def pindaian(nama: str = "pindaian.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, PDF, content_type="application/pdf")


def penduduk_baru(*, nik: str, nama: str, jenis_kelamin: str, tanggal_lahir: date, keluarga=None, hubungan="",
                  status_perkawinan="kawin") -> Penduduk:
    kelurahan = Wilayah.objects.get(kode=KELURAHAN)
    return Penduduk.objects.create(
        nik=nik, nama=nama, tempat_lahir="PASURUAN", tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin,
        agama="islam", status_perkawinan=status_perkawinan, pekerjaan="Karyawan swasta", keluarga=keluarga,
        hubungan=hubungan, alamat="Jl. Hasanudin 12", rt="002", rw="005", kelurahan=kelurahan,
    )


def keluarga_baru(*, urut: int = 1) -> tuple[Keluarga, Penduduk, Penduduk]:
    """(keluarga, ayah as head, ibu as wife); ``urut`` makes the numbers of another family."""
    kelurahan = Wilayah.objects.get(kode=KELURAHAN)
    keluarga = Keluarga.objects.create(no_kk=f"357501010120{urut:04d}", alamat="Jl. Hasanudin 12", rt="002",
                                       rw="005", kelurahan=kelurahan, kode_pos="67118")
    ayah = penduduk_baru(nik=f"357501020590{urut:04d}", nama="BUDI SANTOSO", jenis_kelamin="L",
                         tanggal_lahir=date(1990, 5, 2), keluarga=keluarga, hubungan=Hubungan.KEPALA)
    ibu = penduduk_baru(nik=f"357501500794{urut:04d}", nama="SITI AMINAH", jenis_kelamin="P",
                        tanggal_lahir=date(1994, 7, 10), keluarga=keluarga, hubungan=Hubungan.ISTRI)
    keluarga.kepala = ayah
    keluarga.save(update_fields=["kepala"])
    return keluarga, ayah, ibu


def _umum(jenis: str, **lain) -> PencatatanSipil:
    return PencatatanSipil(
        jenis_peristiwa=jenis, pelapor_nik="3575010205900001", pelapor_nama="BUDI SANTOSO",
        pelapor_hubungan="Ayah kandung", pelapor_telepon="081234567890", email=lain.pop("email", "budi@contoh.id"),
        saksi1_nik="3575010101800001", saksi1_nama="AHMAD FAUZI", saksi2_nik="3575010101800002",
        saksi2_nama="DEWI LESTARI", **lain,
    )


def _berkas(jenis: str, lengkap: bool) -> list[tuple]:
    daftar = syarat_untuk(jenis)
    return [(pindaian(), s) for s in (daftar if lengkap else daftar[:1])]


def kelahiran_baru(*, fo, keluarga, ayah, ibu, tanggal_lahir: date | None = None, nama_anak="ANISA PUTRI",
                   jenis_kelamin="P", lengkap=True, status: str | None = None) -> PencatatanSipil:
    rincian = Kelahiran(
        nama_anak=nama_anak, jenis_kelamin=jenis_kelamin, tanggal_lahir=tanggal_lahir or timezone.localdate() - timedelta(days=10),
        waktu_lahir=time(8, 30), tempat_dilahirkan="rs", nama_tempat="RSUD dr. R. Soedarsono", tempat_lahir="Pasuruan",
        jenis_kelahiran="tunggal", kelahiran_ke=1, penolong="dokter", berat_gram=3100, panjang_cm=49,
        keluarga=keluarga, ibu=ibu, ibu_nik=ibu.nik, ibu_nama=ibu.nama, ayah=ayah, ayah_nik=ayah.nik, ayah_nama=ayah.nama,
    )
    objek = pencatatan_buat(pencatatan=_umum(JenisPeristiwa.KELAHIRAN), rincian=rincian,
                            berkas=_berkas(JenisPeristiwa.KELAHIRAN, lengkap), oleh=fo)
    return _ke_status(objek, status)


def kematian_baru(*, fo, jenazah, tanggal_kematian: date | None = None, status: str | None = None) -> PencatatanSipil:
    tanggal = tanggal_kematian or timezone.localdate() - timedelta(days=3)
    rincian = Kematian(
        jenazah=jenazah, jenazah_nik=jenazah.nik, jenazah_nama=jenazah.nama, tanggal_kematian=tanggal,
        waktu_kematian=time(4, 15), tempat_kematian="RSUD dr. R. Soedarsono", sebab_kematian="sakit",
        yang_menerangkan="dokter", nomor_surat_keterangan="445/123/RSUD/2026", tanggal_surat_keterangan=tanggal,
    )
    objek = pencatatan_buat(pencatatan=_umum(JenisPeristiwa.KEMATIAN), rincian=rincian,
                            berkas=_berkas(JenisPeristiwa.KEMATIAN, True), oleh=fo)
    return _ke_status(objek, status)


def _ke_status(objek: PencatatanSipil, status: str | None) -> PencatatanSipil:
    """Put a record straight into ``status`` (tests and demo only; real records move by actions)."""
    if status:
        PencatatanSipil.objects.filter(pk=objek.pk).update(status=status)
        objek = PencatatanSipil.objects.get(pk=objek.pk)
    return objek
