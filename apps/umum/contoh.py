"""Sample data of umum's document types for ``manage.py contoh_dokumen`` (what ``data_dokumen``
returns for a real record)."""

from datetime import date
from decimal import Decimal

CONTOH_SURAT_KELUAR = {
    "perihal": "Undangan rapat koordinasi pemutakhiran data kependudukan",
    "sifat": "Penting",
    "lampiran": "1 (satu) berkas",
    "kepada": "Camat se-Kota Pasuruan\ndi -\nPASURUAN",
    "isi": [
        "Dalam rangka pemutakhiran data kependudukan semester II, dengan hormat kami mengundang Saudara untuk "
        "hadir pada rapat koordinasi yang akan dilaksanakan pada hari Kamis, 10 Desember 2026, pukul 09.00 WIB, "
        "bertempat di Ruang Rapat Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan.",
        "Demikian atas perhatian dan kehadiran Saudara kami sampaikan terima kasih.",
    ],
    "tembusan": ["Wali Kota Pasuruan (sebagai laporan)", "Sekretaris Daerah Kota Pasuruan"],
    "tanggal_surat": date(2026, 11, 30),
    "nama": "Camat se-Kota Pasuruan",
    "nik": "",
}

_BARIS = [
    ("Sekretariat", "1.3.2.10.02.01.001", "Personal Computer (PC) unit", 4, "unit", Decimal("12500000.00"),
     "Mengganti PC loket yang rusak berat"),
    ("Bidang Pelayanan Pendaftaran Penduduk", "1.3.2.10.02.03.003", "Printer kartu KTP-el", 1, "unit",
     Decimal("45000000.00"), "Menambah kapasitas pencetakan KTP-el"),
    ("Bidang Pencatatan Sipil", "1.3.2.05.01.04.001", "Lemari arsip besi", 2, "buah", Decimal("3750000.00"),
     "Menyimpan register akta"),
]

CONTOH_RKBMD = {
    "tahun_anggaran": 2027,
    "baris": [{"bidang": b, "kode_barang": k, "nama_barang": n, "jumlah": j, "satuan": s, "harga_satuan": h,
               "total": h * j, "alasan": a} for b, k, n, j, s, h, a in _BARIS],
    "total": sum((h * j for _b, _k, _n, j, _s, h, _a in _BARIS), Decimal("0.00")),
    "aset": [{"kondisi": "Baik", "jumlah": 212}, {"kondisi": "Rusak ringan", "jumlah": 17},
             {"kondisi": "Rusak berat", "jumlah": 6}],
    "nama": "RKBMD 2027",
    "nik": "",
}
