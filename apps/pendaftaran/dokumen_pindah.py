"""The document type of P.4.6 (surat pengantar pindah), registered from ``AppConfig.ready``."""

from __future__ import annotations


def daftarkan_dokumen_pindah() -> None:
    from apps.dokumen.jenis import A4, daftarkan_jenis

    daftarkan_jenis(
        "surat_pengantar_pindah", judul="Surat pengantar permohonan pindah", untuk_pemohon=False,
        template="pendaftaran/dokumen/surat_pengantar_pindah.html", ukuran_kertas=A4,
        pola_nomor="470/{urut:04d}/423.206/{tahun}",
        contoh={"kantor": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Malang (Kab. Malang)",
                "nama": "BUDI SANTOSO", "nik": "3507011201850001", "no_kk_asal": "3507010101200001",
                "alamat_asal": "Jl. Raya Kepanjen 5, Kab. Malang", "alamat_tujuan": "Jl. Hayam Wuruk 10 RT 001/RW 002",
                "anggota": [{"nama": "BUDI SANTOSO", "nik": "3507011201850001", "hubungan": "kepala"}]},
    )
