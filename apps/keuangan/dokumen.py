"""SPP and SPM (P.3.1.5): the numbered, TTE-signed documents of a payment request, issued through
apps/dokumen (docs/kontrak-dokumen.md) and verifiable by their QR at /verifikasi/."""

from __future__ import annotations

from decimal import Decimal

from .uang import format_rupiah

_SATUAN = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]


def _terbilang(n: int) -> str:
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"
    if n < 100:
        return f"{_SATUAN[n // 10]} puluh {_terbilang(n % 10)}".strip()
    if n < 200:
        return f"seratus {_terbilang(n - 100)}".strip()
    if n < 1000:
        return f"{_SATUAN[n // 100]} ratus {_terbilang(n % 100)}".strip()
    if n < 2000:
        return f"seribu {_terbilang(n - 1000)}".strip()
    for besar, nama in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= besar:
            return f"{_terbilang(n // besar)} {nama} {_terbilang(n % besar)}".strip()
    return ""


def terbilang_rupiah(nilai: Decimal) -> str:
    """``Decimal("1250000.50")`` → "satu juta dua ratus lima puluh ribu rupiah lima puluh sen"."""
    rupiah = int(nilai)
    sen = int((nilai - rupiah) * 100)
    teks = f"{_terbilang(rupiah) or 'nol'} rupiah"
    if sen:
        teks += f" {_terbilang(sen)} sen"
    return teks.capitalize()


def data_spp_spm(permintaan, jenis: str) -> dict:
    baris = permintaan.baris_dpa
    return {
        "kegiatan": permintaan.kegiatan,
        "penerima": permintaan.penerima or "-",
        "metode": permintaan.get_metode_display() or "-",
        "kode_rekening": baris.kode_rekening,
        "uraian_rekening": baris.uraian,
        "tahun_anggaran": baris.dokumen.tahun,
        "jumlah": format_rupiah(permintaan.jumlah),
        "terbilang": terbilang_rupiah(permintaan.jumlah),
        "nomor_spp": permintaan.nomor_spp,
        "nama": permintaan.penerima or permintaan.kegiatan[:150],
        "nik": "",
    }


def _contoh(jenis: str) -> dict:
    jumlah = Decimal("12500000.00")
    return {
        "kegiatan": "Penyediaan alat tulis kantor pelayanan KTP-el triwulan III",
        "penerima": "CV Sumber Rejeki Pasuruan",
        "metode": "LS (langsung)",
        "kode_rekening": "5.1.02.01.01.0024",
        "uraian_rekening": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
        "tahun_anggaran": 2026,
        "jumlah": format_rupiah(jumlah),
        "terbilang": terbilang_rupiah(jumlah),
        "nomor_spp": "900/SPP-LS/0001/423.112/2026" if jenis == "spm" else "",
        "nama": "CV Sumber Rejeki Pasuruan",
        "nik": "",
    }


def daftarkan_dokumen() -> None:
    from apps.dokumen.jenis import A4, daftarkan_jenis

    # Signed by TTE in the flow: the SPP by the bendahara pengeluaran at issue, the SPM by the
    # kadis as Pengguna Anggaran (numbered at that signature; QR to /verifikasi/ in the TTE box).
    daftarkan_jenis("spp", judul="Surat Permintaan Pembayaran (SPP)", template="keuangan/dokumen/spp.html",
                    ukuran_kertas=A4, pola_nomor="900/SPP/{urut:04d}/423.112/{tahun}", ditandatangani=True,
                    untuk_pemohon=False, contoh=_contoh("spp"))
    daftarkan_jenis("spm", judul="Surat Perintah Membayar (SPM)", template="keuangan/dokumen/spm.html",
                    ukuran_kertas=A4, pola_nomor="900/SPM/{urut:04d}/423.112/{tahun}", ditandatangani=True,
                    untuk_pemohon=False, contoh=_contoh("spm"))
