from .inovasi import DAFTAR_UJI, Inovasi, Metode, StatusInovasi  # noqa: F401,E402
from .perjanjian import (  # noqa: F401
    AMBANG_PERINGATAN,
    ElemenData,
    HakAkses,
    JenisLembaga,
    PeringatanKedaluwarsa,
    PerjanjianData,
    StatusPerjanjian,
)
from .publikasi import AgregatDKB, PublikasiAgregat, SnapshotDKB, StatusPublikasi  # noqa: F401,E402
