"""The civil registry: one register entry per deed, with its marginal notes (catatan pinggir).

PROCESSES.md "capil — P.5": every akta has a register entry and a kutipan (the certified extract
given to the citizen); later corrections and annotations (P.5.3–P.5.7) are catatan pinggir added
to both. The register keeps a snapshot of the data as signed: the deed does not change when the
population register or the request does.
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from .pencatatan import PencatatanSipil


class JenisAkta(models.TextChoices):
    KELAHIRAN = "akta_kelahiran", "Akta kelahiran"
    KEMATIAN = "akta_kematian", "Akta kematian"
    PERKAWINAN = "akta_perkawinan", "Akta perkawinan"
    PERCERAIAN = "akta_perceraian", "Akta perceraian"
    PENGAKUAN_ANAK = "akta_pengakuan_anak", "Akta pengakuan anak"
    PENGESAHAN_ANAK = "akta_pengesahan_anak", "Akta pengesahan anak"


# Deeds issued through the portal are this office's; an existing deed names its issuer.
PENERBIT_SENDIRI = "Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan"


class RegisterAkta(models.Model):
    """A register entry of a deed, made when the Pejabat Pencatatan Sipil signs (TTE).

    ``nomor_akta`` is the number SIAK gave (typed at the SIAK step, checked by ``nomor.py``), as
    text: numbers follow ``aturan.POLA_NOMOR_AKTA``, older deeds keep whatever format they carry.
    """

    nomor_akta = models.CharField("nomor akta", max_length=40, unique=True)
    jenis_akta = models.CharField("jenis akta", max_length=20, choices=JenisAkta.choices, db_index=True)
    kode = models.CharField("kode jenis", max_length=4, help_text="Mis. LU, LT, KM (aturan.KODE_AKTA).")
    tanggal = models.DateField("tanggal pencatatan", db_index=True)
    # Empty for deeds registered before the portal (entered for P.5.3–P.5.8).
    pencatatan = models.OneToOneField(
        PencatatanSipil, null=True, blank=True, on_delete=models.PROTECT, related_name="register"
    )
    data = models.JSONField("data akta", encoder=DjangoJSONEncoder, default=dict)
    pejabat = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="pejabat pencatatan sipil",
    )
    dibuat_pada = models.DateTimeField(default=timezone.now, editable=False)

    # An existing deed taken in at a P.5.2–P.5.8 input: who issued it (and where to write to it),
    # the persons it names ([{"peran", "nama", "nik"}], linked to the register by NIK where
    # known) and the scan of the kutipan the citizen brought.
    penerbit = models.CharField("Dukcapil penerbit", max_length=120, default=PENERBIT_SENDIRI)
    email_penerbit = models.EmailField("email Dukcapil penerbit", blank=True)
    orang = models.JSONField("orang yang tercantum", default=list, blank=True)
    penduduk = models.ManyToManyField("penduduk.Penduduk", blank=True, related_name="+",
                                      verbose_name="penduduk tercantum")
    pindaian = models.ForeignKey("core.Lampiran", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name="pindaian kutipan")
    # Annulled by a ruling (P.5.6): no second copy is issued of it (P.5.8).
    dibatalkan = models.BooleanField("dibatalkan", default=False)

    class Meta:
        ordering = ["-tanggal", "-pk"]
        verbose_name = "register akta"
        verbose_name_plural = "register akta"

    def __str__(self) -> str:
        return f"{self.get_jenis_akta_display()} {self.nomor_akta}"

    def isian(self) -> dict:
        """The deed's data as signed (``data["rincian"]``: a portal deed's event record, or what
        the operator typed from an existing kutipan)."""
        return dict((self.data or {}).get("rincian") or {})

    def nik_tercantum(self) -> set[str]:
        """NIKs of the persons the deed names: the typed list, and the data of a portal deed."""
        nik = {o.get("nik") for o in self.orang if o.get("nik")}
        nik.update(v for k, v in (self.data or {}).items() if k.endswith("nik") and isinstance(v, str) and v)
        for nilai in (self.data or {}).values():
            if isinstance(nilai, dict):
                nik.update(v for k, v in nilai.items() if k.endswith("nik") and isinstance(v, str) and v)
        return nik


class CatatanPinggir(models.Model):
    """A marginal note on a register entry (and on every kutipan issued after it)."""

    register = models.ForeignKey(RegisterAkta, on_delete=models.PROTECT, related_name="catatan_pinggir")
    urutan = models.PositiveSmallIntegerField()
    tanggal = models.DateField(default=timezone.localdate)
    isi = models.TextField()
    # Kind and basis (ruling no., court, dates; or SK no. and date), and the request that made it.
    jenis = models.CharField("jenis catatan", max_length=60, blank=True)
    dasar = models.CharField("dasar", max_length=255, blank=True)
    perubahan = models.ForeignKey("capil.PerubahanAkta", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="catatan_pinggir")
    # P.5.4: {field: {"sebelum", "sesudah"}} as the register was corrected.
    koreksi = models.JSONField(default=dict, blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["register", "urutan"]
        constraints = [models.UniqueConstraint(fields=["register", "urutan"], name="catatan_pinggir_urutan_unik")]
        verbose_name = "catatan pinggir"
        verbose_name_plural = "catatan pinggir"

    def __str__(self) -> str:
        return f"{self.register.nomor_akta} #{self.urutan}"
