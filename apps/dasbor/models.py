"""The leaders' dashboard's own tables (issue 16).

The dashboard never reads a process table: it reads the cross-process index (``core.IndeksProses``)
for what is open now, and the daily aggregates below for what happened over a period. The
aggregates are rebuilt per day from the index and the timeline (``core.RiwayatStatus``) by
``rekap.rekap_segarkan``: a day's rows are deleted and written again in one transaction, so a
refresh run twice, by beat and on demand, gives the same rows.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Kanal(models.TextChoices):
    LOKET = "loket", "Loket (front office)"
    MITRA = "mitra", "Mitra integrasi"
    DARING = "daring", "Daring (warga)"
    INTERNAL = "internal", "Internal Dinas"


class CiriPermohonan(models.Model):
    """What the index does not hold but the filters need, one row per indexed record: the
    channel it came in by (read from who recorded it) and the kelurahan/kecamatan of the applicant
    (from the register, by NIK). Written once per record by the refresh; never changes."""

    content_type_id = models.PositiveIntegerField()
    object_id = models.PositiveBigIntegerField()
    kanal = models.CharField(max_length=10, choices=Kanal.choices)
    kelurahan = models.CharField(max_length=13, blank=True)
    kecamatan = models.CharField(max_length=13, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type_id", "object_id"], name="ciri_satu_per_objek")]
        verbose_name = "ciri permohonan"
        verbose_name_plural = "ciri permohonan"

    def __str__(self) -> str:
        return f"{self.content_type_id}/{self.object_id} {self.kanal}"


class RekapHarian(models.Model):
    """Requests filed and finished per day, service, channel and kelurahan."""

    tanggal = models.DateField()
    kode_proses = models.CharField(max_length=60)
    layanan = models.CharField(max_length=200)
    kanal = models.CharField(max_length=10, choices=Kanal.choices)
    kecamatan = models.CharField(max_length=13, blank=True)
    kelurahan = models.CharField(max_length=13, blank=True)
    masuk = models.PositiveIntegerField("diajukan", default=0)
    selesai = models.PositiveIntegerField(default=0)
    # Finished requests that had a target date, and those finished on or before it (SLA).
    selesai_diukur = models.PositiveIntegerField("selesai bertenggat", default=0)
    selesai_tepat = models.PositiveIntegerField("selesai tepat waktu", default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tanggal", "kode_proses", "layanan", "kanal", "kelurahan"], name="rekap_harian_unik"
            )
        ]
        indexes = [models.Index(fields=["tanggal", "layanan"])]
        ordering = ["tanggal", "kode_proses", "layanan"]
        verbose_name = "rekap harian"
        verbose_name_plural = "rekap harian"

    def __str__(self) -> str:
        return f"{self.tanggal} {self.layanan} {self.kanal}"


class RekapDurasi(models.Model):
    """Time spent in a state, per day of leaving it, service, state and channel, as a histogram
    (``rekap.BATAS_JAM`` buckets): medians and p90 over any period add the histograms up."""

    tanggal = models.DateField()
    kode_proses = models.CharField(max_length=60)
    layanan = models.CharField(max_length=200)
    status = models.CharField(max_length=64)
    status_label = models.CharField(max_length=200)
    kanal = models.CharField(max_length=10, choices=Kanal.choices)
    jumlah = models.PositiveIntegerField(default=0)
    histogram = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tanggal", "kode_proses", "layanan", "status", "kanal"], name="rekap_durasi_unik")
        ]
        indexes = [models.Index(fields=["tanggal", "layanan"])]
        verbose_name = "rekap durasi status"
        verbose_name_plural = "rekap durasi status"

    def __str__(self) -> str:
        return f"{self.tanggal} {self.layanan} {self.status}"


class RekapPetugas(models.Model):
    """Actions taken per officer, day, service and channel (the leaders' throughput table)."""

    tanggal = models.DateField()
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kode_proses = models.CharField(max_length=60)
    layanan = models.CharField(max_length=200)
    kanal = models.CharField(max_length=10, choices=Kanal.choices)
    jumlah = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tanggal", "oleh", "kode_proses", "layanan", "kanal"], name="rekap_petugas_unik")
        ]
        indexes = [models.Index(fields=["tanggal", "layanan"])]
        verbose_name = "rekap petugas"
        verbose_name_plural = "rekap petugas"

    def __str__(self) -> str:
        return f"{self.tanggal} {self.oleh_id} {self.jumlah}"


class RekapHariSegar(models.Model):
    """The days already aggregated and when: the dashboard says how fresh its figures are."""

    tanggal = models.DateField(unique=True)
    disegarkan_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "hari terekap"
        verbose_name_plural = "hari terekap"

    def __str__(self) -> str:
        return f"{self.tanggal}"


def _lokasi_ekspor(instance, filename: str) -> str:
    today = timezone.localdate()
    return f"ekspor/{today:%Y/%m}/{uuid.uuid4().hex}.{instance.format}"


class BerkasEkspor(models.Model):
    """An export too large for a web request (``ekspor.BATAS_LANGSUNG`` rows), written by a Celery
    job. ``sumber`` says what to export (a queue URL with its filters, a search, a dashboard
    table); the job reads it again as the user, so it exports only what the user may read."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        BERJALAN = "berjalan", "Sedang dibuat"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    judul = models.CharField(max_length=200)
    sumber = models.JSONField()
    format = models.CharField(max_length=4, choices=[("csv", "CSV"), ("xlsx", "XLSX")])
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    total = models.PositiveIntegerField(default=0)
    ditulis = models.PositiveIntegerField("baris ditulis", default=0)
    berkas = models.FileField(upload_to=_lokasi_ekspor, max_length=200, blank=True)
    pesan = models.CharField(max_length=300, blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat_pada"]
        verbose_name = "berkas ekspor"
        verbose_name_plural = "berkas ekspor"

    def __str__(self) -> str:
        return f"{self.judul} ({self.format})"

    @property
    def persen(self) -> int:
        if self.status == self.Status.SELESAI:
            return 100
        return min(99, int(self.ditulis * 100 / self.total)) if self.total else 0

    @property
    def nama_unduhan(self) -> str:
        return f"{self.judul.lower().replace(' ', '-')[:60]}.{self.format}"


class LaporanBulanan(models.Model):
    """The monthly service report of the Dinas to the Walikota: compiled from the daily aggregates
    (``laporan.laporan_susun``), signed by the kadis with TTE through apps/dokumen and sent by
    the sekretariat. The figures are frozen in ``data`` when compiled, so the signed PDF shows what
    was compiled; a report is compiled again only while it is unsigned.

    Not a workflow process: it has no queue and no citizen, only these three steps."""

    class Status(models.TextChoices):
        DISUSUN = "disusun", "Disusun"
        DITANDATANGANI = "ditandatangani", "Ditandatangani (TTE)"
        DIKIRIM = "dikirim", "Dikirim ke Walikota"

    JENIS_DOKUMEN_TTE = "laporan_bulanan"

    tahun = models.PositiveSmallIntegerField()
    bulan = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DISUSUN)
    data = models.JSONField(default=dict, editable=False)
    disusun_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    disusun_pada = models.DateTimeField(default=timezone.now)
    ditandatangani_pada = models.DateTimeField(null=True, blank=True)
    dikirim_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-tahun", "-bulan"]
        constraints = [models.UniqueConstraint(fields=["tahun", "bulan"], name="laporan_satu_per_bulan")]
        verbose_name = "laporan bulanan"
        verbose_name_plural = "laporan bulanan pelayanan"

    def __str__(self) -> str:
        return f"Laporan pelayanan {self.bulan:02d}/{self.tahun}"

    # -- the document contract (docs/kontrak-dokumen.md) ---------------------------------------
    def pemilik_dokumen(self) -> tuple[str, str]:
        return ("", "")

    def data_dokumen(self, jenis: str) -> dict:
        from .laporan import data_dokumen

        return data_dokumen(self)


NAMA_KANAL_LAPORAN = dict(Kanal.choices)
