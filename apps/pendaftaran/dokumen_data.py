"""The template context each document of P.4.1 is rendered with (``data_dokumen`` of a request).

- ``tanda_terima``: the receipt with the tracking code, the PIN and a QR code to the status page;
- ``kk`` / ``kia``: the family card or the child identity card, from the register when the NIK is
  found there (SIAK is the record of truth; the register is the Dinas' local copy);
- ``ktp_el_cetak``: the print record of a KTP-el.
"""

from __future__ import annotations

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
            penerima_berkas=penerima_berkas(objek),
        )
    elif jenis == "kk":
        data.update(_data_kk(objek))
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
                from .kia import berlaku_hingga

                data["berlaku_hingga"] = berlaku_hingga(p.tanggal_lahir, timezone.localdate())
                data["no_akta_kelahiran"] = p.no_akta_kelahiran
                data["foto"] = _foto(objek)
        if jenis == "ktp_el_cetak":
            data["alasan"] = objek.layanan.get_alasan_display()
            data["dicetak_oleh"] = _pencetak(objek)
        data["jumlah_cetak_ulang"] = objek.jumlah_cetak_ulang
    return data


def _data_kk(objek) -> dict:
    """The KK: members from the register (deceased and moved out left off, head first, SHDK order,
    birth date), every column, the recorded changes shown in place, "Dikeluarkan tanggal"."""
    from .kk import anggota_kk, keluarga_kk, perubahan_per_nik

    keluarga = keluarga_kk(objek)
    perubahan = perubahan_per_nik(objek)
    if keluarga is not None:
        anggota = anggota_kk(keluarga, perubahan=perubahan)
        kepala = next((a["nama"] for a in anggota if a["hubungan_kode"] == "kepala"), keluarga.kepala.nama if keluarga.kepala_id else "")
        alamat = {"alamat": keluarga.alamat, "rt": keluarga.rt, "rw": keluarga.rw, "kode_pos": keluarga.kode_pos,
                  **_wilayah(keluarga.kelurahan)}
    else:
        # A KK baru before signing: the applicant heads the new family.
        p = objek.penduduk
        anggota = anggota_kk(None, tambahan=[p]) if p is not None else [{"nama": objek.nama, "nik": objek.nik}]
        for a in anggota:
            a.update(hubungan="Kepala keluarga", hubungan_kode="kepala")
        kepala = objek.nama
        alamat = {"alamat": p.alamat if p else objek.alamat, "rt": p.rt if p else "", "rw": p.rw if p else "", "kode_pos": "",
                  **_wilayah(p.kelurahan if p else None)}
    return {
        "judul": "Kartu Keluarga",
        "no_kk": getattr(objek, "no_kk_siak", "") or (keluarga.no_kk if keluarga else objek.no_kk),
        "kepala_keluarga": kepala,
        "anggota": anggota,
        "perubahan": bool(perubahan),
        "dikeluarkan": timezone.localdate(),
        "kabupaten_kota": "Kota Pasuruan",
        **alamat,
    }


def penerima_berkas(objek) -> dict:
    """Who received the file and signs the tanda terima: name and role (the front office, or a
    partner's officer with the partner's name)."""
    from apps.akun.roles import NAMA_PERAN
    from apps.core.peran import peran_pengguna

    user = objek.dibuat_oleh
    if user is None:
        return {"nama": "", "jabatan": ""}
    peran = sorted(peran_pengguna(user) & {"petugas_fo", "petugas_integrasi"}) or sorted(peran_pengguna(user))
    jabatan = NAMA_PERAN.get(peran[0], "") if peran else ""
    instansi = getattr(getattr(objek, "instansi", None), "nama", "")
    return {"nama": user.get_full_name() or user.username, "jabatan": f"{jabatan}, {instansi}" if instansi else jabatan}


def _foto(objek) -> str:
    """The child's photo (KIA) as a data URI for the card, or ""."""
    import base64

    lampiran = getattr(objek, "foto", None)
    if lampiran is None:
        return ""
    with lampiran.berkas.open("rb") as f:
        return f"data:{lampiran.jenis_mime};base64,{base64.b64encode(f.read()).decode()}"


def _pencetak(objek) -> str:
    from apps.core.workflow import riwayat

    baris = riwayat(objek).filter(aksi="cetak").order_by("-waktu", "-pk").first()
    if baris is None or baris.oleh is None:
        return ""
    return baris.oleh.get_full_name() or baris.oleh.username
