"""Models of capil (P.5 Pelayanan Pencatatan Sipil): the P.5.1 request, its event data and the register."""

from .pencatatan import JENIS_DOKUMEN_AKTA, CaraPenyerahan, JenisPeristiwa, PencatatanSipil, Status
from .peristiwa import (
    MODEL_RINCIAN,
    BadanPeradilan,
    BuktiKelahiran,
    JenisKelahiran,
    Kelahiran,
    Kematian,
    LahirMati,
    Penolong,
    Perceraian,
    Perkawinan,
    PerkawinanOrangTua,
    SebabKematian,
    TempatDilahirkan,
    YangMenerangkan,
)
from .perubahan import JenisAnak, JenisPembatalan, JenisPerubahan, PerubahanAkta
from .register import PENERBIT_SENDIRI, CatatanPinggir, JenisAkta, RegisterAkta

__all__ = [
    "JENIS_DOKUMEN_AKTA", "MODEL_RINCIAN", "BadanPeradilan", "BuktiKelahiran", "CaraPenyerahan", "CatatanPinggir", "JenisAkta",
    "JenisAnak", "JenisKelahiran", "JenisPembatalan", "JenisPeristiwa", "JenisPerubahan", "PENERBIT_SENDIRI", "PerubahanAkta", "Kelahiran", "Kematian", "LahirMati", "PencatatanSipil", "Penolong",
    "Perceraian", "Perkawinan", "PerkawinanOrangTua", "RegisterAkta", "SebabKematian", "Status", "TempatDilahirkan", "YangMenerangkan",
]
