"""PIAK's process models in the generic role x action x state matrix."""

from __future__ import annotations

from django.utils import timezone

from tests.matriks_pabrik import Dunia, pabrik


def _isian_pengaduan(aksi: str, objek, dunia: Dunia) -> dict:
    if aksi == "teruskan":
        return {"bidang": "capil", "tenggat_bidang": timezone.localdate().isoformat()}
    if aksi == "jawab_bidang":
        return {"jawaban_bidang": "Jawaban bidang."}
    if aksi == "jawab":
        return {"jawaban": "Jawaban PIAK."}
    return {}


@pabrik("piak.Pengaduan", isian=_isian_pengaduan)
def pengaduan(status: str, dunia: Dunia):
    from .factories import pengaduan_ke

    return pengaduan_ke(status, dunia.pengguna.__getitem__)


def _isian_insiden(aksi: str, objek, dunia: Dunia) -> dict:
    from .factories import penyedia

    if aksi == "klasifikasi_lokal":
        return {"penyedia": dunia.sekali("piak_penyedia", penyedia).pk}
    if aksi == "serahkan_perangkat":
        return {"aset_pengganti": dunia.sekali("piak_aset", _aset).pk, "diserahkan_kepada": "Teknisi"}
    return {"nomor_tiket_pusat": "HD-9", "tindakan_penyedia": "Diperbaiki.", "jawaban_pusat": "Dipulihkan."}


def _aset():
    from apps.umum.models import Aset

    return Aset.objects.create(kode_barang="1.3.2.10.02.03.009", nomor_register="0099", nama="Switch",
                               lokasi="Gudang", tahun_perolehan=2025)


@pabrik("piak.Insiden", isian=_isian_insiden)
def insiden(status: str, dunia: Dunia):
    """An incident in ``status``, reported by the operator_siak of the world (the one who confirms)."""
    from .factories import insiden_ke

    return insiden_ke(status, dunia.pengguna.__getitem__, pelapor=dunia.pengguna["operator_siak"])


@pabrik("piak.PemutakhiranData", isian=lambda aksi, objek, dunia: {"referensi_siak": "SIAK-M-1"})
def pemutakhiran(status: str, dunia: Dunia):
    from .factories import pemutakhiran_ke

    return pemutakhiran_ke(status, dunia.pengguna.__getitem__)
