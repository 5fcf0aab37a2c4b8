"""P.3.1 Penatausahaan keuangan: a payment request against a DPA line, from the PPTK's request to
BPKA's SP2D.

``PermintaanPembayaran``::

    diajukan --pilih_metode (bendahara: LS or GU)--> metode_dipilih
    metode_dipilih --susun_spj (pptk, with the SPJ)--> spj_disusun
    spj_disusun --verifikasi (verifikator_keuangan)--> spj_diverifikasi
    spj_disusun --kembalikan_spj (verifikator_keuangan, with a reason)--> metode_dipilih
    spj_diverifikasi --terbitkan_spp_spm (bendahara; the SPP signed by the bendahara's TTE)--> spm_menunggu_tte
    spm_menunggu_tte --tandatangani (kadis as Pengguna Anggaran; the SPM signed by TTE)--> spp_spm_terbit
    spm_menunggu_tte --kembalikan_tte (kadis, with a reason)--> spj_diverifikasi
    spp_spm_terbit --periksa_lengkap (ppk)--> dikirim_bpka
    spp_spm_terbit --kembalikan (ppk, incomplete)--> dikembalikan_ppk
    dikembalikan_ppk --lengkapi (verifikator_keuangan)--> spj_diverifikasi   (then the bendahara issues again)
    dikirim_bpka --catat_sp2d (bendahara: number, date, amount)--> dibayar
    diajukan / metode_dipilih --batalkan (pptk)--> dibatalkan

The amount is committed against the line from the request until SP2D (then it is paid) or the
cancellation (then it is released); a request above the line's remaining budget is refused
(``services.permintaan_ajukan``, under a row lock on the line).

Signatures (Permendagri 77/2020): the SPP is the bendahara pengeluaran's, the SPM the Pengguna
Anggaran's (the kadis). Both are numbered PDFs signed by TTE with a QR to /verifikasi/ before the
PPK checks them; the SPM's TTE is the kernel's TTE step (``ekor_layanan``).
"""

from __future__ import annotations

from django.db import models
from django_fsm import FSMField, transition

from apps.core.ekor import TTE, ekor_layanan
from apps.core.models import Proses
from apps.core.peran import peran

from ..uang import kolom_rupiah
from .perencanaan import BarisDPA


class StatusPembayaran(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan PPTK"
    METODE_DIPILIH = "metode_dipilih", "Metode dipilih, menunggu SPJ"
    SPJ_DISUSUN = "spj_disusun", "SPJ disusun, menunggu verifikasi"
    SPJ_DIVERIFIKASI = "spj_diverifikasi", "SPJ terverifikasi, menunggu SPP/SPM"
    SPM_MENUNGGU_TTE = "spm_menunggu_tte", "SPP ditandatangani, SPM menunggu TTE Pengguna Anggaran"
    SPP_SPM_TERBIT = "spp_spm_terbit", "SPP dan SPM terbit, diperiksa PPK"
    DIKEMBALIKAN_PPK = "dikembalikan_ppk", "Dikembalikan PPK untuk dilengkapi"
    DIKIRIM_BPKA = "dikirim_bpka", "Dikirim ke BPKA"
    DIBAYAR = "dibayar", "Dibayar (SP2D)"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


class MetodePembayaran(models.TextChoices):
    LS = "LS", "LS (langsung)"
    GU = "GU", "GU (ganti uang)"


S = StatusPembayaran
# States in which the amount still holds a part of the line's budget (not paid, not cancelled).
STATUS_TERIKAT = tuple(s for s in S.values if s not in (S.DIBAYAR, S.DIBATALKAN))


class PermintaanPembayaran(
    # P.3.1.5 — the Pengguna Anggaran signs the SPM the bendahara issued (the kernel's TTE step).
    ekor_layanan(tte=TTE(peran=("kadis",), dari=S.SPM_MENUNGGU_TTE, ke=S.SPP_SPM_TERBIT, kembali_ke=S.SPJ_DIVERIFIKASI,
                         layanan="apps.keuangan.services.pembayaran_tandatangani_spm",
                         label="Tandatangani SPM (TTE)", label_kembali="Kembalikan ke bendahara")),
    Proses,
):
    """P.3.1 — the PPTK's payment request for an activity, against one DPA line."""

    KODE_PROSES = ("P.3.1",)
    STATUS_AKHIR = frozenset({S.DIBAYAR, S.DIBATALKAN})
    PERAN_LIHAT = ("kadis", "subbag_perencanaan")
    JENIS_DOKUMEN_TTE = "spm"

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)
    baris_dpa = models.ForeignKey(BarisDPA, on_delete=models.PROTECT, related_name="permintaan_pembayaran",
                                  verbose_name="baris DPA")
    kegiatan = models.CharField("kegiatan", max_length=300)
    jumlah = kolom_rupiah("jumlah diminta")
    penerima = models.CharField("penerima pembayaran", max_length=200, blank=True)
    metode = models.CharField(max_length=2, choices=MetodePembayaran.choices, blank=True)
    nomor_spp = models.CharField("nomor SPP", max_length=60, blank=True)
    nomor_spm = models.CharField("nomor SPM", max_length=60, blank=True)
    sp2d_nomor = models.CharField("nomor SP2D", max_length=60, blank=True)
    sp2d_tanggal = models.DateField("tanggal SP2D", null=True, blank=True)
    sp2d_jumlah = kolom_rupiah("jumlah SP2D", null=True, blank=True)

    class Meta:
        ordering = ["-dibuat_pada", "pk"]
        verbose_name = "permintaan pembayaran"
        verbose_name_plural = "permintaan pembayaran"

    @property
    def ringkasan(self) -> str:
        from ..uang import format_rupiah

        return f"{self.kegiatan} — {format_rupiah(self.jumlah)}"

    # The documents issued at the bendahara's step (cf. docs/kontrak-dokumen.md).
    def data_dokumen(self, jenis: str) -> dict:
        from ..dokumen import data_spp_spm

        return data_spp_spm(self, jenis)

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.penerima or self.kegiatan[:150], "")

    # -- transitions ------------------------------------------------------------------------
    @transition(field=status, source=S.DIAJUKAN, target=S.METODE_DIPILIH, permission=peran("bendahara"),
                custom={"label": "Pilih metode (LS/GU)", "form": "apps.keuangan.forms.MetodeForm"})
    def pilih_metode(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.METODE_DIPILIH, target=S.SPJ_DISUSUN, permission=peran("pptk"),
                custom={"label": "Serahkan SPJ", "form": "apps.keuangan.forms.SPJPembayaranForm"})
    def susun_spj(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.SPJ_DISUSUN, target=S.SPJ_DIVERIFIKASI, permission=peran("verifikator_keuangan"),
                custom={"label": "SPJ terverifikasi"})
    def verifikasi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.SPJ_DISUSUN, target=S.METODE_DIPILIH, permission=peran("verifikator_keuangan"),
                custom={"label": "Kembalikan SPJ ke PPTK", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan_spj(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.SPJ_DIVERIFIKASI, target=S.SPM_MENUNGGU_TTE, permission=peran("bendahara"),
                custom={"label": "Terbitkan SPP dan SPM", "form": "apps.dokumen.forms.TTEForm",
                        "layanan": "apps.keuangan.services.pembayaran_terbitkan_spp_spm"})
    def terbitkan_spp_spm(self, oleh=None, data=None):
        """P.3.1.5 — the bendahara signs the SPP by TTE (passphrase) and puts the SPM to the kadis."""

    @transition(field=status, source=S.SPP_SPM_TERBIT, target=S.DIKIRIM_BPKA, permission=peran("ppk"),
                custom={"label": "Lengkap, kirim ke BPKA"})
    def periksa_lengkap(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.SPP_SPM_TERBIT, target=S.DIKEMBALIKAN_PPK, permission=peran("ppk"),
                custom={"label": "Belum lengkap, kembalikan", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIKEMBALIKAN_PPK, target=S.SPJ_DIVERIFIKASI, permission=peran("verifikator_keuangan"),
                custom={"label": "Sudah dilengkapi, teruskan ke bendahara"})
    def lengkapi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIKIRIM_BPKA, target=S.DIBAYAR, permission=peran("bendahara"),
                custom={"label": "Catat SP2D dari BPKA", "form": "apps.keuangan.forms.SP2DForm"})
    def catat_sp2d(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[S.DIAJUKAN, S.METODE_DIPILIH], target=S.DIBATALKAN, permission=peran("pptk"),
                custom={"label": "Batalkan permintaan", "wajib_catatan": True, "gaya": "outline-danger"})
    def batalkan(self, oleh=None, data=None):
        pass

