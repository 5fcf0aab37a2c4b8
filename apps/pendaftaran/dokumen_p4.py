"""Document types of P.4.2–P.4.5, registered from ``AppConfig.ready``."""

from __future__ import annotations

import datetime


def daftarkan_dokumen_p4() -> None:
    from apps.dokumen.jenis import A4, daftarkan_jenis

    batas = datetime.date(2030, 6, 30)
    daftarkan_jenis(
        "dokumen_wna", judul="KK / KTP WNA", template="pendaftaran/dokumen/dokumen_wna.html", ukuran_kertas=A4,
        pola_nomor="WNA/{urut:06d}/{bulan_romawi}/{tahun}",
        contoh={"judul": "KK WNA", "kk": True, "nama": "JOHN SMITH", "nik": "3575019999000001",
                "no_kk": "3575019999000002", "kewarganegaraan": "Australia", "nomor_paspor": "PA1234567",
                "izin": "KITAS (izin tinggal terbatas)", "nomor_izin": "2C11AB1234", "izin_berlaku_sampai": batas,
                "ktp_berlaku_sampai": None, "alamat": "Jl. Hayam Wuruk 10, Pasuruan"},
    )
    daftarkan_jenis(
        "surat_luar_negeri", judul="SKPLN / SKDLN", template="pendaftaran/dokumen/surat_luar_negeri.html",
        ukuran_kertas=A4, pola_nomor="474/{urut:05d}/LN/{tahun}",
        contoh={"skpln": True, "nama": "SITI AMINAH", "nik": "3575014107900003", "nomor_paspor": "C1234567",
                "negara": "Malaysia", "alamat_luar_negeri": "Jalan Ampang 1, Kuala Lumpur",
                "tanggal_pindah": batas, "no_kk_tujuan": ""},
    )
    daftarkan_jenis(
        "berita_acara_pendataan", judul="Berita Acara Pendataan Penduduk Rentan",
        template="pendaftaran/dokumen/berita_acara_pendataan.html", ukuran_kertas=A4, ditandatangani=False,
        untuk_pemohon=False, pola_nomor="470/{urut:04d}/BA-PR/{tahun}",
        contoh={"nama": "TANPA NAMA (PANTI WREDHA)", "kelompok": "Penghuni panti sosial", "pengusul": "UPT Panti Wredha",
                "tempat_lahir": "Pasuruan", "tanggal_lahir": datetime.date(1950, 1, 1),
                "alamat": "Jl. Panglima Sudirman 1", "kode_lacak": "ABCD-EFGH-JKLM"},
    )
