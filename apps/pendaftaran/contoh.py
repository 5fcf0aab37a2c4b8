"""Sample data of the KK and the KIA for ``manage.py contoh_dokumen``, made by the same code that
fills the real documents (``kk.anggota_kk``, ``kia.berlaku_hingga``): a family whose deceased
grandfather is left off and whose head, listed last in the register, comes first; a KIA for a
3-year-old (valid until the 5th birthday, no photo) and one for a 10-year-old (until the day
before the 17th)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from apps.penduduk.models import Penduduk

from .kia import berlaku_hingga, ulang_tahun
from .kk import anggota_kk

D = datetime.date
NO_KK = "3575012006060004"


def _orang(nik, nama, lahir, hubungan, jk="L", **kw) -> Penduduk:
    return Penduduk(nik=nik, nama=nama, tempat_lahir=kw.pop("tempat_lahir", "PASURUAN"), tanggal_lahir=lahir,
                    jenis_kelamin=jk, agama="islam", hubungan=hubungan, **kw)


def contoh_kk() -> dict:
    # In register order (by NIK), not in KK order: the KK sorts them and leaves off the deceased.
    orang = [
        _orang("3575010101400001", "SUPARMAN", D(1940, 1, 1), "orang_tua", status_perkawinan="cerai_mati",
               pekerjaan="PENSIUNAN", status_hidup="meninggal", tanggal_meninggal=D(2025, 1, 2)),
        _orang("3575010509120003", "RIZKY PRATAMA", D(2012, 9, 5), "anak", status_perkawinan="belum_kawin",
               pekerjaan="PELAJAR/MAHASISWA", pendidikan="sltp", golongan_darah="O",
               nama_ayah="AHMAD SUBAGYO", nama_ibu="SITI AMINAH"),
        _orang("3575011203800001", "AHMAD SUBAGYO", D(1980, 3, 12), "kepala", status_perkawinan="kawin",
               tanggal_perkawinan=D(2006, 6, 10), pekerjaan="WIRASWASTA", pendidikan="slta", golongan_darah="O",
               nama_ayah="SUPARMAN", nama_ibu="SITI KHOTIJAH"),
        _orang("3575014107850002", "SITI AMINAH", D(1985, 7, 1), "istri", jk="P", tempat_lahir="PROBOLINGGO",
               status_perkawinan="kawin", tanggal_perkawinan=D(2006, 6, 10), pekerjaan="MENGURUS RUMAH TANGGA",
               pendidikan="d3", golongan_darah="A", nama_ayah="ABDUL ROHIM", nama_ibu="MARYAM"),
    ]
    anggota = anggota_kk(None, tambahan=orang)
    return {
        "no_kk": NO_KK, "kepala_keluarga": "AHMAD SUBAGYO", "alamat": "JL. HASANUDIN NO. 12", "rt": "003", "rw": "002",
        "kelurahan": "Bugul Kidul", "kecamatan": "Bugul Kidul", "kode_pos": "67121", "kabupaten_kota": "Kota Pasuruan",
        "provinsi": "Jawa Timur", "anggota": anggota, "dikeluarkan": timezone.localdate(),
        "nama": "AHMAD SUBAGYO", "nik": "3575011203800001",
    }


def contoh_kia(umur: int) -> dict:
    hari_ini = timezone.localdate()
    lahir = ulang_tahun(hari_ini, -umur) - datetime.timedelta(days=45)
    jk_hari = lahir.day
    nik = f"357501{jk_hari:02d}{lahir:%m%y}{umur:04d}"
    return {
        "nik": nik, "nama": f"ANAK CONTOH {umur} TAHUN", "tempat_lahir": "PASURUAN", "tanggal_lahir": lahir,
        "jenis_kelamin": "Laki-laki", "no_kk": NO_KK, "kepala_keluarga": "AHMAD SUBAGYO", "agama": "Islam",
        "no_akta_kelahiran": f"3575-LU-{lahir + datetime.timedelta(days=7):%d%m%Y}-{umur:04d}",
        "alamat": "JL. HASANUDIN NO. 12 RT 003/RW 002", "berlaku_hingga": berlaku_hingga(lahir, hari_ini),
        "tanggal_terbit": hari_ini,
    }


def daftarkan_contoh() -> None:
    """Give the registered KK and KIA types these samples (called from ``AppConfig.ready``)."""
    from dataclasses import asdict

    from apps.dokumen.jenis import ambil_jenis, daftarkan_jenis

    for kode, contoh, varian in (("kk", contoh_kk(), None), ("kia", contoh_kia(10), {"3-tahun": contoh_kia(3)})):
        lama = ambil_jenis(kode)
        daftarkan_jenis(**{**asdict(lama), "contoh": contoh, "contoh_varian": {**(lama.contoh_varian or {}), **(varian or {})}})
