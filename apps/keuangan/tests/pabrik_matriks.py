"""Record builders of P.1.1, P.2 and P.3.1 for the generic role matrix (tests/test_matriks_generik.py)."""

from __future__ import annotations

from tests.matriks_pabrik import Dunia, pabrik

from . import factories as f


def _orang(dunia: Dunia):
    return f.Orang(dunia.pengguna.__getitem__)


def _isian(aksi: str, objek, dunia: Dunia) -> dict:
    if aksi == "revisi" and objek._meta.model_name == "dokumenperencanaan":
        return {"isi": f"Isi baru {objek.versi}\nProgram 1", "catatan_perubahan": "Perubahan uji"}
    if aksi == "catat_nilai":
        return {"nilai": "75.00", "predikat": "BB"}
    return {}


@pabrik("keuangan.DokumenPerencanaan", isian=_isian)
def dokumen_perencanaan(status: str, dunia: Dunia):
    return f.perencanaan(_orang(dunia), status=status)


@pabrik("keuangan.PermintaanPembayaran")
def permintaan_pembayaran(status: str, dunia: Dunia):
    orang = _orang(dunia)
    baris = dunia.sekali("baris_dpa", lambda: f.baris(orang))
    return f.permintaan(orang, status=status, baris_dpa=baris)


@pabrik("keuangan.NotaPencairanDana")
def nota_pencairan_dana(status: str, dunia: Dunia):
    return f.npd(_orang(dunia), status=status)


@pabrik("keuangan.LaporanKinerja", isian=_isian)
def laporan_kinerja(status: str, dunia: Dunia):
    return f.laporan_kinerja(_orang(dunia), status=status)


@pabrik("keuangan.LaporanKeuangan")
def laporan_keuangan(status: str, dunia: Dunia):
    return f.laporan_keuangan(_orang(dunia), status=status)
