"""P.1 Umum dan Kepegawaian: the processes of the secretariat.

- P.1.2.1.2 Pelayanan surat masuk: ``SuratMasuk`` (the letter, from its entry in the agenda to
  its filing) and ``Disposisi`` (one per target of the head of office's disposition: delivered by
  the caraka, then followed up by its target).
- P.1.2.1.1 Pelayanan surat keluar: ``SuratKeluar`` (order, draft, approval, number, TTE, delivery, filing).
- P.1.3.1 Kepegawaian: ``UsulanKepegawaian`` (kenaikan pangkat, cuti with the leave balance, pensiun).
- P.1.2.3 BMD: ``Inventarisasi`` and ``KebutuhanBarang`` (stock-take, needs, RKBMD); ``Aset`` (the asset register; P.6.1 draws replacement hardware from it).
- P.1.2.2 Kearsipan: ``KlasifikasiArsip`` (master data, Permendagri 83/2022) and the filing step
  ``SuratMasuk.arsipkan``.
"""

from .aset import Aset, CaraPerolehan, KondisiAset
from .bmd import JENIS_DOKUMEN_RKBMD, Inventarisasi, KebutuhanBarang, StatusInventarisasi
from .kepegawaian import (
    JATAH_CUTI_TAHUNAN,
    DataPegawai,
    JenisCuti,
    JenisUsulan,
    SaldoCuti,
    StatusUsulan,
    UsulanKepegawaian,
    hari_kerja_antara,
    saldo_cuti_tahunan,
)
from .klasifikasi import KlasifikasiArsip, NasibAkhir
from .surat_keluar import JENIS_DOKUMEN_SURAT_KELUAR, CaraKirim, StatusSuratKeluar, SuratKeluar
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
    "JATAH_CUTI_TAHUNAN",
    "JENIS_DOKUMEN_RKBMD",
    "JENIS_DOKUMEN_SURAT_KELUAR",
    "CaraKirim",
    "Inventarisasi",
    "JenisCuti",
    "JenisUsulan",
    "KebutuhanBarang",
    "SaldoCuti",
    "StatusInventarisasi",
    "StatusSuratKeluar",
    "StatusUsulan",
    "SuratKeluar",
    "UsulanKepegawaian",
    "DataPegawai",
    "hari_kerja_antara",
    "saldo_cuti_tahunan",
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
