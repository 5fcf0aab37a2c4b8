"""P.6.2 Pelayanan informasi dan pengaduan masyarakat.

The map: a resident's request for information or complaint reaches the front office, the social
media / messaging operator or the web form and goes to the PIAK administrator, who answers it
within PIAK or forwards it to the technical division concerned, records its answer, and confirms
the answer to the resident. Besides the map: a case redirected from P.4.3.1 (NIK not found) and a
complaint from SP4N-LAPOR! with its ticket number.

``Pengaduan``::

    diterima --jawab (admin_piak)--> selesai          (answer confirmed to the resident, email)
    diterima --teruskan (admin_piak, division + due date)--> diteruskan
    diteruskan --jawab_bidang (bidang_teknis)--> dijawab_bidang --jawab (admin_piak)--> selesai
    diterima --tolak (admin_piak, reason)--> ditutup  (spam, not about adminduk)
    selesai --buka_ulang (the resident on the status page, once, within 14 days)--> dibuka_ulang
    dibuka_ulang --jawab / teruskan (admin_piak)--> ...
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran, peran_pengguna
from apps.core.tutup_otomatis import SISTEM


class JenisPengaduan(models.TextChoices):
    INFORMASI = "informasi", "Permintaan informasi"
    PENGADUAN = "pengaduan", "Pengaduan"


class Saluran(models.TextChoices):
    WEB = "web", "Formulir web"
    LOKET = "loket", "Loket front office"
    MEDSOS = "medsos", "Media sosial / perpesanan"
    REKAM = "rekam", "Dialihkan dari perekaman KTP-el (P.4.3.1)"
    LAPOR = "lapor", "SP4N-LAPOR!"


class BidangTeknis(models.TextChoices):
    DAFDUK = "dafduk", "Bidang Pelayanan Pendaftaran Penduduk"
    CAPIL = "capil", "Bidang Pelayanan Pencatatan Sipil"
    PDIP = "pemanfaatan", "Bidang Pemanfaatan Data dan Inovasi Pelayanan"
    SEKRETARIAT = "sekretariat", "Sekretariat"


class StatusPengaduan(models.TextChoices):
    DITERIMA = "diterima", "Diterima, menunggu pemilahan"
    DITERUSKAN = "diteruskan", "Diteruskan ke bidang teknis"
    DIJAWAB_BIDANG = "dijawab_bidang", "Dijawab bidang teknis"
    SELESAI = "selesai", "Dijawab dan selesai"
    DIBUKA_ULANG = "dibuka_ulang", "Dibuka kembali oleh warga"
    DITUTUP = "ditutup", "Ditutup tanpa tindak lanjut"


S = StatusPengaduan

# Roles that take the case in and handle it: they see the resident's personal data.
PERAN_PENERIMA = ("petugas_fo", "operator_medsos", "operator_rekam")


def _bidang_boleh(objek, user) -> bool:
    return objek.diteruskan_pada is not None


class Pengaduan(Proses):
    """P.6.2 — one information request or complaint, whatever the channel it came by."""

    KODE_PROSES = ("P.6.2",)
    DILACAK_PEMOHON = True
    STATUS_AKHIR = frozenset({S.SELESAI, S.DITUTUP})
    STATUS_PUBLIK = {
        S.DITERIMA: "Diterima, sedang dipelajari petugas PIAK",
        S.DITERUSKAN: "Sedang dimintakan jawaban ke bidang teknis",
        S.DIJAWAB_BIDANG: "Jawaban sedang disiapkan",
        S.SELESAI: "Sudah dijawab",
        S.DIBUKA_ULANG: "Dibuka kembali, sedang ditindaklanjuti",
        S.DITUTUP: "Ditutup",
    }
    AKSI_PUBLIK = {"buka_ulang": "Dibuka kembali oleh pelapor"}

    status = FSMField(choices=S.choices, default=S.DITERIMA, protected=True)
    jenis = models.CharField(max_length=12, choices=JenisPengaduan.choices, default=JenisPengaduan.PENGADUAN)
    saluran = models.CharField(max_length=10, choices=Saluran.choices)
    nama = models.CharField("nama pelapor", max_length=120)
    nik = models.CharField("NIK", max_length=16, blank=True)
    email = models.EmailField("email", blank=True)
    telepon = models.CharField("telepon / WhatsApp", max_length=20, blank=True)
    isi = models.TextField("isi permintaan / pengaduan", max_length=4000)
    # Social media and messaging (operator_medsos).
    medsos_platform = models.CharField("platform", max_length=40, blank=True)
    medsos_akun = models.CharField("akun / nomor", max_length=100, blank=True)
    medsos_tautan = models.URLField("tautan unggahan", blank=True)
    nomor_tiket_lapor = models.CharField("nomor tiket SP4N-LAPOR!", max_length=40, blank=True, db_index=True)
    # The request it was redirected from (P.4.3.1), any process model.
    asal_ct = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    asal_id = models.PositiveBigIntegerField(null=True, blank=True)
    # Triage and answers.
    bidang = models.CharField("bidang teknis", max_length=20, choices=BidangTeknis.choices, blank=True)
    tenggat_bidang = models.DateField("batas jawaban bidang", null=True, blank=True)
    diteruskan_pada = models.DateTimeField(null=True, blank=True)
    jawaban_bidang = models.TextField("jawaban bidang teknis", blank=True)
    jawaban = models.TextField("jawaban kepada warga", blank=True)
    dijawab_pada = models.DateTimeField("dijawab pada", null=True, blank=True)
    dibuka_ulang_pada = models.DateTimeField("dibuka kembali pada", null=True, blank=True)
    alasan_buka_ulang = models.TextField("alasan dibuka kembali", blank=True)

    class Meta:
        verbose_name = "pengaduan"
        verbose_name_plural = "informasi dan pengaduan"
        ordering = ["-dibuat_pada"]

    @property
    def ringkasan(self) -> str:
        isi = " ".join(self.isi.split())
        return f"{self.get_jenis_display()} via {self.get_saluran_display()}: {isi[:80]}"

    @property
    def email_pemohon(self) -> str:
        return self.email

    def pemohon_indeks(self) -> tuple[str, str]:
        return self.nik, self.nama

    @property
    def asal(self):
        if not self.asal_ct_id:
            return None
        return self.asal_ct.get_object_for_this_type(pk=self.asal_id)

    @classmethod
    def untuk_pengguna(cls, user):
        """admin_piak reads every case; the technical division only the cases forwarded to it."""
        milik = peran_pengguna(user)
        if "admin_piak" in milik:
            return cls._default_manager.all()
        if "bidang_teknis" in milik:
            return cls._default_manager.filter(diteruskan_pada__isnull=False)
        return cls._default_manager.none()

    def boleh_lihat_data_pribadi(self, user) -> bool:
        """The technical division answers the question; it needs no NIK, email or telephone."""
        return "admin_piak" in peran_pengguna(user)

    def boleh_buka_ulang(self, sekarang=None) -> bool:
        from .pengaturan import Pengaturan

        if self.status != S.SELESAI or self.dibuka_ulang_pada or not self.dijawab_pada:
            return False
        sekarang = sekarang or timezone.now()
        return (sekarang - self.dijawab_pada).days < Pengaturan.aktif().buka_ulang_hari

    # -- transitions -----------------------------------------------------------------------
    @transition(field=status, source=[S.DITERIMA, S.DIBUKA_ULANG], target=S.DITERUSKAN,
                permission=peran("admin_piak"),
                custom={"label": "Teruskan ke bidang teknis", "form": "apps.piak.forms.TeruskanForm"})
    def teruskan(self, oleh=None, data=None):
        self.diteruskan_pada = timezone.now()

    @transition(field=status, source=S.DITERUSKAN, target=S.DIJAWAB_BIDANG,
                permission=peran("bidang_teknis", syarat=_bidang_boleh),
                custom={"label": "Kirim jawaban bidang", "form": "apps.piak.forms.JawabanBidangForm"})
    def jawab_bidang(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[S.DITERIMA, S.DIJAWAB_BIDANG, S.DIBUKA_ULANG], target=S.SELESAI,
                permission=peran("admin_piak"),
                custom={"label": "Jawab dan konfirmasi ke warga", "form": "apps.piak.forms.JawabanForm",
                        "layanan": "apps.piak.services.pengaduan.aksi_jawab", "gaya": "success"})
    def jawab(self, oleh=None, data=None):
        self.dijawab_pada = timezone.now()

    @transition(field=status, source=S.DITERIMA, target=S.DITUTUP, permission=peran("admin_piak"),
                custom={"label": "Tutup tanpa tindak lanjut", "wajib_catatan": True, "catatan_publik": True,
                        "gaya": "danger"})
    def tolak(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.SELESAI, target=S.DIBUKA_ULANG, permission=SISTEM,
                conditions=[lambda self: self.boleh_buka_ulang()],
                custom={"label": "Dibuka kembali oleh warga", "catatan_publik": True})
    def buka_ulang(self, oleh=None, data=None):
        self.dibuka_ulang_pada = timezone.now()
        self.alasan_buka_ulang = (data or {}).get("alasan", "")
