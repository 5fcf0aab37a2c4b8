"""Small builders for capil's tests (unit, matrix, browser).

A family of Kota Pasuruan (Karangketug, kecamatan Gadingrejo 357501) with a father as head and a
mother, and P.5.1 reports built by the demo's builders (through the intake service), optionally
put straight into a later state.
"""

from __future__ import annotations

from datetime import date

from apps.capil.demo import (  # noqa: F401 (re-exported)
    nomor_siak_demo,
    pelaporan_kelahiran,
    pelaporan_kematian,
    pindaian,
)
from apps.capil.models import PencatatanSipil
from apps.penduduk.models import Hubungan, Keluarga, Penduduk, Wilayah

KELURAHAN = "35.75.01.1001"


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


def kelahiran_baru(*, fo, keluarga, ayah, ibu, status: str | None = None, **kw) -> PencatatanSipil:
    return _ke_status(pelaporan_kelahiran(oleh=fo, keluarga=keluarga, ayah=ayah, ibu=ibu, **kw), status)


def kematian_baru(*, fo, jenazah, status: str | None = None, **kw) -> PencatatanSipil:
    return _ke_status(pelaporan_kematian(oleh=fo, jenazah=jenazah, **kw), status)


SETELAH_INPUT = {"diinput", "menunggu_verifikasi", "diverifikasi_kasi", "perbaikan", "terverifikasi",
                 "ditandatangani", "dicetak", "selesai"}


def _ke_status(objek: PencatatanSipil, status: str | None) -> PencatatanSipil:
    """Put a record straight into ``status`` (tests and demo only; real records move by actions).
    Past the SIAK step it carries the numbers SIAK would have given (the demo's stand-in)."""
    if status:
        objek = PencatatanSipil.objects.get(pk=objek.pk)
        isian = nomor_siak_demo(objek) if status in SETELAH_INPUT else {}
        if "nik_anak" in isian:
            type(objek.rincian).objects.filter(pk=objek.rincian.pk).update(nik_anak=isian["nik_anak"])
        PencatatanSipil.objects.filter(pk=objek.pk).update(
            status=status, nomor_siak=isian.get("nomor_siak", ""), nomor_akta=isian.get("nomor_akta", ""))
        objek = PencatatanSipil.objects.get(pk=objek.pk)
    return objek
