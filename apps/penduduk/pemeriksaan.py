"""Intake checks against the register (issue §4): what refuses a request, what must be confirmed.

``periksa_register(nik)`` is called by every intake form (P.4.1, P.5.1) through
``validators.KonfirmasiPeringatanMixin``; a form adds its own checks as ``Masalah`` too.
"""

from __future__ import annotations

from dataclasses import dataclass

TOLAK = "tolak"
KONFIRMASI = "konfirmasi"


@dataclass(frozen=True)
class Masalah:
    """A finding at intake: ``tingkat`` "tolak" (refused) or "konfirmasi" (go on only if confirmed)."""

    kode: str
    tingkat: str
    pesan: str

    @property
    def tolak(self) -> bool:
        return self.tingkat == TOLAK


def periksa_register(nik: str, *, penduduk=None) -> list[Masalah]:
    """Problems of the resident with ``nik`` in the register: deceased → refused; moved out →
    confirm. A NIK not in the register gives nothing here (the NIK's own warnings cover it)."""
    from .selectors import penduduk_dari_nik

    p = penduduk if penduduk is not None else penduduk_dari_nik(nik)
    if p is None:
        return []
    hasil = []
    if p.meninggal:
        tanggal = f" pada {p.tanggal_meninggal:%d-%m-%Y}" if p.tanggal_meninggal else ""
        hasil.append(Masalah("meninggal", TOLAK, f"Penduduk dengan NIK ini tercatat meninggal dunia{tanggal}; permohonan tidak dapat diterima."))
    elif p.pindah_keluar:
        hasil.append(
            Masalah(
                "pindah", KONFIRMASI,
                f"Penduduk dengan NIK ini tercatat pindah keluar Kota Pasuruan pada {p.tanggal_pindah:%d-%m-%Y}. "
                "Pastikan ia sudah datang kembali (SKPWNI).",
            )
        )
    return hasil
