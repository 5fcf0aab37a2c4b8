"""P.7's process models in the generic role x action x state matrix."""

from __future__ import annotations

from tests.matriks_pabrik import Dunia, pabrik


@pabrik("pemanfaatan.PerjanjianData")
def perjanjian(status: str, dunia: Dunia):
    from .factories import perjanjian_ke

    # The branch states after the Bagian Pemerintahan belong to an institution outside the Walikota.
    return perjanjian_ke(status, luar=status in ("verifikasi_bagpem", "ke_walikota", "pengesahan_ksb", "ke_ditjen"))


@pabrik("pemanfaatan.PublikasiAgregat")
def publikasi(status: str, dunia: Dunia):
    from .factories import publikasi_ke

    return publikasi_ke(status)


@pabrik("pemanfaatan.Inovasi")
def inovasi(status: str, dunia: Dunia):
    from .factories import inovasi_ke

    return inovasi_ke(status)
