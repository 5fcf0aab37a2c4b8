"""P.1.1 Perlengkapan dan sarana prasarana: the NPD of subbag rumah tangga & perlengkapan, its SPJ
checked by the bendahara against the supplier's documents, the payment, and the delivery.

``NotaPencairanDana``::

    diajukan --terima (bendahara)--> diterima
    diterima / spj_revisi --serahkan_spj (subbag_umum: invoice, receipt, tax, photos)--> spj_diperiksa
    spj_diperiksa --spj_lengkap (bendahara; every document checked)--> siap_bayar
    spj_diperiksa --kembalikan_spj (bendahara, with a reason)--> spj_revisi
    siap_bayar --bayar (bendahara for subbag keuangan)--> dibayar
    dibayar --catat_penyerahan (subbag_umum: goods or work received)--> selesai
"""

from __future__ import annotations

from django.db import models
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran

from ..uang import kolom_rupiah


class StatusNPD(models.TextChoices):
    DIAJUKAN = "diajukan", "NPD diajukan ke bendahara"
    DITERIMA = "diterima", "NPD diterima, menunggu SPJ"
    SPJ_DIPERIKSA = "spj_diperiksa", "SPJ diperiksa bendahara"
    SPJ_REVISI = "spj_revisi", "SPJ dikembalikan untuk revisi"
    SIAP_BAYAR = "siap_bayar", "SPJ lengkap, menunggu pembayaran"
    DIBAYAR = "dibayar", "Dibayar, menunggu penyerahan barang/pekerjaan"
    SELESAI = "selesai", "Barang/pekerjaan diterima"


S = StatusNPD

# The supplier's documents the SPJ must carry (the form asks for each, the check ticks each).
DOKUMEN_SPJ = (
    ("faktur", "Faktur/invoice penyedia"),
    ("kuitansi", "Kuitansi"),
    ("pajak", "Bukti pajak (e-Faktur/SSP)"),
    ("foto", "Foto barang/pekerjaan"),
)


class NotaPencairanDana(Proses):
    """P.1.1 — the supplies or facilities purchase of subbag rumah tangga & perlengkapan."""

    KODE_PROSES = ("P.1.1",)
    STATUS_AKHIR = frozenset({S.SELESAI})
    PERAN_LIHAT = ("kadis", "sekretaris")

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)
    kegiatan = models.CharField("belanja/pekerjaan", max_length=300)
    penyedia = models.CharField("penyedia", max_length=200)
    jumlah = kolom_rupiah("jumlah NPD")
    jumlah_dibayar = kolom_rupiah("jumlah dibayar", null=True, blank=True)
    tanggal_bayar = models.DateField("tanggal pembayaran", null=True, blank=True)
    tanggal_diterima = models.DateField("tanggal barang/pekerjaan diterima", null=True, blank=True)
    keterangan_penyerahan = models.CharField("keterangan penyerahan", max_length=300, blank=True)

    class Meta:
        ordering = ["-dibuat_pada", "pk"]
        verbose_name = "nota pencairan dana"
        verbose_name_plural = "nota pencairan dana"

    @property
    def ringkasan(self) -> str:
        from ..uang import format_rupiah

        return f"{self.kegiatan} ({self.penyedia}) — {format_rupiah(self.jumlah)}"

    @transition(field=status, source=S.DIAJUKAN, target=S.DITERIMA, permission=peran("bendahara"),
                custom={"label": "Terima NPD"})
    def terima(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[S.DITERIMA, S.SPJ_REVISI], target=S.SPJ_DIPERIKSA, permission=peran("subbag_umum"),
                custom={"label": "Serahkan SPJ", "form": "apps.keuangan.forms.SPJPengadaanForm",
                        "layanan": "apps.keuangan.services.npd_serahkan_spj"})
    def serahkan_spj(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.SPJ_DIPERIKSA, target=S.SIAP_BAYAR, permission=peran("bendahara"),
                custom={"label": "SPJ lengkap dan sesuai", "form": "apps.keuangan.forms.PeriksaSPJForm"})
    def spj_lengkap(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.SPJ_DIPERIKSA, target=S.SPJ_REVISI, permission=peran("bendahara"),
                custom={"label": "Kembalikan SPJ untuk revisi", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan_spj(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.SIAP_BAYAR, target=S.DIBAYAR, permission=peran("bendahara"),
                custom={"label": "Catat pembayaran", "form": "apps.keuangan.forms.BayarNPDForm"})
    def bayar(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIBAYAR, target=S.SELESAI, permission=peran("subbag_umum"),
                custom={"label": "Catat penyerahan barang/pekerjaan", "form": "apps.keuangan.forms.PenyerahanForm"})
    def catat_penyerahan(self, oleh=None, data=None):
        pass
