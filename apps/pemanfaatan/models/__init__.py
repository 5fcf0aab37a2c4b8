from .perjanjian import (  # noqa: F401
    AMBANG_PERINGATAN,
    ElemenData,
    HakAkses,
    JenisLembaga,
    PerjanjianData,
    PeringatanKedaluwarsa,
    StatusPerjanjian,
)
