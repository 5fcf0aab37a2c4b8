"""P.4.2–P.4.5 process models in the generic role x action x state matrix."""

from __future__ import annotations

from tests.matriks_pabrik import Dunia, pabrik


@pabrik("pendaftaran.PendaftaranWNA", isian=lambda aksi, objek, dunia: (
    {"nik": "3575019999000001", "no_kk": "3575019999000002"} if aksi in ("input_data", "perbaiki") else {}))
def pendaftaran_wna(status: str, dunia: Dunia):
    from .pabrik_p4 import buat_wna

    return buat_wna(status)


@pabrik("pendaftaran.PerekamanKTP", isian=lambda aksi, objek, dunia: (
    {"nik_duplikat": "3575010000000009"} if aksi == "hasil_duplikat" else {}))
def perekaman_ktp(status: str, dunia: Dunia):
    """In the register (the NIK check finds it), with blank cards in stock for every print."""
    from apps.pendaftaran.services_p4 import blangko_terima

    from .pabrik_p4 import buat_perekaman, penduduk_terdaftar

    dunia.sekali("p431_penduduk", penduduk_terdaftar)
    dunia.sekali("p431_blangko", lambda: blangko_terima(jumlah=10_000))
    return buat_perekaman(status)
