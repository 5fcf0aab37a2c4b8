"""P.2.1 Perencanaan: Renstra, Renja, Monev, RKA and DPA.

Each planning document belongs to a period (Renstra five years, Renja and RKA/DPA one year, Monev a
quarter) and is written in versions: every revision is a new ``VersiPerencanaan`` row, so what
changed between two versions can be shown, and the version the kepala dinas approved is marked.

``DokumenPerencanaan``::

    draf --ajukan (subbag_perencanaan)--> direviu --reviu (sekretaris)--> menunggu_persetujuan
    direviu / menunggu_persetujuan --kembalikan (sekretaris / kadis, with a reason)--> draf
    draf --revisi (subbag_perencanaan; a new version)--> draf
    menunggu_persetujuan --setujui (kadis)--> disetujui --terbitkan (subbag_perencanaan)--> diterbitkan

A DPA's version lists its budget lines ("kode rekening | uraian | pagu"); on approval they become
the ``BarisDPA`` rows that P.3.1 spends against.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran

from ..uang import NOL, SEN, ke_decimal, kolom_rupiah


class JenisPerencanaan(models.TextChoices):
    RENSTRA = "renstra", "Renstra (5 tahun)"
    RENJA = "renja", "Renja (tahunan)"
    MONEV = "monev", "Monev (triwulanan)"
    RKA = "rka", "RKA (tahunan)"
    DPA = "dpa", "DPA (tahunan)"


class StatusPerencanaan(models.TextChoices):
    DRAF = "draf", "Draf"
    DIREVIU = "direviu", "Menunggu reviu sekretaris"
    MENUNGGU_PERSETUJUAN = "menunggu_persetujuan", "Menunggu persetujuan kepala dinas"
    DISETUJUI = "disetujui", "Disetujui"
    DITERBITKAN = "diterbitkan", "Diterbitkan (internal)"


S = StatusPerencanaan


def baca_baris_dpa(isi: str) -> list[tuple[str, str, Decimal]]:
    """The budget lines of a DPA version: one per line, "kode rekening | uraian | pagu".

    Raises ValueError with the line number when a line cannot be read."""
    hasil, kode_ada = [], set()
    for no, baris in enumerate((isi or "").splitlines(), start=1):
        if not baris.strip() or baris.lstrip().startswith("#"):
            continue
        bagian = [b.strip() for b in baris.split("|")]
        if len(bagian) != 3 or not bagian[0] or not bagian[1]:
            raise ValueError(f"Baris {no}: tulis “kode rekening | uraian | pagu”.")
        try:
            pagu = ke_decimal(bagian[2])
        except ValueError:
            raise ValueError(f"Baris {no}: pagu “{bagian[2]}” bukan jumlah rupiah.") from None
        if pagu < 0 or pagu != pagu.quantize(Decimal("0.01")):
            raise ValueError(f"Baris {no}: pagu harus positif dengan paling banyak dua angka desimal.")
        if bagian[0] in kode_ada:
            raise ValueError(f"Baris {no}: kode rekening {bagian[0]} ditulis dua kali.")
        kode_ada.add(bagian[0])
        hasil.append((bagian[0], bagian[1], pagu))
    return hasil


class DokumenPerencanaan(Proses):
    """P.2.1 — a planning document of one period, drafted, reviewed, approved and published."""

    KODE_PROSES = ("P.2.1",)
    STATUS_AKHIR = frozenset({S.DITERBITKAN})
    # Published internally: the finance officers read the planning documents their work follows.
    PERAN_LIHAT = ("kabid", "pptk", "bendahara", "verifikator_keuangan", "ppk")

    status = FSMField(choices=S.choices, default=S.DRAF, protected=True)
    jenis = models.CharField(max_length=10, choices=JenisPerencanaan.choices)
    judul = models.CharField(max_length=200)
    tahun = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    triwulan = models.PositiveSmallIntegerField(null=True, blank=True, choices=[(i, f"Triwulan {i}") for i in range(1, 5)])
    disetujui_pada = models.DateTimeField(null=True, blank=True)
    diterbitkan_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-tahun", "jenis", "pk"]
        verbose_name = "dokumen perencanaan"
        verbose_name_plural = "dokumen perencanaan"
        indexes = [models.Index(fields=["jenis", "tahun"])]

    @property
    def ringkasan(self) -> str:
        return f"{self.get_jenis_display().split(' (')[0]} {self.periode} — {self.judul}"

    @property
    def periode(self) -> str:
        if self.jenis == JenisPerencanaan.RENSTRA:
            return f"{self.tahun}–{self.tahun_akhir}"
        if self.triwulan:
            return f"TW {self.triwulan} {self.tahun}"
        return str(self.tahun)

    @classmethod
    def untuk_pengguna(cls, user):
        """Planning staff, the secretary and the head of office see every draft; the readers of
        PERAN_LIHAT only what is approved (published internally)."""
        from apps.core.peran import peran_pengguna

        milik = peran_pengguna(user)
        if milik & {"subbag_perencanaan", "sekretaris", "kadis"}:
            return cls._default_manager.all()
        if milik & set(cls.PERAN_LIHAT):
            return cls._default_manager.filter(status__in=[S.DISETUJUI, S.DITERBITKAN])
        return cls._default_manager.none()

    def punya_versi(self) -> bool:
        return self.versi_dokumen.exists()

    # -- transitions ------------------------------------------------------------------------
    @transition(field=status, source=S.DRAF, target=S.DRAF, permission=peran("subbag_perencanaan"),
                custom={"label": "Simpan versi baru", "form": "apps.keuangan.forms.VersiPerencanaanForm",
                        "layanan": "apps.keuangan.services.perencanaan_revisi", "gaya": "outline-primary"})
    def revisi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DRAF, target=S.DIREVIU, permission=peran("subbag_perencanaan"),
                conditions=[punya_versi], custom={"label": "Ajukan untuk reviu"})
    def ajukan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIREVIU, target=S.MENUNGGU_PERSETUJUAN, permission=peran("sekretaris"),
                custom={"label": "Reviu selesai, teruskan ke kepala dinas"})
    def reviu(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[S.DIREVIU, S.MENUNGGU_PERSETUJUAN], target=S.DRAF,
                permission=peran("sekretaris", "kadis",
                                 syarat=lambda o, u: _peran_kembali(o, u)),
                custom={"label": "Kembalikan untuk diperbaiki", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.MENUNGGU_PERSETUJUAN, target=S.DISETUJUI, permission=peran("kadis"),
                custom={"label": "Setujui", "layanan": "apps.keuangan.services.perencanaan_setujui"})
    def setujui(self, oleh=None, data=None):
        self.disetujui_pada = timezone.now()

    @transition(field=status, source=S.DISETUJUI, target=S.DITERBITKAN, permission=peran("subbag_perencanaan"),
                custom={"label": "Terbitkan (internal)"})
    def terbitkan(self, oleh=None, data=None):
        self.diterbitkan_pada = timezone.now()


def _peran_kembali(objek, user) -> bool:
    """The sekretaris returns what it reviews, the kadis what waits for approval."""
    from apps.core.peran import peran_pengguna

    milik = peran_pengguna(user)
    if objek.status == S.DIREVIU:
        return "sekretaris" in milik
    return "kadis" in milik


class VersiPerencanaan(models.Model):
    """One version of a planning document's text (kept whole, so any two can be compared)."""

    dokumen = models.ForeignKey(DokumenPerencanaan, on_delete=models.CASCADE, related_name="versi_dokumen")
    nomor = models.PositiveIntegerField("versi")
    isi = models.TextField()
    catatan_perubahan = models.CharField("catatan perubahan", max_length=300, blank=True)
    disetujui = models.BooleanField("versi yang disetujui", default=False)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["dokumen", "nomor"]
        verbose_name = "versi dokumen perencanaan"
        verbose_name_plural = "versi dokumen perencanaan"
        constraints = [
            models.UniqueConstraint(fields=["dokumen", "nomor"], name="versi_perencanaan_unik"),
            models.UniqueConstraint(fields=["dokumen"], condition=Q(disetujui=True), name="satu_versi_disetujui"),
        ]

    def __str__(self) -> str:
        return f"{self.dokumen.ringkasan} v{self.nomor}"


class BarisDPAQuerySet(models.QuerySet):
    def dengan_realisasi(self):
        """Each line with what it has committed (requested, not yet paid nor cancelled) and paid
        (by SP2D), summed by the database: NUMERIC on PostgreSQL. ``terikat``, ``dibayar`` and
        ``sisa`` are then read as Decimal to the sen (on SQLite, whose columns hold REAL, the
        rounding to the sen removes what its float sums add)."""
        selesai = ["dibayar", "dibatalkan"]
        return self.annotate(
            jumlah_terikat=Sum("permintaan_pembayaran__jumlah", filter=~Q(permintaan_pembayaran__status__in=selesai), default=NOL),
            jumlah_dibayar=Sum("permintaan_pembayaran__sp2d_jumlah", filter=Q(permintaan_pembayaran__status="dibayar"), default=NOL),
        )


class BarisDPA(models.Model):
    """A budget line of an approved DPA: the pagu that P.3.1's payment requests spend against."""

    dokumen = models.ForeignKey(DokumenPerencanaan, on_delete=models.PROTECT, related_name="baris_dpa",
                                limit_choices_to={"jenis": JenisPerencanaan.DPA})
    kode_rekening = models.CharField("kode rekening", max_length=60)
    uraian = models.CharField(max_length=300)
    pagu = kolom_rupiah("pagu")

    objects = BarisDPAQuerySet.as_manager()

    class Meta:
        ordering = ["dokumen", "kode_rekening"]
        verbose_name = "baris DPA"
        verbose_name_plural = "baris DPA"
        constraints = [models.UniqueConstraint(fields=["dokumen", "kode_rekening"], name="baris_dpa_unik")]

    def __str__(self) -> str:
        return f"{self.kode_rekening} — {self.uraian} (DPA {self.dokumen.tahun})"

    # -- the realisation (only on rows read through ``dengan_realisasi``) -------------------------
    @property
    def terikat(self) -> Decimal:
        return Decimal(self.jumlah_terikat).quantize(SEN)

    @property
    def dibayar(self) -> Decimal:
        return Decimal(self.jumlah_dibayar).quantize(SEN)

    @property
    def sisa(self) -> Decimal:
        return self.pagu - self.terikat - self.dibayar
