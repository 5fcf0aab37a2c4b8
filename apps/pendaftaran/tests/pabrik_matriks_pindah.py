"""P.4.6 (pindah masuk) in the generic role x action x state matrix."""

from __future__ import annotations

from tests.matriks_pabrik import Dunia, pabrik


def _isian(aksi, objek, dunia):
    if aksi == "asal_menyetujui":
        from .factories import pdf_uji

        return {"nomor_skpwni": "SKPWNI/3507/0001/2026", "no_kk_baru": f"35750199991{objek.pk:05d}",
                "lampiran": pdf_uji("skpwni.pdf")}
    return {}


@pabrik("pendaftaran.PindahMasuk", isian=_isian)
def pindah_masuk(status: str, dunia: Dunia):
    """A family from Kab. Malang; waiting for the answer, its surat pengantar (an outgoing letter of
    P.1.2.1.1) has been sent."""
    from .pabrik_pindah import buat_pindah

    return buat_pindah(status)
