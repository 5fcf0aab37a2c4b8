from .perjanjian import (  # noqa: F401
    AMBANG_PERINGATAN,
    ElemenData,
    HakAkses,
    JenisLembaga,
    PerjanjianData,
    PeringatanKedaluwarsa,
    StatusPerjanjian,
)
from .publikasi import AgregatDKB, PublikasiAgregat, SnapshotDKB, StatusPublikasi  # noqa: F401,E402
from .inovasi import DAFTAR_UJI, Inovasi, Metode, StatusInovasi  # noqa: F401,E402
