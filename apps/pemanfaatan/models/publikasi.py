"""P.7.2 Publikasi: the semester DKB snapshot, frozen and immutable, and the publication of its
aggregates (Agregat Kependudukan) through the review chain to the kadis' signed book.

The snapshot is computed from the register by GROUP BY queries (``agregat.py``) and stored as
rows of (kelurahan, dimension, category, count). Public pages read only these rows, so a later
change of the register never alters a published semester.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran


def tanggal_semester(tahun: int, semester: int) -> date:
    """The DKB's cut-off: 30 June (semester I) or 31 December (semester II)."""
    return date(tahun, 6, 30) if semester == 1 else date(tahun, 12, 31)


def awal_semester(tahun: int, semester: int) -> date:
    return date(tahun, 1, 1) if semester == 1 else date(tahun, 7, 1)


def semester_terakhir(pada: date) -> tuple[int, int]:
    """The last semester whose cut-off is on or before ``pada``."""
    if pada >= date(pada.year, 12, 31):
        return pada.year, 2
    if pada >= date(pada.year, 6, 30):
        return pada.year, 1
    return pada.year - 1, 2


class SnapshotDKB(models.Model):
    """Data Konsolidasi Bersih of one semester, frozen from the register: never changed, never
    deleted once made."""

    tahun = models.PositiveSmallIntegerField()
    semester = models.PositiveSmallIntegerField(choices=[(1, "Semester I"), (2, "Semester II")])
    tanggal_data = models.DateField("keadaan per tanggal")
    jumlah_penduduk = models.PositiveIntegerField("jumlah penduduk")
    jumlah_baris = models.PositiveIntegerField("jumlah baris agregat")
    durasi_detik = models.FloatField("lama perhitungan (detik)", default=0)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["-tahun", "-semester"]
        verbose_name = "snapshot DKB"
        verbose_name_plural = "snapshot DKB"
        constraints = [models.UniqueConstraint(fields=["tahun", "semester"], name="snapshot_dkb_sekali_per_semester")]

    def __str__(self) -> str:
        return f"DKB {self.get_semester_display()} {self.tahun}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.pop("_boleh_ubah", False):
            raise ValidationError("Snapshot DKB tidak dapat diubah setelah dibekukan.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Snapshot DKB tidak dapat dihapus.")

    @property
    def judul(self) -> str:
        return f"{self.get_semester_display()} {self.tahun}"


class AgregatDKB(models.Model):
    """One cell: the number of residents (or families, births, deaths) of one kelurahan in one
    category of one dimension, as of the snapshot's date."""

    snapshot = models.ForeignKey(SnapshotDKB, on_delete=models.PROTECT, related_name="agregat")
    kecamatan = models.ForeignKey("penduduk.Wilayah", on_delete=models.PROTECT, related_name="+")
    kelurahan = models.ForeignKey("penduduk.Wilayah", on_delete=models.PROTECT, related_name="+")
    dimensi = models.CharField(max_length=30)
    kategori = models.CharField(max_length=60)
    urutan = models.PositiveSmallIntegerField(default=0)
    jumlah = models.PositiveIntegerField()

    class Meta:
        verbose_name = "sel agregat DKB"
        verbose_name_plural = "sel agregat DKB"
        indexes = [models.Index(fields=["snapshot", "dimensi", "kecamatan", "kelurahan"])]
        constraints = [models.UniqueConstraint(fields=["snapshot", "kelurahan", "dimensi", "kategori"],
                                               name="agregat_dkb_unik")]

    def __str__(self) -> str:
        return f"{self.snapshot} {self.kelurahan_id} {self.dimensi}={self.kategori}: {self.jumlah}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("Sel agregat DKB tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Sel agregat DKB tidak dapat dihapus.")


class StatusPublikasi(models.TextChoices):
    DRAF = "draf", "Draf disusun tim"
    PEMBAHASAN = "pembahasan", "Pembahasan PIAK"
    REVIU_SEKRETARIS = "reviu_sekretaris", "Reviu sekretaris"
    REVIU_KADIS = "reviu_kadis", "Reviu kepala dinas"
    TERBIT = "terbit", "Terbit"


P = StatusPublikasi


class PublikasiAgregat(Proses):
    KODE_PROSES = ("P.7.2",)
    STATUS_AKHIR = frozenset({P.TERBIT})
    JENIS_DOKUMEN_TTE = "buku_agregat"

    status = FSMField(choices=P.choices, default=P.DRAF, protected=True)
    snapshot = models.OneToOneField(SnapshotDKB, on_delete=models.PROTECT, related_name="publikasi")
    judul = models.CharField(max_length=200)
    pengantar = models.TextField("kata pengantar", blank=True)
    notulen_pembahasan = models.TextField("notulen pembahasan PIAK", blank=True)
    ambang_sel_kecil = models.PositiveSmallIntegerField(
        "ambang sel kecil", default=5,
        help_text="Sel dengan jumlah 1 sampai di bawah ambang ini disamarkan pada keluaran publik (UU PDP).")
    terbit_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat_pada"]
        verbose_name = "publikasi agregat kependudukan"
        verbose_name_plural = "publikasi agregat kependudukan"

    @property
    def ringkasan(self) -> str:
        return self.judul

    @transition(field=status, source=P.DRAF, target=P.DRAF, permission=peran("admin_piak"),
                custom={"label": "Sesuaikan draf", "form": "apps.pemanfaatan.forms.DrafPublikasiForm",
                        "gaya": "secondary"})
    def sesuaikan_draf(self, oleh=None, data=None):
        pass

    @transition(field=status, source=P.DRAF, target=P.PEMBAHASAN, permission=peran("admin_piak"),
                custom={"label": "Ajukan ke pembahasan PIAK"})
    def ajukan_pembahasan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=P.PEMBAHASAN, target=P.REVIU_SEKRETARIS, permission=peran("admin_piak"),
                custom={"label": "Catat hasil pembahasan, ajukan ke sekretaris",
                        "form": "apps.pemanfaatan.forms.PembahasanForm"})
    def selesai_pembahasan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=P.PEMBAHASAN, target=P.DRAF, permission=peran("admin_piak"),
                custom={"label": "Kembalikan ke tim untuk disesuaikan", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan_pembahasan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=P.REVIU_SEKRETARIS, target=P.REVIU_KADIS, permission=peran("sekretaris"),
                custom={"label": "Setujui, teruskan ke kepala dinas", "gaya": "success"})
    def setujui_sekretaris(self, oleh=None, data=None):
        pass

    @transition(field=status, source=P.REVIU_SEKRETARIS, target=P.DRAF, permission=peran("sekretaris"),
                custom={"label": "Kembalikan ke PIAK", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan_sekretaris(self, oleh=None, data=None):
        pass

    @transition(field=status, source=P.REVIU_KADIS, target=P.TERBIT, permission=peran("kadis"),
                custom={"label": "Setujui dan tandatangani buku (TTE)", "gaya": "success",
                        "form": "apps.dokumen.forms.TTEForm", "layanan": "apps.dokumen.services.aksi_tandatangani"})
    def setujui_kadis(self, oleh=None, data=None):
        self.terbit_pada = timezone.now()

    @transition(field=status, source=P.REVIU_KADIS, target=P.DRAF, permission=peran("kadis"),
                custom={"label": "Kembalikan ke PIAK", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan_kadis(self, oleh=None, data=None):
        pass

    # -- the book (kontrak-dokumen.md) -----------------------------------------------------------
    def pemilik_dokumen(self) -> tuple[str, str]:
        return ("Pemerintah Kota Pasuruan", "")

    def data_dokumen(self, jenis: str) -> dict:
        from ..buku import konteks_buku

        return konteks_buku(self)
