"""Staff pages of a resident and of a family: data, members, documents, audited history.

Reached from the register search (a POST, so no NIK in a URL); the URL carries the primary key.
Every opening is logged (``halaman.akses_catat``)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .halaman import (
    DISAMARKAN,
    KOLOM_TERBATAS,
    akses_catat,
    halaman_keluarga,
    halaman_penduduk,
    keluarga_untuk_pengguna,
    penduduk_untuk_pengguna,
    status_anggota,
)


@require_GET
@never_cache
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    penduduk = penduduk_untuk_pengguna(request.user, pk)
    halaman = halaman_penduduk(user=request.user, penduduk=penduduk)
    akses_catat(request=request, objek=penduduk)
    data = _data_penduduk(penduduk, lengkap=halaman.lengkap)
    anggota = [(p, status_anggota(p)) for p in halaman.anggota]
    return render(request, "penduduk/penduduk_detail.html", {"h": halaman, "data": data, "anggota": anggota})


@require_GET
@never_cache
@login_required
def keluarga_detail(request: HttpRequest, pk: int) -> HttpResponse:
    keluarga = keluarga_untuk_pengguna(request.user, pk)
    halaman = halaman_keluarga(user=request.user, keluarga=keluarga)
    akses_catat(request=request, objek=keluarga)
    anggota = [(p, status_anggota(p)) for p in halaman.anggota]
    return render(request, "penduduk/keluarga_detail.html", {"h": halaman, "anggota": anggota})


def _data_penduduk(p, *, lengkap: bool) -> list[tuple[str, str]]:
    """(label, value) rows of the resident's data; fields the role need not see are masked."""
    kecamatan = p.kelurahan.induk
    baris = [
        ("NIK", p.nik),
        ("Nama lengkap", p.nama),
        ("Tempat, tanggal lahir", f"{p.tempat_lahir}, {p.tanggal_lahir:%d-%m-%Y}"),
        ("Jenis kelamin", p.get_jenis_kelamin_display()),
        ("Alamat", f"{p.alamat} RT {p.rt}/RW {p.rw}, {p.kelurahan.nama}" + (f", {kecamatan.nama}" if kecamatan else "")),
        ("Kewarganegaraan", p.get_kewarganegaraan_display()),
        ("Hubungan dalam keluarga", p.get_hubungan_display() or "–"),
        ("Nomor akta kelahiran", p.no_akta_kelahiran or "–"),
        ("Status", status_anggota(p) + (f" ({p.tanggal_meninggal:%d-%m-%Y})" if p.tanggal_meninggal else "")),
    ]
    terbatas = [
        ("agama", "Agama", p.get_agama_display()),
        ("status_perkawinan", "Status perkawinan", p.get_status_perkawinan_display()),
        ("tanggal_perkawinan", "Tanggal perkawinan", f"{p.tanggal_perkawinan:%d-%m-%Y}" if p.tanggal_perkawinan else ""),
        ("pekerjaan", "Pekerjaan", p.pekerjaan),
        ("pendidikan", "Pendidikan", p.get_pendidikan_display()),
        ("golongan_darah", "Golongan darah", p.get_golongan_darah_display()),
        ("nama_ayah", "Nama ayah", p.nama_ayah),
        ("nama_ibu", "Nama ibu", p.nama_ibu),
        ("no_paspor", "No. paspor", p.no_paspor),
        ("no_kitap", "No. KITAS/KITAP", p.no_kitap),
    ]
    for kolom, label, nilai in terbatas:
        samar = not lengkap and kolom in KOLOM_TERBATAS
        baris.append((label, DISAMARKAN if samar else (nilai or "–")))
    return baris
