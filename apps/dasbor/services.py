"""Writes of the dashboard: export jobs, on-demand refresh, the monthly report's steps."""

from __future__ import annotations

import tempfile
from datetime import date

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from apps.core.peran import peran_pengguna
from apps.core.workflow import AksiDitolak

from .models import BerkasEkspor, LaporanBulanan

PERAN_SUSUN_LAPORAN = frozenset({"sekretaris", "kadis"})
PERAN_KIRIM_LAPORAN = frozenset({"sekretaris", "tata_usaha"})


# -- exports ------------------------------------------------------------------------------------
def ekspor_antrekan(*, pengguna, sumber: dict, format: str, judul: str, total: int) -> BerkasEkspor:
    """A job for a large export; published to Celery once the row is committed."""
    from . import tasks

    berkas = BerkasEkspor.objects.create(pengguna=pengguna, sumber=sumber, format=format, judul=judul[:200], total=total)
    transaction.on_commit(lambda: tasks.ekspor_jalankan.delay(berkas.pk))
    return berkas


def ekspor_jalankan(*, berkas_id: int) -> str:
    """Write the file of an export job. The row is claimed with a conditional UPDATE, so a
    message delivered twice writes the file once."""
    from .ekspor import tabel_dari_sumber, tulis

    if not BerkasEkspor.objects.filter(pk=berkas_id, status=BerkasEkspor.Status.MENUNGGU).update(
        status=BerkasEkspor.Status.BERJALAN
    ):
        return "sudah diambil"
    berkas = BerkasEkspor.objects.select_related("pengguna").get(pk=berkas_id)
    try:
        tabel = tabel_dari_sumber(berkas.pengguna, berkas.sumber)
        BerkasEkspor.objects.filter(pk=berkas_id).update(total=tabel.total)
        with tempfile.TemporaryFile() as tmp:
            n = tulis(tabel, berkas.format, tmp,
                      kemajuan=lambda n: BerkasEkspor.objects.filter(pk=berkas_id).update(ditulis=n))
            tmp.seek(0)
            berkas.berkas.save(f"ekspor.{berkas.format}", File(tmp), save=False)
        berkas.ditulis, berkas.status, berkas.selesai_pada = n, BerkasEkspor.Status.SELESAI, timezone.now()
        berkas.save(update_fields=["berkas", "ditulis", "status", "selesai_pada"])
    except Exception as exc:
        BerkasEkspor.objects.filter(pk=berkas_id).update(
            status=BerkasEkspor.Status.GAGAL, pesan=f"Ekspor gagal: {type(exc).__name__}"[:300], selesai_pada=timezone.now()
        )
        raise
    return "selesai"


# -- the aggregates -----------------------------------------------------------------------------
def rekap_minta_segarkan(*, dari: date, sampai: date) -> None:
    """Refresh the aggregates of a period now (the dashboard's button): a job after commit."""
    from . import tasks

    transaction.on_commit(lambda: tasks.rekap_segarkan.delay(dari.isoformat(), sampai.isoformat()))


# -- the monthly report -------------------------------------------------------------------------
def laporan_susun(*, tahun: int, bulan: int, oleh) -> LaporanBulanan:
    """Compile (or compile again while unsigned) the month's report from the aggregates."""
    from .laporan import batas_bulan, isi_laporan
    from .rekap import rekap_segarkan

    if not (peran_pengguna(oleh) & PERAN_SUSUN_LAPORAN):
        raise PermissionDenied("Laporan bulanan disusun oleh sekretaris atau kepala dinas.")
    awal, akhir = batas_bulan(tahun, bulan)
    if awal > timezone.localdate():
        raise AksiDitolak("Bulan itu belum berjalan.")
    rekap_segarkan(dari=awal, sampai=akhir)
    with transaction.atomic():
        laporan, _ = LaporanBulanan.objects.select_for_update().get_or_create(tahun=tahun, bulan=bulan)
        if laporan.status != LaporanBulanan.Status.DISUSUN:
            raise AksiDitolak("Laporan bulan ini sudah ditandatangani; angkanya tidak diubah lagi.")
        laporan.data = isi_laporan(awal, akhir)
        laporan.disusun_oleh, laporan.disusun_pada = oleh, timezone.now()
        laporan.save()
    return laporan


def laporan_tandatangani(*, laporan: LaporanBulanan, pengguna, passphrase: str):
    """The kadis signs the report (TTE through apps/dokumen: rendered and PAdES-signed in a job)."""
    from apps.dokumen.services import dokumen_tandatangani, passphrase_periksa

    if "kadis" not in peran_pengguna(pengguna):
        raise PermissionDenied("Laporan kepada Walikota ditandatangani kepala dinas.")
    if laporan.status != LaporanBulanan.Status.DISUSUN:
        raise AksiDitolak("Laporan ini sudah ditandatangani.")
    pejabat = passphrase_periksa(pejabat=pengguna, passphrase=passphrase)
    with transaction.atomic():
        terkunci = LaporanBulanan.objects.select_for_update().get(pk=laporan.pk)
        if terkunci.status != LaporanBulanan.Status.DISUSUN:
            raise AksiDitolak("Laporan ini sudah ditandatangani.")
        dokumen = dokumen_tandatangani(objek=terkunci, jenis=LaporanBulanan.JENIS_DOKUMEN_TTE, pejabat=pejabat,
                                       passphrase=passphrase, kirim_email=False)
        terkunci.status, terkunci.ditandatangani_pada = LaporanBulanan.Status.DITANDATANGANI, timezone.now()
        terkunci.save(update_fields=["status", "ditandatangani_pada"])
    laporan.refresh_from_db()
    return dokumen


def laporan_kirim(*, laporan: LaporanBulanan, pengguna) -> None:
    """The sekretariat records that the signed report went to the Walikota."""
    if not (peran_pengguna(pengguna) & PERAN_KIRIM_LAPORAN):
        raise PermissionDenied("Pengiriman laporan dicatat oleh sekretariat.")
    n = LaporanBulanan.objects.filter(pk=laporan.pk, status=LaporanBulanan.Status.DITANDATANGANI).update(
        status=LaporanBulanan.Status.DIKIRIM, dikirim_pada=timezone.now()
    )
    if not n:
        raise AksiDitolak("Hanya laporan yang sudah ditandatangani yang dapat dikirim.")
    laporan.refresh_from_db()
