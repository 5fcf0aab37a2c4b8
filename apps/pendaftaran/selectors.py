"""Reads of P.4.1: services offered at a desk, the requirement checklist of a request."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from apps.core.simpanan import SimpananProses

from .models import Alur, Layanan, PermohonanDenganVerifikasi, PermohonanIntegrasi, PermohonanTanpaVerifikasi
from .models.layanan import KODE_P41


def layanan_loket(*, integrasi: bool = False) -> QuerySet[Layanan]:
    """Services open at the front office, or (P.4.1.3) through integrated partners."""
    qs = Layanan.objects.filter(aktif=True, kode_proses=KODE_P41)
    return qs.filter(lewat_integrasi=True) if integrasi else qs


def layanan_untuk_model(model) -> QuerySet[Layanan]:
    """Services whose requests live in ``model`` (the service filter of a queue)."""
    if model is PermohonanTanpaVerifikasi:
        return Layanan.objects.filter(kode_proses=KODE_P41, alur=Alur.TANPA_VERIFIKASI)
    if model is PermohonanDenganVerifikasi:
        return Layanan.objects.filter(kode_proses=KODE_P41, alur=Alur.DENGAN_VERIFIKASI)
    if model is PermohonanIntegrasi:
        return Layanan.objects.filter(kode_proses=KODE_P41, lewat_integrasi=True)
    return Layanan.objects.none()


# A minute per process model; emptied when a service is saved or deleted (apps.py).
PILIHAN_LAYANAN = SimpananProses(60)


def pilihan_layanan(model) -> list[tuple[int, str]]:
    """(pk, name) of the services of ``model``'s queue filter, kept a minute in each process: every
    queue page lists them and the catalogue changes rarely (a service saved or deleted empties it
    here; another web process sees the change within the minute)."""
    return PILIHAN_LAYANAN.ambil(model, lambda: [(layanan.pk, str(layanan)) for layanan in layanan_untuk_model(model)])


@dataclass
class BarisPersyaratan:
    nama: str
    wajib: bool
    ada: bool
    lampiran: object | None


def daftar_periksa(objek, lampiran) -> list[BarisPersyaratan]:
    """The requirement checklist of a request: each requirement, whether it was received, its scan.

    ``lampiran`` is the record's already fetched attachments (no query per row).
    """
    per_pk = {berkas.pk: berkas for berkas in lampiran}
    diterima = objek.berkas_persyaratan
    return [
        BarisPersyaratan(nama=p.nama, wajib=p.wajib, ada=str(p.pk) in diterima, lampiran=per_pk.get(diterima.get(str(p.pk))))
        for p in objek.daftar_persyaratan()
    ]


def alasan_kembali(objek, riwayat: list):
    """The log row of the return the request is waiting on (its reason is shown on top), or None."""
    from apps.core.workflow import aksi_model

    if not riwayat:
        return None
    terakhir = riwayat[-1]
    info = aksi_model(type(objek)).get(terakhir.aksi)
    if info is not None and info.wajib_catatan and terakhir.ke == objek.status:
        return terakhir
    return None


from .selectors_p4 import stok_blangko  # noqa: E402,F401  (the dashboard reads the blangko stock from here)
