"""The workflow kernel's models (DESIGN.md, "The workflow kernel").

``Proses`` is the abstract base of every process record in the business apps. Each subclass
declares ``status = FSMField(...)`` and its transitions with ``permission=peran(...)``; the kernel
(services, views) enforces the permission, saves with optimistic locking and writes one
``RiwayatStatus`` row per transition in the same database transaction.
"""

from __future__ import annotations

import functools
import hashlib
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django_fsm import ConcurrentTransition, ConcurrentTransitionMixin, FSMFieldMixin

from .kode import buat_kode_lacak, buat_pin


@functools.cache
def _kolom_status(model) -> tuple:
    """The FSM state fields of a process model (django-fsm-2's ``state_fields``)."""
    return tuple(f for f in model._meta.fields if isinstance(f, FSMFieldMixin))


class Proses(ConcurrentTransitionMixin, models.Model):
    """Base of every process record: tracking code, PIN, version, time in state, due date.

    Subclasses set:
    - ``status = FSMField(choices=..., default=..., protected=True)``;
    - ``KODE_PROSES``: the leaf codes of the map it implements, e.g. ``("P.4.1.2",)``
      (``manage.py peta_proses``), and ``STATUS_AKHIR`` (final states);
    - optionally ``PERAN_LIHAT``: roles that may open every record without acting on it;
    - ``DILACAK_PEMOHON = True`` for a citizen's request (the public status page finds it).
    """

    KODE_PROSES: tuple[str, ...] = ()
    STATUS_AKHIR: frozenset[str] = frozenset()
    PERAN_LIHAT: tuple[str, ...] = ()
    # A citizen's request, traceable on the public status page by its code and PIN. Internal
    # processes (letters, dispositions) stay off it even though they carry a code.
    DILACAK_PEMOHON = False

    kode_lacak = models.CharField("kode lacak", max_length=14, unique=True, editable=False, default=buat_kode_lacak)
    # Printed on the tanda terima and asked on the public status page (as e-Kitir's PIN). Kept so
    # that the receipt can be reprinted; guesses are rate-limited and compared in constant time.
    pin = models.CharField("PIN", max_length=6, default=buat_pin, editable=False)
    versi = models.PositiveIntegerField(default=0, editable=False)
    dibuat_pada = models.DateTimeField("diajukan pada", default=timezone.now, db_index=True, editable=False)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="dicatat oleh",
    )
    status_sejak = models.DateTimeField("status sejak", default=timezone.now, editable=False)
    tenggat = models.DateField("tenggat", null=True, blank=True, help_text="Target selesai (hari kerja).")

    class Meta:
        abstract = True

    # -- optimistic locking ------------------------------------------------------------------
    # ConcurrentTransitionMixin guards the state column; the version guards everything else
    # (two officers editing data in the same state). A stale save raises ConcurrentTransition.
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._versi_awal = self.versi

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.kode_lacak}"

    def save(self, *args, **kwargs):
        # The record and its row of the cross-process index land together (or not at all); inside
        # jalankan_aksi this is the transaction of the transition. A savepoint, so that a refused
        # save (a stale version) leaves the caller's transaction usable, as before.
        from .indeks import indeks_tulis

        with transaction.atomic():
            super().save(*args, **kwargs)
            indeks_tulis(self)
        self._versi_awal = self.versi

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._versi_awal = self.versi

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update, *args, **kwargs):
        if self._versi_awal is None or base_qs.model is not type(self)._meta.concrete_model:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update, *args, **kwargs)
        updated = super()._do_update(
            base_qs.filter(versi=self._versi_awal), using, pk_val, values, update_fields, forced_update, *args, **kwargs
        )
        if not updated and base_qs.filter(pk=pk_val).using(using).exists():
            raise ConcurrentTransition("Versi berkas sudah berubah sejak dibaca.")
        return updated


    @property
    def state_fields(self):
        # ConcurrentTransitionMixin's, looked up once per model instead of on every instance:
        # a queue page builds 25 records.
        return _kolom_status(type(self))

    # -- reading the state machine ------------------------------------------------------------
    @classmethod
    def status_field(cls) -> FSMFieldMixin:
        return cls._meta.get_field("status")

    @property
    def status_label(self) -> str:
        return self.get_status_display()

    @property
    def selesai(self) -> bool:
        return self.status in self.STATUS_AKHIR

    @property
    def terlambat(self) -> bool:
        return bool(self.tenggat and not self.selesai and timezone.localdate() > self.tenggat)

    @classmethod
    def untuk_pengguna(cls, user) -> models.QuerySet:
        """Records the user may open: everything for the roles of this process, nothing else.

        Override for object-level rules (e.g. an integrated partner sees only its own filings).
        """
        from .peran import peran_pengguna
        from .workflow import peran_proses

        if peran_pengguna(user) & peran_proses(cls):
            return cls._default_manager.all()
        return cls._default_manager.none()

    @property
    def ringkasan(self) -> str:
        """One line for queues and headings; subclasses name the person and the service."""
        return str(self)


class RiwayatStatus(models.Model):
    """One row per transition, written in the transaction of the state change (the timeline)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    objek = GenericForeignKey("content_type", "object_id")
    aksi = models.CharField(max_length=64)
    aksi_label = models.CharField("aksi", max_length=128)
    dari = models.CharField("dari status", max_length=64)
    ke = models.CharField("ke status", max_length=64)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    peran = models.CharField(max_length=200, blank=True, help_text="Peran pelaku saat bertindak.")
    waktu = models.DateTimeField(default=timezone.now)
    catatan = models.TextField(blank=True)
    # Notes of returns are meant for the person the file goes back to and show on the status page.
    catatan_publik = models.BooleanField(default=False)

    class Meta:
        ordering = ["waktu", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "waktu"])]
        verbose_name = "riwayat status"
        verbose_name_plural = "riwayat status"

    def __str__(self) -> str:
        return f"{self.aksi_label}: {self.dari} → {self.ke}"


class IndeksProsesQuerySet(models.QuerySet):
    def terlambat(self):
        return self.filter(selesai=False, tenggat__lt=timezone.localdate())


class IndeksProses(models.Model):
    """One row per request or case of any process model (issue "kernel" §4): what the home page,
    the status page and the staff search read with one query, however many process types exist.

    Written by ``Proses.save`` in the transaction of the save (``core.indeks.indeks_tulis``), so
    a creation and every transition (``jalankan_aksi`` saves the record) keep it current;
    ``manage.py bangun_indeks`` rebuilds it from the process tables. Role lists are stored as
    "|kode|kode|" so that one LIKE per role of the user filters them on SQLite and PostgreSQL."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kode_proses = models.CharField("kode proses", max_length=60, db_index=True)
    layanan = models.CharField(max_length=200)
    kode_lacak = models.CharField("kode lacak", max_length=14, db_index=True)
    dilacak_pemohon = models.BooleanField(default=False, help_text="Ditemukan di halaman cek status publik.")
    nik = models.CharField("NIK pemohon", max_length=16, blank=True, db_index=True)
    nama = models.CharField("nama pemohon", max_length=200, blank=True)
    # The applicant's address, lower-cased: a citizen's verified account lists its requests by it.
    email = models.CharField("email pemohon", max_length=254, blank=True, db_index=True)
    ringkasan = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=64)
    status_label = models.CharField("label status", max_length=200)
    selesai = models.BooleanField(default=False)
    peran_antrian = models.CharField("di antrean peran", max_length=500, blank=True)
    # Whether any role has an action in the current state: most records are finished, so the
    # queue counts read the few open ones through this index instead of scanning every row.
    di_antrean = models.BooleanField("di antrean", default=False, db_index=True)
    peran_baca = models.CharField("dibaca peran", max_length=500, blank=True)
    # Set when a document (apps.dokumen) is first issued for the record: the status page, the
    # busiest public page, looks for downloadable documents only then.
    ada_dokumen = models.BooleanField("ada dokumen", default=False)
    tenggat = models.DateField(null=True, blank=True)
    dibuat_pada = models.DateTimeField("diajukan pada")
    diperbarui_pada = models.DateTimeField("diperbarui pada", default=timezone.now)

    objects = IndeksProsesQuerySet.as_manager()

    class Meta:
        ordering = ["-dibuat_pada", "pk"]
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="indeks_satu_per_objek")]
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["selesai", "tenggat"]),
            # The menu's queue counts and the dashboard's backlog count the open rows on every
            # view: these two cover those queries (PostgreSQL reads the index alone), about ten
            # times less I/O than the rows at 242,000 open requests (README, "Page figures").
            models.Index(fields=["content_type"], include=["id", "peran_antrian", "peran_baca", "selesai", "tenggat"],
                         condition=models.Q(di_antrean=True), name="indeks_hitung_antrean"),
            models.Index(fields=["kode_proses", "layanan", "status", "status_label", "peran_antrian"],
                         include=["id", "tenggat"], condition=models.Q(selesai=False), name="indeks_tunggakan"),
        ]
        verbose_name = "indeks permohonan"
        verbose_name_plural = "indeks permohonan"

    def __str__(self) -> str:
        return f"{self.kode_proses} {self.kode_lacak}"

    @property
    def terlambat(self) -> bool:
        return bool(self.tenggat and not self.selesai and timezone.localdate() > self.tenggat)

    @property
    def model(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()


def _lokasi_lampiran(instance, filename: str) -> str:
    # Never trust the uploaded name for the path: a random name per file, grouped by month.
    ext = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(instance.jenis_mime, "bin")
    today = timezone.localdate()
    return f"lampiran/{today:%Y/%m}/{uuid.uuid4().hex}.{ext}"


class Lampiran(models.Model):
    """A scanned requirement or letter attached to a process record (outside the static tree)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    objek = GenericForeignKey("content_type", "object_id")
    berkas = models.FileField(upload_to=_lokasi_lampiran, max_length=200)
    nama_asli = models.CharField(max_length=200)
    keterangan = models.CharField(max_length=200, blank=True)
    jenis_mime = models.CharField(max_length=100)
    ukuran = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    riwayat = models.ForeignKey(RiwayatStatus, null=True, blank=True, on_delete=models.SET_NULL, related_name="lampiran")
    diunggah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    diunggah_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["diunggah_pada", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name_plural = "lampiran"

    def __str__(self) -> str:
        return self.keterangan or self.nama_asli

    @classmethod
    def simpan(cls, *, objek, berkas, keterangan="", oleh=None, riwayat=None) -> Lampiran:
        """Store an already validated upload for ``objek`` (see ``core.lampiran.amankan_berkas``):
        checked again here, so no path stores an unchecked file; images are stored re-encoded."""
        from .lampiran import amankan_berkas

        berkas, jenis = amankan_berkas(berkas)
        berkas.seek(0)
        h = hashlib.sha256()
        for chunk in berkas.chunks():
            h.update(chunk)
        berkas.seek(0)
        lampiran = cls(
            content_type=ContentType.objects.get_for_model(objek),
            object_id=objek.pk,
            nama_asli=(getattr(berkas, "name", "") or "berkas")[-200:],
            keterangan=keterangan,
            jenis_mime=jenis,
            ukuran=berkas.size,
            sha256=h.hexdigest(),
            riwayat=riwayat,
            diunggah_oleh=oleh,
        )
        # A file whose row is rolled back is removed by `manage.py bersihkan_berkas`.
        lampiran.berkas.save(lampiran.nama_asli, berkas, save=False)
        lampiran.save()
        return lampiran


class AksesBerkas(models.Model):
    """Every opening of a stored file (attachment or issued PDF) by whom and when (UU PDP)."""

    waktu = models.DateTimeField(default=timezone.now, db_index=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    berkas = models.CharField(max_length=200)
    keterangan = models.CharField(max_length=200, blank=True)
    alamat_ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-waktu"]
        verbose_name = "akses berkas"
        verbose_name_plural = "akses berkas"


class HariLibur(models.Model):
    """Public holidays and cuti bersama: working-day service levels skip them."""

    tanggal = models.DateField(unique=True)
    nama = models.CharField(max_length=120)

    class Meta:
        ordering = ["tanggal"]
        verbose_name = "hari libur"
        verbose_name_plural = "hari libur"

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


class Urutan(models.Model):
    """Gap-free yearly counters (registration numbers, document numbers, agenda numbers).

    ``berikutnya`` locks the counter row (SELECT ... FOR UPDATE) inside the caller's transaction,
    so concurrent issuers queue on it and a rolled-back issue returns its number.
    """

    kunci = models.CharField(max_length=64)
    tahun = models.PositiveSmallIntegerField()
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kunci", "tahun"], name="urutan_unik_per_tahun")]
        verbose_name_plural = "urutan"

    def __str__(self) -> str:
        return f"{self.kunci}/{self.tahun}: {self.terakhir}"

    @classmethod
    def berikutnya(cls, kunci: str, tahun: int | None = None) -> int:
        tahun = tahun or timezone.localdate().year
        with transaction.atomic():
            cls.objects.get_or_create(kunci=kunci, tahun=tahun)
            baris = cls.objects.select_for_update().get(kunci=kunci, tahun=tahun)
            baris.terakhir += 1
            baris.save(update_fields=["terakhir"])
            return baris.terakhir


class KunciIdempoten(models.Model):
    """The one-time key of an intake form (hidden field issued with the form): the record its
    first submission created. A resubmission of the same form (a retried POST after a timeout or a
    500, a double click) finds the key and gets that record back instead of a duplicate."""

    kunci = models.CharField(max_length=64, unique=True)
    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    objek = GenericForeignKey("content_type", "object_id")
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "kunci idempoten"
        verbose_name_plural = "kunci idempoten"

    def __str__(self) -> str:
        return self.kunci
