"""Models of capil (P.5 Pelayanan Pencatatan Sipil): the P.5.1 request, its event data and the register."""

from .pencatatan import JENIS_DOKUMEN_AKTA, CaraPenyerahan, JenisPeristiwa, PencatatanSipil, Status
from .peristiwa import (
    MODEL_RINCIAN,
    BadanPeradilan,
    JenisKelahiran,
    Kelahiran,
    Kematian,
    LahirMati,
    Penolong,
    Perceraian,
    Perkawinan,
    SebabKematian,
    TempatDilahirkan,
    YangMenerangkan,
)
from .register import CatatanPinggir, JenisAkta, RegisterAkta

__all__ = [
    "JENIS_DOKUMEN_AKTA", "MODEL_RINCIAN", "BadanPeradilan", "CaraPenyerahan", "CatatanPinggir", "JenisAkta",
    "JenisKelahiran", "JenisPeristiwa", "Kelahiran", "Kematian", "LahirMati", "PencatatanSipil", "Penolong",
    "Perceraian", "Perkawinan", "RegisterAkta", "SebabKematian", "Status", "TempatDilahirkan", "YangMenerangkan",
]
