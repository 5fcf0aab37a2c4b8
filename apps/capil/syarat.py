"""Requirements of each registration (Perpres 96/2018, Permendagri 108/2019; DOMAIN.md).

Scans are kept as core.Lampiran whose ``keterangan`` is the requirement's label, so the front
office sees at a glance what the file holds and what is missing.
"""

from __future__ import annotations

FORMULIR = "Formulir pelaporan F-2.01"
KK = "Kartu Keluarga"

SYARAT: dict[str, tuple[str, ...]] = {
    "kelahiran": (
        FORMULIR,
        KK,
        "Surat keterangan kelahiran dari fasilitas kesehatan atau SPTJM kebenaran data kelahiran",
        "Buku nikah/kutipan akta perkawinan orang tua atau SPTJM pasangan suami istri (F-2.04)",
    ),
    "lahir_mati": (
        FORMULIR,
        KK,
        "Surat keterangan lahir mati dari dokter/bidan",
    ),
    "kematian": (
        FORMULIR,
        KK,
        "Surat keterangan kematian dari dokter atau lurah",
        "KTP-el yang meninggal",
    ),
    "perkawinan": (
        FORMULIR,
        "Surat perkawinan dari pemuka agama/penghayat kepercayaan",
        "KTP-el dan KK kedua mempelai",
        "Pas foto berdampingan",
    ),
    "perceraian": (
        FORMULIR,
        "Salinan putusan pengadilan yang berkekuatan hukum tetap",
        "Kutipan akta perkawinan",
        "KTP-el dan KK kedua pihak",
    ),
}


def syarat_untuk(jenis: str) -> tuple[str, ...]:
    return SYARAT[jenis]


def syarat_kurang(jenis: str, ada: set[str]) -> list[str]:
    """Requirements of ``jenis`` without a scan among the labels in ``ada``."""
    return [s for s in SYARAT[jenis] if s not in ada]
