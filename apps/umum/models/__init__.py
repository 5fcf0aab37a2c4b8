"""P.1 Umum dan Kepegawaian: the processes of the secretariat.

- P.1.2.1.2 Pelayanan surat masuk: ``SuratMasuk`` (the letter, from its entry in the agenda to
  its filing) and ``Disposisi`` (one per target of the head of office's disposition: delivered by
  the caraka, then followed up by its target).
- P.1.2.3 BMD: ``Aset`` (the asset register; P.6.1 draws replacement hardware from it).
- P.1.2.2 Kearsipan: ``KlasifikasiArsip`` (master data, Permendagri 83/2022) and the filing step
  ``SuratMasuk.arsipkan``.
"""

from .aset import Aset, CaraPerolehan, KondisiAset
from .klasifikasi import KlasifikasiArsip, NasibAkhir
from .surat_masuk import (
    PERAN_PIMPINAN_SURAT,
    PERAN_TUJUAN,
    AsalSurat,
    Disposisi,
    Instruksi,
    SifatSurat,
    StatusDisposisi,
    StatusSuratMasuk,
    SuratMasuk,
)

__all__ = [
    "PERAN_PIMPINAN_SURAT",
    "PERAN_TUJUAN",
    "AsalSurat",
    "Aset",
    "CaraPerolehan",
    "Disposisi",
    "Instruksi",
    "KlasifikasiArsip",
    "KondisiAset",
    "NasibAkhir",
    "SifatSurat",
    "StatusDisposisi",
    "StatusSuratMasuk",
    "SuratMasuk",
]
