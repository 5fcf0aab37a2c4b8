"""P.7.3 Fasilitasi inovasi layanan: a staff idea, the kadis' disposition to PIAK, the feasibility
study, then swakelola (team, SK Tim Inovasi signed by the kadis, design approved) or rekanan
(SPSE procurement, the vendor's tool checked internally), and the public sosialisasi."""

from __future__ import annotations

from django.db import models
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran


class Metode(models.TextChoices):
    SWAKELOLA = "swakelola", "Swakelola"
    REKANAN = "rekanan", "Rekanan / pihak ketiga (SPSE)"


class StatusInovasi(models.TextChoices):
    USULAN = "usulan", "Usulan staf"
    KAJIAN = "kajian", "Kajian kelayakan PIAK"
    USULAN_TIM = "usulan_tim", "Penyusunan usulan tim"
    TIM_DIAJUKAN = "tim_diajukan", "Usulan tim di kepala dinas"
    PERANCANGAN = "perancangan", "Penyusunan rancangan oleh tim"
    RANCANGAN_DIAJUKAN = "rancangan_diajukan", "Rancangan di kepala dinas"
    PENGADAAN = "pengadaan", "Pengadaan melalui SPSE"
    PEMBUATAN = "pembuatan", "Pembuatan tools oleh rekanan"
    UJI_INTERNAL = "uji_internal", "Pengecekan internal PIAK"
    SIAP_SOSIALISASI = "siap_sosialisasi", "Siap disosialisasikan"
    DISOSIALISASIKAN = "disosialisasikan", "Disosialisasikan"
    DITOLAK = "ditolak", "Tidak dilanjutkan"


SI = StatusInovasi
# The internal check of a vendor's tool (all must hold before sosialisasi).
DAFTAR_UJI = [
    ("fungsi", "Fungsi sesuai rancangan dan kontrak"),
    ("keamanan", "Keamanan: login, hak akses, data pribadi terlindungi (UU PDP)"),
    ("aksesibilitas", "Dapat dipakai warga (perangkat umum, bahasa Indonesia)"),
    ("dokumentasi", "Panduan penggunaan dan serah terima kode/akses tersedia"),
]


def _swakelola(self) -> bool:
    return self.metode == Metode.SWAKELOLA


def _rekanan(self) -> bool:
    return self.metode == Metode.REKANAN


class Inovasi(Proses):
    KODE_PROSES = ("P.7.3",)
    STATUS_AKHIR = frozenset({SI.DISOSIALISASIKAN, SI.DITOLAK})
    JENIS_DOKUMEN_TTE = "sk_tim_inovasi"

    status = FSMField(choices=SI.choices, default=SI.USULAN, protected=True)
    judul = models.CharField("nama inovasi", max_length=200)
    gagasan = models.TextField("gagasan dan manfaat")
    # The feasibility study (PIAK).
    dasar_aturan = models.TextField("kesesuaian dengan ketentuan", blank=True)
    jenis_inovasi = models.CharField("jenis inovasi", max_length=100, blank=True)
    cakupan = models.CharField("cakupan", max_length=200, blank=True)
    metode = models.CharField(max_length=10, choices=Metode.choices, blank=True)
    # Swakelola.
    anggota_tim = models.TextField("susunan tim inovasi", blank=True, help_text="Satu anggota per baris: nama — peran.")
    rancangan = models.TextField("rancangan inovasi", blank=True)
    # Rekanan.
    kode_paket_spse = models.CharField("kode paket SPSE", max_length=50, blank=True)
    penyedia = models.CharField("penyedia terpilih", max_length=200, blank=True)
    nomor_kontrak = models.CharField("nomor kontrak", max_length=100, blank=True)
    hasil_uji = models.JSONField("hasil pengecekan internal", default=dict, blank=True)
    # Sosialisasi (public).
    deskripsi_publik = models.TextField("deskripsi untuk publik", blank=True)
    cara_penggunaan = models.TextField("cara penggunaan", blank=True)
    tautan = models.URLField("tautan layanan", blank=True)
    disosialisasikan_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat_pada"]
        verbose_name = "inovasi layanan"
        verbose_name_plural = "inovasi layanan"

    @property
    def ringkasan(self) -> str:
        return f"Inovasi layanan — {self.judul}"

    @transition(field=status, source=SI.USULAN, target=SI.KAJIAN, permission=peran("kadis"),
                custom={"label": "Disposisikan ke PIAK", "gaya": "success"})
    def disposisikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[SI.USULAN, SI.KAJIAN], target=SI.DITOLAK, permission=peran("kadis"),
                custom={"label": "Tidak dilanjutkan", "wajib_catatan": True, "gaya": "danger"})
    def tolak(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SI.KAJIAN, target=SI.USULAN_TIM, permission=peran("admin_piak"),
                custom={"label": "Catat kajian: swakelola", "form": "apps.pemanfaatan.forms.KajianForm"})
    def kaji_swakelola(self, oleh=None, data=None):
        self.metode = Metode.SWAKELOLA

    @transition(field=status, source=SI.KAJIAN, target=SI.PENGADAAN, permission=peran("admin_piak"),
                custom={"label": "Catat kajian: melalui rekanan", "form": "apps.pemanfaatan.forms.KajianForm"})
    def kaji_rekanan(self, oleh=None, data=None):
        self.metode = Metode.REKANAN

    # -- swakelola ------------------------------------------------------------------------------
    @transition(field=status, source=SI.USULAN_TIM, target=SI.TIM_DIAJUKAN, permission=peran("admin_piak"),
                custom={"label": "Ajukan susunan tim ke kepala dinas", "form": "apps.pemanfaatan.forms.TimForm"})
    def ajukan_tim(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SI.TIM_DIAJUKAN, target=SI.USULAN_TIM, permission=peran("kadis"),
                custom={"label": "Kembalikan usulan tim", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan_tim(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SI.TIM_DIAJUKAN, target=SI.PERANCANGAN, permission=peran("kadis"),
                custom={"label": "Tetapkan SK Tim Inovasi (TTE)", "gaya": "success", "form": "apps.dokumen.forms.TTEForm",
                        "layanan": "apps.dokumen.services.aksi_tandatangani"})
    def tetapkan_tim(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SI.PERANCANGAN, target=SI.RANCANGAN_DIAJUKAN, permission=peran("admin_piak"),
                custom={"label": "Ajukan rancangan ke kepala dinas", "form": "apps.pemanfaatan.forms.RancanganForm"})
    def ajukan_rancangan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SI.RANCANGAN_DIAJUKAN, target=SI.PERANCANGAN, permission=peran("kadis"),
                custom={"label": "Kembalikan rancangan", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan_rancangan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SI.RANCANGAN_DIAJUKAN, target=SI.SIAP_SOSIALISASI, permission=peran("kadis"),
                custom={"label": "Setujui rancangan", "gaya": "success"})
    def setujui_rancangan(self, oleh=None, data=None):
        pass

    # -- rekanan --------------------------------------------------------------------------------
    @transition(field=status, source=SI.PENGADAAN, target=SI.PEMBUATAN, permission=peran("admin_piak"),
                custom={"label": "Catat pengadaan SPSE", "form": "apps.pemanfaatan.forms.PengadaanForm"})
    def catat_pengadaan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SI.PEMBUATAN, target=SI.UJI_INTERNAL, permission=peran("admin_piak"),
                custom={"label": "Catat serah terima tools dari rekanan"})
    def terima_tools(self, oleh=None, data=None):
        pass

    @transition(field=status, source=SI.UJI_INTERNAL, target=SI.SIAP_SOSIALISASI, permission=peran("admin_piak"),
                custom={"label": "Lulus pengecekan internal", "gaya": "success", "form": "apps.pemanfaatan.forms.UjiForm"})
    def lulus_uji(self, oleh=None, data=None):
        self.hasil_uji = {k: True for k, _ in DAFTAR_UJI}

    @transition(field=status, source=SI.UJI_INTERNAL, target=SI.PEMBUATAN, permission=peran("admin_piak"),
                custom={"label": "Belum layak: kembalikan ke rekanan", "wajib_catatan": True, "gaya": "danger"})
    def gagal_uji(self, oleh=None, data=None):
        pass

    # -- both ---------------------------------------------------------------------------------
    @transition(field=status, source=SI.SIAP_SOSIALISASI, target=SI.DISOSIALISASIKAN, permission=peran("admin_piak"),
                custom={"label": "Publikasikan (sosialisasi)", "gaya": "success",
                        "form": "apps.pemanfaatan.forms.SosialisasiForm"})
    def sosialisasikan(self, oleh=None, data=None):
        from django.utils import timezone

        self.disosialisasikan_pada = timezone.now()

    # -- the SK Tim Inovasi (kontrak-dokumen.md) ----------------------------------------------
    def pemilik_dokumen(self) -> tuple[str, str]:
        return ("Tim Inovasi " + self.judul[:100], "")

    def data_dokumen(self, jenis: str) -> dict:
        anggota = [b.strip() for b in self.anggota_tim.splitlines() if b.strip()]
        return {
            "perihal": f"Keputusan Kepala Dinas tentang Pembentukan Tim Inovasi {self.judul}",
            "kepada": "Anggota Tim Inovasi\ndi Lingkungan Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan",
            "isi": [
                f"Menetapkan pembentukan Tim Inovasi Layanan Administrasi Kependudukan “{self.judul}” dengan "
                f"susunan keanggotaan: {'; '.join(anggota) or '-'}.",
                "Tim bertugas menyusun rancangan inovasi dan menyampaikannya kepada Kepala Dinas untuk disetujui.",
                "Keputusan ini berlaku sejak tanggal ditetapkan.",
            ],
            "nama": "Tim Inovasi", "nik": "",
        }
