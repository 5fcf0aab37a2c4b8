"""PIAK's process models in the generic role x action x state matrix."""

from __future__ import annotations

from django.utils import timezone

from tests.matriks_pabrik import Dunia, pabrik


def _isian_pengaduan(aksi: str, objek, dunia: Dunia) -> dict:
    if aksi == "teruskan":
        return {"bidang": "capil", "tenggat_bidang": timezone.localdate().isoformat()}
    if aksi == "jawab_bidang":
        return {"jawaban_bidang": "Jawaban bidang."}
    if aksi == "jawab":
        return {"jawaban": "Jawaban PIAK."}
    return {}


@pabrik("piak.Pengaduan", isian=_isian_pengaduan)
def pengaduan(status: str, dunia: Dunia):
    from .factories import pengaduan_ke

    return pengaduan_ke(status, dunia.pengguna.__getitem__)
