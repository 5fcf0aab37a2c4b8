"""The "Pekerjaan latar" page's reads and writes: background jobs per state, retry, abandon.

Who sees what: admin_piak and admin see every job; a signing official (kabid, kadis) sees the jobs
of the documents they sign (their section's documents); everybody else gets 403.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.urls import NoReverseMatch
from django.utils import timezone

from apps.core.peran import peran_pengguna
from apps.core.urls import url_proses
from apps.core.workflow import AksiDitolak

from . import jobs
from .models import CetakDokumen, Dokumen
from .sandi import TokenKedaluwarsa, buka_passphrase

log = logging.getLogger(__name__)

PERAN_SEMUA = {"admin_piak", "admin"}
PERAN_PEJABAT = {"kabid", "kadis"}
JENIS_PEKERJAAN = {"dokumen": "Pembuatan dokumen", "email": "Email dokumen", "cetak": "Cetak dokumen"}


def dokumen_untuk_pekerjaan(user) -> QuerySet[Dokumen]:
    """The documents whose jobs ``user`` may see and act on (PermissionDenied otherwise)."""
    peran = peran_pengguna(user)
    if peran & PERAN_SEMUA:
        return Dokumen.objects.all()
    if peran & PERAN_PEJABAT:
        return Dokumen.objects.filter(ditandatangani_oleh__user=user)
    raise PermissionDenied("Halaman pekerjaan latar hanya untuk admin PIAK, administrator dan pejabat penandatangan.")


@dataclass
class Pekerjaan:
    jenis: str  # dokumen | email | cetak
    pk: int
    dokumen: Dokumen
    status: str
    sejak: datetime
    percobaan: int
    galat: str
    bisa_ulangi: bool
    bisa_tinggalkan: bool
    url_objek: str = ""

    @property
    def label(self) -> str:
        return JENIS_PEKERJAAN[self.jenis]

    @property
    def umur(self):
        return timezone.now() - self.sejak


def _url_objek(dokumen: Dokumen) -> str:
    model = dokumen.content_type.model_class()
    if model is None:
        return ""
    try:
        return url_proses(model, "detail", dokumen.object_id)
    except NoReverseMatch:
        return ""


def _status_email(d: Dokumen) -> str:
    if d.email_gagal_pada:
        return "gagal"
    if d.email_klaim_pada:
        return "diproses"
    return "menunggu"


def pekerjaan_daftar(user) -> tuple[dict, list[Pekerjaan]]:
    """Counts per state of each kind of job, and the jobs not finished (oldest first)."""
    dok = dokumen_untuk_pekerjaan(user)
    hitung = {
        "dokumen": {r["status"]: r["n"] for r in dok.values("status").annotate(n=Count("pk"))},
        "email": {},
        "cetak": {r["status"]: r["n"] for r in CetakDokumen.objects.filter(dokumen__in=dok).values("status").annotate(n=Count("pk"))},
    }
    hitung["email"]["terkirim"] = dok.filter(email_terkirim_pada__isnull=False).count()
    daftar: list[Pekerjaan] = []
    pilih = dok.select_related("ditandatangani_oleh", "content_type")
    for d in pilih.exclude(status=Dokumen.Status.SELESAI).order_by("dibuat_pada")[:300]:
        hidup = d.status == Dokumen.Status.DIPROSES and d.klaim_pada and d.klaim_pada > timezone.now() - jobs.masa_klaim()
        daftar.append(Pekerjaan(
            "dokumen", d.pk, d, "menunggu antrean kerja" if d.menunggu_antrean else d.status, d.dibuat_pada, d.percobaan, d.galat,
            bisa_ulangi=d.status not in (Dokumen.Status.PERLU_TTE_ULANG,) and not hidup,
            bisa_tinggalkan=not hidup,
            url_objek=_url_objek(d),
        ))
    for d in pilih.filter(status=Dokumen.Status.SELESAI, email_terkirim_pada__isnull=True).exclude(email_tujuan="").order_by("selesai_pada")[:300]:
        status = _status_email(d)
        hitung["email"][status] = hitung["email"].get(status, 0) + 1
        daftar.append(Pekerjaan(
            "email", d.pk, d, status, d.selesai_pada or d.dibuat_pada, d.email_percobaan, d.email_galat,
            bisa_ulangi=True, bisa_tinggalkan=not d.email_gagal_pada, url_objek=_url_objek(d),
        ))
    for c in CetakDokumen.objects.filter(dokumen__in=dok).exclude(status=CetakDokumen.Status.SELESAI).select_related("dokumen", "dokumen__content_type")[:300]:
        daftar.append(Pekerjaan(
            "cetak", c.pk, c.dokumen, c.status, c.dibuat_pada, 0, c.galat,
            bisa_ulangi=True, bisa_tinggalkan=c.status != CetakDokumen.Status.GAGAL, url_objek=_url_objek(c.dokumen),
        ))
    daftar.sort(key=lambda p: p.sejak)
    return hitung, daftar


def _dokumen(user, pk: int) -> Dokumen:
    dokumen = dokumen_untuk_pekerjaan(user).filter(pk=pk).first()
    if dokumen is None:
        from django.http import Http404

        raise Http404("Pekerjaan tidak ditemukan.")
    return dokumen


def pekerjaan_ulangi(*, jenis: str, pk: int, oleh) -> str:
    """Publish a job again from its row. A signing job runs with the passphrase sealed at the TTE
    step while it is valid; after that only the official can sign again (perlu TTE ulang)."""
    if jenis == "cetak":
        cetak = CetakDokumen.objects.filter(pk=pk).first()
        if cetak is None:
            raise AksiDitolak("Pekerjaan tidak ditemukan.")
        _dokumen(oleh, cetak.dokumen_id)
        CetakDokumen.objects.filter(pk=pk, status=CetakDokumen.Status.GAGAL).update(status=CetakDokumen.Status.MENUNGGU, galat="")
        transaction.on_commit(lambda: jobs.antrekan_cetak(pk))
        return "Pencetakan dimasukkan lagi ke antrean kerja."
    dokumen = _dokumen(oleh, pk)
    if jenis == "email":
        if not (dokumen.siap and dokumen.email_tujuan) or dokumen.email_terkirim_pada:
            raise AksiDitolak("Tidak ada email yang menunggu untuk dokumen ini.")
        Dokumen.objects.filter(pk=pk, email_terkirim_pada__isnull=True).update(email_gagal_pada=None)
        transaction.on_commit(lambda: jobs.antrekan_email(Dokumen.objects.get(pk=pk)))
        return "Pengiriman email dimasukkan lagi ke antrean kerja."
    S = Dokumen.Status
    if dokumen.status == S.SELESAI:
        raise AksiDitolak("Dokumen sudah selesai.")
    if dokumen.status == S.PERLU_TTE_ULANG:
        raise AksiDitolak("Dokumen ini perlu TTE ulang oleh pejabatnya (dengan passphrase) dari halaman permohonan.")
    if dokumen.status == S.DIPROSES and dokumen.klaim_pada and dokumen.klaim_pada > timezone.now() - jobs.masa_klaim():
        raise AksiDitolak("Dokumen sedang dikerjakan; tunggu beberapa menit.")
    if dokumen.perlu_tte:
        try:
            buka_passphrase(dokumen.token_tte, dokumen_id=dokumen.pk)
        except TokenKedaluwarsa as exc:
            Dokumen.objects.filter(pk=pk, status=dokumen.status).update(status=S.PERLU_TTE_ULANG, klaim="", token_tte="", galat=str(exc))
            return "Izin tanda tangan sudah kedaluwarsa: dokumen dikembalikan ke pejabat untuk TTE ulang."
    n = Dokumen.objects.filter(pk=pk, status=dokumen.status).update(status=S.MENUNGGU, klaim="", klaim_pada=None, galat="")
    if not n:
        raise AksiDitolak("Status pekerjaan baru saja berubah; muat ulang halaman.")
    transaction.on_commit(lambda: jobs.antrekan_proses(pk))
    log.info("Pekerjaan dokumen %s diulang oleh %s", pk, oleh)
    return "Pembuatan dokumen dimasukkan lagi ke antrean kerja."


def pekerjaan_tinggalkan(*, jenis: str, pk: int, oleh, alasan: str) -> str:
    """Give a job up with a reason: the sweeper leaves it alone; the record shows why."""
    alasan = (alasan or "").strip()
    if not alasan:
        raise AksiDitolak("Alasan wajib diisi.")
    nama = oleh.get_full_name() or oleh.username
    catatan = f"Ditinggalkan oleh {nama} ({timezone.localtime():%d-%m-%Y %H:%M}): {alasan}"[:2000]
    if jenis == "cetak":
        cetak = CetakDokumen.objects.filter(pk=pk).first()
        if cetak is None:
            raise AksiDitolak("Pekerjaan tidak ditemukan.")
        _dokumen(oleh, cetak.dokumen_id)
        CetakDokumen.objects.filter(pk=pk).exclude(status=CetakDokumen.Status.SELESAI).update(status=CetakDokumen.Status.GAGAL, galat=catatan)
        return "Pencetakan ditinggalkan."
    dokumen = _dokumen(oleh, pk)
    if jenis == "email":
        n = Dokumen.objects.filter(pk=dokumen.pk, email_terkirim_pada__isnull=True).exclude(email_tujuan="").update(
            email_gagal_pada=timezone.now(), email_klaim_pada=None, email_galat=catatan
        )
        if not n:
            raise AksiDitolak("Email dokumen ini sudah terkirim.")
        return "Pengiriman email ditinggalkan."
    n = (
        Dokumen.objects.filter(pk=dokumen.pk)
        .exclude(status=Dokumen.Status.SELESAI)
        .exclude(Q(status=Dokumen.Status.DIPROSES, klaim_pada__gt=timezone.now() - jobs.masa_klaim()))
        .update(status=Dokumen.Status.DITINGGALKAN, klaim="", token_tte="", galat=catatan)
    )
    if not n:
        raise AksiDitolak("Dokumen sudah selesai atau sedang dikerjakan.")
    log.info("Pekerjaan dokumen %s ditinggalkan oleh %s: %s", pk, oleh, alasan)
    return "Pembuatan dokumen ditinggalkan."
