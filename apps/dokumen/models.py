"""Issued documents, their print jobs and the officials who sign them.

A ``Dokumen`` is born in the transaction of the step that issues it (number drawn from
``core.Urutan`` there, so numbers have no gaps or duplicates); its PDF is rendered, and signed
when its type requires it, by a Celery job whose state the record keeps (menunggu → selesai or
gagal). The PDF lives outside the static tree; every download is logged in ``core.AksesBerkas``.
"""

from __future__ import annotations

import secrets
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

# Verification codes are printed in the QR and typed by hand: no 0/O or 1/I/L confusion.
_ABJAD_KODE = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def buat_kode_verifikasi() -> str:
    """20 characters from 31 symbols: about 99 bits, not guessable (the page is public)."""
    return "".join(secrets.choice(_ABJAD_KODE) for _ in range(20))


def _lokasi_dokumen(instance, filename: str) -> str:
    return f"dokumen/{instance.tahun}/{instance.jenis}/{uuid.uuid4().hex}.pdf"


class Pejabat(models.Model):
    """A signing official (kabid, kadis as Pejabat Pencatatan Sipil): identity for the TTE.

    The key and certificate are NOT here: the local backend keeps a PKCS#12 per official in
    ``settings.TTE_KEY_DIR`` (named by NIP); BSrE keeps it at BSrE, found by the official's NIK.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="pejabat")
    nama = models.CharField("nama lengkap dan gelar", max_length=150)
    nip = models.CharField("NIP", max_length=18, unique=True)
    nik = models.CharField("NIK", max_length=16, blank=True, help_text="Dipakai untuk TTE melalui BSrE.")
    jabatan = models.CharField(max_length=150, help_text="Mis. Kepala Dinas Kependudukan dan Pencatatan Sipil")
    pangkat = models.CharField("pangkat/golongan", max_length=80, blank=True)
    aktif = models.BooleanField(default=True)
    # Wrong TTE passphrases in a row (reset by a right one) and the pause they caused (§6; BSrE
    # itself locks an account after repeated failures). Kept in the database, not the cache, so
    # every web process sees the same count.
    passphrase_salah = models.PositiveSmallIntegerField(default=0, editable=False)
    tte_dijeda_sampai = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["nama"]
        verbose_name = "pejabat penandatangan"
        verbose_name_plural = "pejabat penandatangan"

    def __str__(self) -> str:
        return f"{self.nama} — {self.jabatan}"

    @property
    def berkas_p12(self) -> Path:
        return Path(settings.TTE_KEY_DIR) / f"{self.nip}.p12"


class Dokumen(models.Model):
    """One issued document of a process record (KK, KIA, tanda terima, akta, surat, ...)."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        DIPROSES = "diproses", "Sedang diproses"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"
        # The sealed passphrase expired before the signing job ran: the official signs again
        # (the same document, the same number).
        PERLU_TTE_ULANG = "perlu_tte_ulang", "Perlu TTE ulang"
        # Staff gave the job up with a reason (Pekerjaan latar page); nothing re-queues it.
        DITINGGALKAN = "ditinggalkan", "Ditinggalkan"

    # A signing job in these states is started again only by its official, with the passphrase.
    STATUS_TTE_ULANG = (Status.GAGAL, Status.PERLU_TTE_ULANG)

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    objek = GenericForeignKey("content_type", "object_id")

    jenis = models.CharField(max_length=40, db_index=True)
    judul = models.CharField(max_length=150)
    kunci_nomor = models.CharField(max_length=64)
    tahun = models.PositiveSmallIntegerField()
    urut = models.PositiveIntegerField()
    nomor = models.CharField(max_length=80)
    kode_verifikasi = models.CharField(max_length=20, unique=True, default=buat_kode_verifikasi, editable=False)
    # The holder as the verification page shows them (masked there); copied at issue so that the
    # page does not depend on the process record staying readable.
    pemilik_nama = models.CharField(max_length=150, blank=True)
    pemilik_nik = models.CharField(max_length=16, blank=True)

    perlu_tte = models.BooleanField(default=False)
    ditandatangani_oleh = models.ForeignKey(Pejabat, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    ditandatangani_pada = models.DateTimeField(null=True, blank=True)
    diterbitkan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now)

    berkas = models.FileField(upload_to=_lokasi_dokumen, max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    ukuran = models.PositiveIntegerField(default=0)

    # The render (and sign) job; this row, not the broker message, says what must happen (the
    # sweeper in apps/dokumen/jobs.py re-queues what the broker lost). ``klaim`` is the lease of
    # the worker running it: only the holder may store the result, so a duplicated delivery cannot
    # store a second, different PDF. ``diantrekan_pada`` is the last time a message was published
    # (empty: the broker was unreachable, staff see "menunggu antrean kerja").
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.MENUNGGU)
    galat = models.TextField("pesan galat", blank=True)
    percobaan = models.PositiveSmallIntegerField(default=0)
    klaim = models.CharField(max_length=32, blank=True, editable=False)
    klaim_pada = models.DateTimeField(null=True, blank=True, editable=False)
    diantrekan_pada = models.DateTimeField(null=True, blank=True, editable=False)
    selesai_pada = models.DateTimeField(null=True, blank=True)
    # The passphrase sealed for this document (apps/dokumen/sandi.py: Fernet under a key derived
    # from SECRET_KEY and the document id, refused after TTE_PASSPHRASE_TTL). Kept only until the
    # signing job ends so that the sweeper can re-queue a job whose message was lost; a database
    # dump alone does not open it.
    token_tte = models.TextField(blank=True, editable=False)

    # Email of the signed PDF to the applicant: claimed, then marked sent, by conditional UPDATEs.
    email_tujuan = models.EmailField(blank=True)
    email_klaim_pada = models.DateTimeField(null=True, blank=True, editable=False)
    email_diantrekan_pada = models.DateTimeField(null=True, blank=True, editable=False)
    email_terkirim_pada = models.DateTimeField(null=True, blank=True)
    email_percobaan = models.PositiveSmallIntegerField(default=0)
    email_galat = models.TextField(blank=True)
    # Set when the email job gave up (retries spent) or staff abandoned it: the sweeper leaves it
    # alone until staff resend it.
    email_gagal_pada = models.DateTimeField(null=True, blank=True)

    jumlah_cetak = models.PositiveIntegerField(default=0)
    aktif = models.BooleanField(default=True, help_text="Dokumen yang dicabut atau diganti tidak lagi aktif.")

    class Meta:
        ordering = ["dibuat_pada", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["status", "klaim_pada"], name="dokumen_status_klaim"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["kunci_nomor", "tahun", "urut"], name="dokumen_nomor_unik"),
        ]
        verbose_name = "dokumen"
        verbose_name_plural = "dokumen"

    def __str__(self) -> str:
        return f"{self.judul} {self.nomor}"

    @classmethod
    def untuk(cls, objek) -> models.QuerySet:
        """The documents issued for a process record, oldest first."""
        return cls.objects.filter(content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk)

    @property
    def url_verifikasi(self) -> str:
        return f"{settings.SITE_URL}/verifikasi/{self.kode_verifikasi}/"

    @property
    def status_tampil(self) -> str:
        """What staff see: a job being run is still "menunggu" to them."""
        if self.status == self.Status.DIPROSES:
            return "menunggu"
        return self.status

    @property
    def menunggu_antrean(self) -> bool:
        """Saved, but no message reached the broker yet (Redis down): the sweeper publishes it."""
        return self.status == self.Status.MENUNGGU and self.diantrekan_pada is None

    @property
    def email_status(self) -> str:
        """The email job as staff see it: "", terkirim, gagal, menunggu."""
        if not self.email_tujuan:
            return ""
        if self.email_terkirim_pada:
            return "terkirim"
        if self.email_gagal_pada:
            return "gagal"
        return "menunggu"

    @property
    def siap(self) -> bool:
        return self.status == self.Status.SELESAI and bool(self.berkas)

    @property
    def ditandatangani(self) -> bool:
        return self.ditandatangani_pada is not None

    @property
    def nama_unduhan(self) -> str:
        aman = "".join(c if c.isalnum() else "-" for c in self.nomor).strip("-")
        return f"{self.jenis}-{aman}.pdf"


class CetakDokumen(models.Model):
    """One print of a document at the cetak step; the second and later are reprints."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    dokumen = models.ForeignKey(Dokumen, on_delete=models.PROTECT, related_name="cetakan")
    ke = models.PositiveSmallIntegerField("cetakan ke")
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    galat = models.TextField(blank=True)
    diantrekan_pada = models.DateTimeField(null=True, blank=True, editable=False)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["dokumen", "ke"]
        constraints = [models.UniqueConstraint(fields=["dokumen", "ke"], name="cetak_dokumen_ke_unik")]
        verbose_name = "cetakan dokumen"
        verbose_name_plural = "cetakan dokumen"

    def __str__(self) -> str:
        return f"{self.dokumen} — cetakan ke-{self.ke}"

    @property
    def cetak_ulang(self) -> bool:
        return self.ke > 1


# Bulk TTE lives in its own module; imported here so that Django registers its models.
from .models_massal import ItemTTEMassal, TTEMassal  # noqa: E402, F401
