"""P.4.2–P.4.5 process models in the generic role x action x state matrix."""

from __future__ import annotations

from tests.matriks_pabrik import Dunia, pabrik


@pabrik("pendaftaran.PendaftaranWNA", isian=lambda aksi, objek, dunia: (
    {"nik": "3575019999000001", "no_kk": "3575019999000002"} if aksi in ("input_data", "perbaiki") else {}))
def pendaftaran_wna(status: str, dunia: Dunia):
    from .pabrik_p4 import buat_wna

    return buat_wna(status)
