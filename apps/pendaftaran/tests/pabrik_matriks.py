"""P.4.2–P.4.5 process models in the generic role x action x state matrix."""

from __future__ import annotations

from tests.matriks_pabrik import Dunia, pabrik


@pabrik("pendaftaran.PendaftaranWNA", isian=lambda aksi, objek, dunia: (
    {"nik": "3575019999000001", "no_kk": "3575019999000002"} if aksi in ("input_data", "perbaiki") else {}))
def pendaftaran_wna(status: str, dunia: Dunia):
    from .pabrik_p4 import buat_wna

    return buat_wna(status)


@pabrik("pendaftaran.PerekamanKTP", isian=lambda aksi, objek, dunia: (
    {"nik_duplikat": "3575010000000009"} if aksi == "hasil_duplikat" else {}))
def perekaman_ktp(status: str, dunia: Dunia):
    """In the register (the NIK check finds it), with blank cards in stock for every print."""
    from apps.pendaftaran.services_p4 import blangko_terima

    from .pabrik_p4 import buat_perekaman, penduduk_terdaftar

    dunia.sekali("p431_penduduk", penduduk_terdaftar)
    dunia.sekali("p431_blangko", lambda: blangko_terima(jumlah=10_000))
    return buat_perekaman(status)


@pabrik("pendaftaran.PindahLuarNegeri")
def pindah_luar_negeri(status: str, dunia: Dunia):
    """An SKPLN of a registered resident (signing takes him or her off the register)."""
    from .pabrik_p4 import buat_luar_negeri, penduduk_terdaftar

    dunia.sekali("p431_penduduk", penduduk_terdaftar)
    return buat_luar_negeri(status)

from .pabrik_matriks_pindah import *  # noqa: E402,F401,F403  (P.4.6)


def _isian_lansia(aksi: str, objek, dunia: Dunia) -> dict:
    return {"status_duplikat": {"nik_duplikat": "3575010000000009"},
            "jadwalkan": {"tempat": "rumah", "alamat_kunjungan": "Jl. Hayam Wuruk 1", "tim": "Tim A"}}.get(aksi, {})


@pabrik("pendaftaran.PerekamanLansia", isian=_isian_lansia)
def perekaman_lansia(status: str, dunia: Dunia):
    from apps.pendaftaran.services_p4 import blangko_terima

    from .pabrik_p4 import buat_lansia

    dunia.sekali("p431_blangko", lambda: blangko_terima(jumlah=10_000))
    return buat_lansia(status)


def _isian_biodata(aksi: str, objek, dunia: Dunia) -> dict:
    from django.utils import timezone

    if aksi == "input_biodata":
        return {"nik": "3575015505480001", "nik_ulang": "3575015505480001"}
    if aksi == "catat_survei":
        return {"tanggal_survei": timezone.localdate().isoformat()}
    return {}


@pabrik("pendaftaran.BiodataRentan", isian=_isian_biodata)
def biodata_rentan(status: str, dunia: Dunia):
    from .pabrik_p4 import buat_biodata

    return buat_biodata(status)
