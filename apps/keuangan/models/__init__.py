"""P.1.1, P.2 Perencanaan dan Pelaporan, P.3 Keuangan (money as Decimal, see ``uang.py``)."""

from .laporan import (
    JenisLaporanKinerja,
    LaporanKeuangan,
    LaporanKinerja,
    PenugasanLaporan,
    PredikatSAKIP,
    StatusLaporanKeuangan,
    StatusLaporanKinerja,
)
from .pembayaran import MetodePembayaran, PermintaanPembayaran, StatusPembayaran
from .pengadaan import DOKUMEN_SPJ, NotaPencairanDana, StatusNPD
from .perencanaan import (
    BarisDPA,
    DokumenPerencanaan,
    JenisPerencanaan,
    StatusPerencanaan,
    VersiPerencanaan,
    baca_baris_dpa,
)

__all__ = [
    "DOKUMEN_SPJ",
    "BarisDPA",
    "DokumenPerencanaan",
    "JenisLaporanKinerja",
    "JenisPerencanaan",
    "LaporanKeuangan",
    "LaporanKinerja",
    "MetodePembayaran",
    "NotaPencairanDana",
    "PenugasanLaporan",
    "PermintaanPembayaran",
    "PredikatSAKIP",
    "StatusLaporanKeuangan",
    "StatusLaporanKinerja",
    "StatusNPD",
    "StatusPembayaran",
    "StatusPerencanaan",
    "VersiPerencanaan",
    "baca_baris_dpa",
]
