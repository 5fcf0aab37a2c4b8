"""P.1.2.3 Pengelolaan BMD — the yearly stock-take and the RKBMD.

The map: the pengurus barang orders the stock-take (perekapan barang); each division lists what it
needs; the pengurus barang reconciles the inventory and proposes procurement in the RKBMD (Rencana
Kebutuhan Barang Milik Daerah), which is issued as the document the RKA is drawn up from.
The RKBMD is signed by the kepala dinas as pengguna barang (Permendagri 19/2016)::

    dibuka --ajukan_kebutuhan (bidang_teknis; one row per item)--> dibuka
    dibuka --tutup_rekap (pengurus_barang)--> rekonsiliasi
    rekonsiliasi --catat_aset (pengurus_barang; condition, location, holder of an item)--> rekonsiliasi
    rekonsiliasi --ajukan_rkbmd (pengurus_barang)--> diajukan
    diajukan --kembalikan (kadis, with a reason)--> rekonsiliasi
    diajukan --tandatangani (kadis, TTE)--> diterbitkan
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count
from django_fsm import FSMField, transition

from apps.core.ekor import TTE, ekor_layanan
from apps.core.models import Proses
from apps.core.peran import peran

from .aset import Aset, KondisiAset

JENIS_DOKUMEN_RKBMD = "rkbmd"


class StatusInventarisasi(models.TextChoices):
    DIBUKA = "dibuka", "Dibuka, bidang mengisi kebutuhan"
    REKONSILIASI = "rekonsiliasi", "Rekonsiliasi inventaris"
    DIAJUKAN = "diajukan", "RKBMD diajukan ke kepala dinas"
    DITERBITKAN = "diterbitkan", "RKBMD diterbitkan"


class Inventarisasi(
    # The kadis signs the RKBMD by the kernel's TTE step (his return is ``kembalikan`` below).
    ekor_layanan(tte=TTE(peran=("kadis",), dari=StatusInventarisasi.DIAJUKAN, ke=StatusInventarisasi.DITERBITKAN,
                         label="Tandatangani RKBMD (TTE)")),
    Proses,
):
    """P.1.2.3 — one year's stock-take and the RKBMD proposed from it."""

    KODE_PROSES = ("P.1.2.3",)
    STATUS_AKHIR = frozenset({StatusInventarisasi.DITERBITKAN})
    PERAN_LIHAT = ("sekretaris", "subbag_perencanaan")
    JENIS_DOKUMEN_TTE = JENIS_DOKUMEN_RKBMD

    status = FSMField(choices=StatusInventarisasi.choices, default=StatusInventarisasi.DIBUKA, protected=True)
    tahun_anggaran = models.PositiveSmallIntegerField("tahun anggaran", help_text="Tahun anggaran yang direncanakan.")
    instruksi = models.TextField("instruksi perekapan", blank=True)

    class Meta:
        verbose_name = "inventarisasi dan RKBMD"
        verbose_name_plural = "inventarisasi dan RKBMD"
        constraints = [models.UniqueConstraint(fields=["tahun_anggaran"], name="inventarisasi_satu_per_tahun")]

    def __str__(self) -> str:
        return f"Inventarisasi dan RKBMD {self.tahun_anggaran}"

    @property
    def ringkasan(self) -> str:
        return f"Perekapan barang dan RKBMD tahun anggaran {self.tahun_anggaran}"

    def total_usulan(self) -> Decimal:
        # Summed in Python from the stored Decimals: SQLite would multiply them as floats.
        return sum((k.total for k in self.kebutuhan.all()), Decimal("0.00"))

    # -- the document contract ---------------------------------------------------------------
    def data_dokumen(self, jenis: str) -> dict:
        baris = list(self.kebutuhan.order_by("bidang", "kode_barang", "pk"))
        kondisi = dict(Aset.objects.filter(aktif=True).values_list("kondisi").annotate(n=Count("pk")).order_by())
        return {
            "tahun_anggaran": self.tahun_anggaran,
            "baris": [{"bidang": b.bidang, "kode_barang": b.kode_barang, "nama_barang": b.nama_barang,
                       "jumlah": b.jumlah, "satuan": b.satuan, "harga_satuan": b.harga_satuan, "total": b.total,
                       "alasan": b.alasan} for b in baris],
            "total": sum((b.total for b in baris), Decimal("0.00")),
            "aset": [{"kondisi": label, "jumlah": kondisi.get(kode, 0)} for kode, label in KondisiAset.choices],
        }

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (f"RKBMD {self.tahun_anggaran}", "")

    # -- transitions ------------------------------------------------------------------------------
    @transition(field=status, source=StatusInventarisasi.DIBUKA, target=StatusInventarisasi.DIBUKA,
                permission=peran("bidang_teknis"),
                custom={"label": "Ajukan kebutuhan barang", "form": "apps.umum.forms_bmd.KebutuhanForm",
                        "layanan": "apps.umum.services_bmd.aksi_ajukan_kebutuhan"})
    def ajukan_kebutuhan(self, oleh=None, data=None):
        """P.1.2.3.2 — a division lists one item it needs (the row is made by the service)."""

    @transition(field=status, source=StatusInventarisasi.DIBUKA, target=StatusInventarisasi.REKONSILIASI,
                permission=peran("pengurus_barang"), custom={"label": "Tutup pengisian kebutuhan"})
    def tutup_rekap(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusInventarisasi.REKONSILIASI, target=StatusInventarisasi.REKONSILIASI,
                permission=peran("pengurus_barang"),
                custom={"label": "Catat hasil pengecekan barang", "form": "apps.umum.forms_bmd.CekAsetForm",
                        "layanan": "apps.umum.services_bmd.aksi_catat_aset"})
    def catat_aset(self, oleh=None, data=None):
        """P.1.2.3.3 — one item reconciled: condition, location, holder (the service updates it)."""

    @transition(field=status, source=StatusInventarisasi.REKONSILIASI, target=StatusInventarisasi.DIAJUKAN,
                permission=peran("pengurus_barang"), custom={"label": "Ajukan RKBMD", "gaya": "success"})
    def ajukan_rkbmd(self, oleh=None, data=None):
        """P.1.2.3.4 — the needs listed become the RKBMD proposal."""

    @transition(field=status, source=StatusInventarisasi.DIAJUKAN, target=StatusInventarisasi.REKONSILIASI,
                permission=peran("kadis"), custom={"label": "Kembalikan", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass



class KebutuhanBarang(models.Model):
    """One item a division needs for the year (a row of the RKBMD)."""

    inventarisasi = models.ForeignKey(Inventarisasi, on_delete=models.CASCADE, related_name="kebutuhan")
    bidang = models.CharField(max_length=120)
    kode_barang = models.CharField("kode barang", max_length=40, blank=True)
    nama_barang = models.CharField("nama barang", max_length=200)
    jumlah = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    satuan = models.CharField(max_length=30, default="unit")
    harga_satuan = models.DecimalField("harga satuan (Rp)", max_digits=17, decimal_places=2,
                                       validators=[MinValueValidator(Decimal("0"))])
    alasan = models.TextField("alasan kebutuhan")
    diajukan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    diajukan_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["bidang", "pk"]
        verbose_name = "kebutuhan barang"
        verbose_name_plural = "kebutuhan barang"

    def __str__(self) -> str:
        return f"{self.nama_barang} ({self.jumlah} {self.satuan})"

    @property
    def total(self) -> Decimal:
        return self.harga_satuan * self.jumlah
