"""Requirements of each registration (Perpres 96/2018, Permendagri 108/2019, Permendagri 9/2016;
DOMAIN.md "Requirements").

Each requirement has a stable code: a request keeps ``{code: scan}`` (``berkas_persyaratan``), so
renaming a requirement's label never loses what the front office received. Some apply only
for a reason recorded with the event (``berlaku``): the parents' buku nikah where their marriage
is recorded, the SPTJM F-2.04 where it is not, the SPTJM F-2.03 where there is no birth letter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Syarat:
    kode: str
    nama: str
    # Whether it applies to a given event record (None: always).
    berlaku: Callable | None = None
    keterangan: str = ""

    def berlaku_untuk(self, rincian) -> bool:
        return self.berlaku is None or rincian is None or bool(self.berlaku(rincian))


F201 = Syarat("f201", "Formulir pelaporan F-2.01")
KK = Syarat("kk", "Kartu Keluarga")


def _ortu(kode):
    return lambda r: getattr(r, "perkawinan_orang_tua", "") == kode


def _bukti(kode):
    return lambda r: getattr(r, "bukti_kelahiran", "") == kode


SYARAT: dict[str, tuple[Syarat, ...]] = {
    "kelahiran": (
        F201,
        KK,
        Syarat("ktp_ortu", "KTP-el orang tua (ayah dan ibu, atau ibu bila tanpa data ayah)"),
        Syarat("surat_lahir", "Surat keterangan kelahiran dari fasilitas kesehatan", _bukti("surat"),
               "bila ada surat kelahiran"),
        Syarat("sptjm_lahir", "SPTJM kebenaran data kelahiran (F-2.03) dengan dua saksi", _bukti("sptjm"),
               "bila tidak ada surat kelahiran"),
        Syarat("buku_nikah", "Buku nikah/kutipan akta perkawinan orang tua", _ortu("tercatat"),
               "bila perkawinan orang tua tercatat"),
        Syarat("sptjm_pasutri", "SPTJM kebenaran sebagai pasangan suami istri (F-2.04)", _ortu("sptjm"),
               "bila perkawinan orang tua belum tercatat"),
    ),
    "lahir_mati": (
        F201,
        KK,
        Syarat("surat_lahir_mati", "Surat keterangan lahir mati dari dokter/bidan"),
    ),
    "kematian": (
        F201,
        KK,
        Syarat("surat_kematian", "Surat keterangan kematian dari dokter atau lurah"),
        Syarat("ktp_jenazah", "KTP-el yang meninggal"),
    ),
    "perkawinan": (
        F201,
        Syarat("surat_perkawinan", "Surat perkawinan dari pemuka agama/penghayat kepercayaan"),
        Syarat("ktp_kk_mempelai", "KTP-el dan KK kedua mempelai"),
        Syarat("pas_foto", "Pas foto berdampingan"),
    ),
    "perceraian": (
        F201,
        Syarat("putusan", "Salinan putusan pengadilan yang berkekuatan hukum tetap"),
        Syarat("akta_kawin", "Kutipan akta perkawinan"),
        Syarat("ktp_kk_pihak", "KTP-el dan KK kedua pihak"),
    ),
}


def syarat_untuk(jenis: str, rincian=None) -> tuple[Syarat, ...]:
    """The requirements of ``jenis``; with the event's record, only those that apply to it."""
    return tuple(s for s in SYARAT[jenis] if s.berlaku_untuk(rincian))


def syarat_kurang(jenis: str, ada: set[str], rincian=None) -> list[Syarat]:
    """Requirements that apply without a scan among the codes in ``ada``."""
    return [s for s in syarat_untuk(jenis, rincian) if s.kode not in ada]
