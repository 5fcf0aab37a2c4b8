"""The template context each document of P.4.1 is rendered with (``data_dokumen`` of a request).

- ``tanda_terima``: the receipt with the tracking code, the PIN and a QR code to the status page;
- ``kk`` / ``kia``: the family card or the child identity card, from the register when the NIK is
  found there (SIAK is the record of truth; the register is the Dinas' local copy);
- ``ktp_el_cetak``: the print record of a KTP-el.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from apps.core.peta import teks_kode


def url_status(objek) -> str:
    return f"{settings.SITE_URL}{reverse('publik:status')}?kode={objek.kode_lacak}"


def _umum(objek) -> dict:
    p = objek.penduduk
    return {
        "permohonan": objek,
        "kode_lacak": objek.kode_lacak,
        "layanan": objek.layanan.nama,
        "kode_proses": teks_kode(objek),
        "nama": objek.nama,
        "nik": objek.nik,
        "no_kk": objek.no_kk or (p.keluarga.no_kk if p and p.keluarga_id else ""),
        "alamat": objek.alamat,
        "tanggal": timezone.localtime(objek.dibuat_pada),
    }


def _anggota(keluarga) -> list[dict]:
    return [
        {
            "nama": a.nama,
            "nik": a.nik,
            "jenis_kelamin": a.get_jenis_kelamin_display(),
            "tempat_lahir": a.tempat_lahir,
            "tanggal_lahir": a.tanggal_lahir,
            "agama": a.get_agama_display(),
            "pekerjaan": a.pekerjaan,
            "status_perkawinan": a.get_status_perkawinan_display(),
            "hubungan": a.get_hubungan_display(),
            "kewarganegaraan": a.kewarganegaraan,
            "nama_ayah": a.nama_ayah,
            "nama_ibu": a.nama_ibu,
        }
        for a in keluarga.anggota.order_by("tanggal_lahir", "nik")
    ]


def _wilayah(kelurahan) -> dict:
    kecamatan = kelurahan.induk if kelurahan else None
    return {
        "kelurahan": kelurahan.nama if kelurahan else "",
        "kecamatan": kecamatan.nama if kecamatan else "",
        "kota": "Kota Pasuruan",
        "provinsi": "Jawa Timur",
    }


def data_dokumen(objek, jenis: str) -> dict:
    data = _umum(objek)
    p = objek.penduduk
    if jenis == "tanda_terima":
        from apps.dokumen.qr import qr_data_uri

        ada = objek.persyaratan_diterima()
        status = url_status(objek)
        syarat = objek.daftar_persyaratan()
        data.update(
            judul="Tanda Terima Permohonan",
            nama_pemohon=objek.nama,
            berkas_diterima=[s.nama for s in syarat if s.pk in ada],
            pin=objek.pin,
            tenggat=objek.tenggat,
            telepon=objek.telepon,
            email=objek.email,
            persyaratan=[{"nama": s.nama, "ada": s.pk in ada, "wajib": s.wajib} for s in syarat],
            url_status=status,
            qr=qr_data_uri(status),
            instansi_mitra=getattr(getattr(objek, "instansi", None), "nama", ""),
        )
    elif jenis == "kk":
        keluarga = p.keluarga if p and p.keluarga_id else None
        data.update(
            judul="Kartu Keluarga",
            no_kk=keluarga.no_kk if keluarga else objek.no_kk,
            kepala_keluarga=(keluarga.kepala.nama if keluarga and keluarga.kepala_id else objek.nama),
            alamat=keluarga.alamat if keluarga else objek.alamat,
            rt=keluarga.rt if keluarga else "",
            rw=keluarga.rw if keluarga else "",
            kode_pos=keluarga.kode_pos if keluarga else "",
            anggota=_anggota(keluarga) if keluarga else [{"nama": objek.nama, "nik": objek.nik}],
            kabupaten_kota="Kota Pasuruan",
            **_wilayah(keluarga.kelurahan if keluarga else None),
        )
    elif jenis in ("kia", "ktp_el_cetak"):
        data.update(judul="Kartu Identitas Anak" if jenis == "kia" else "Rekam Cetak KTP-el")
        if p:
            data.update(
                tempat_lahir=p.tempat_lahir,
                tanggal_lahir=p.tanggal_lahir,
                jenis_kelamin=p.get_jenis_kelamin_display(),
                agama=p.get_agama_display(),
                status_perkawinan=p.get_status_perkawinan_display(),
                pekerjaan=p.pekerjaan,
                kewarganegaraan=p.kewarganegaraan,
                nama_ayah=p.nama_ayah,
                nama_ibu=p.nama_ibu,
                kepala_keluarga=(p.keluarga.kepala.nama if p.keluarga_id and p.keluarga.kepala_id else ""),
                alamat=p.alamat,
                rt=p.rt,
                rw=p.rw,
                **_wilayah(p.kelurahan),
            )
            if jenis == "kia":
                data["berlaku_hingga"] = _ulang_tahun(p.tanggal_lahir, 17) - timedelta(days=1)
        if jenis == "ktp_el_cetak":
            data["alasan"] = objek.layanan.get_alasan_display()
            data["dicetak_oleh"] = _pencetak(objek)
        data["jumlah_cetak_ulang"] = objek.jumlah_cetak_ulang
    return data


def _ulang_tahun(tanggal, umur: int):
    """A KIA is valid until the day before the child turns 17 (Permendagri 2/2016)."""
    try:
        return tanggal.replace(year=tanggal.year + umur)
    except ValueError:  # 29 February
        return tanggal.replace(year=tanggal.year + umur, day=28)


def _pencetak(objek) -> str:
    from apps.core.workflow import riwayat

    baris = riwayat(objek).filter(aksi="cetak").order_by("-waktu", "-pk").first()
    if baris is None or baris.oleh is None:
        return ""
    return baris.oleh.get_full_name() or baris.oleh.username
