"""P.6.1 Pengelolaan jaringan dan sistem.

The map: a SIAK user reports a problem in the daily service; the PIAK official decides whether it
lies in the local network and systems or outside. Local: it goes to the secretariat or to the
provider, vendor or Diskominfo that runs it, and when hardware must be replaced PIAK supplies it
(from the asset register, P.1.2.3) and hands it over. Central: PIAK contacts Ditjen Dukcapil, whose
answer is recorded. The fix is checked internally; the reporter is told the system is back.

``Insiden``::

    dilaporkan --klasifikasi_lokal (pejabat_piak, provider)--> ditangani_lokal
    dilaporkan --klasifikasi_pusat (pejabat_piak, ticket/letter)--> ditangani_pusat
    ditangani_lokal --serahkan_perangkat (pejabat_piak, asset + receiver)--> ditangani_lokal
    ditangani_lokal --catat_tindakan (pejabat_piak, the provider's action)--> diperiksa
    ditangani_pusat --catat_jawaban_pusat (pejabat_piak)--> diperiksa
    diperiksa --pulih (pejabat_piak; checked internally)--> menunggu_konfirmasi   (reporter told)
    diperiksa --belum_pulih (pejabat_piak, reason)--> dilaporkan
    menunggu_konfirmasi --konfirmasi (the reporter)--> selesai
    menunggu_konfirmasi --masih_bermasalah (the reporter, reason)--> dilaporkan
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.akun.roles import KODE_PERAN
from apps.core.models import Proses
from apps.core.peran import peran, peran_pengguna

# Every staff role may report (a SIAK user); only the reporter confirms.
PERAN_PELAPOR = tuple(k for k in KODE_PERAN if k not in ("pemohon", "admin"))
PERAN_PIAK = ("pejabat_piak", "admin_piak")


def _pelapor(objek, user) -> bool:
    return objek.dibuat_oleh_id is not None and objek.dibuat_oleh_id == user.pk


class JenisPenyedia(models.TextChoices):
    SEKRETARIAT = "sekretariat", "Sekretariat"
    PROVIDER = "provider", "Provider jaringan"
    VENDOR = "vendor", "Vendor"
    DISKOMINFO = "diskominfo", "Diskominfo"


class Penyedia(models.Model):
    """Who fixes local problems: the secretariat, a network provider, a vendor or Diskominfo."""

    nama = models.CharField(max_length=150)
    jenis = models.CharField(max_length=12, choices=JenisPenyedia.choices)
    kontak = models.CharField("nama kontak", max_length=120, blank=True)
    telepon = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    alamat = models.CharField(max_length=250, blank=True)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["jenis", "nama"]
        verbose_name = "penyedia / penanggung jawab jaringan"
        verbose_name_plural = "penyedia / penanggung jawab jaringan"

    def __str__(self) -> str:
        return f"{self.nama} ({self.get_jenis_display()})"


class LayananTerdampak(models.TextChoices):
    SIAK = "siak", "Aplikasi SIAK"
    REKAM = "rekam", "Perekaman KTP-el (biometrik)"
    CETAK = "cetak", "Pencetakan KTP-el / dokumen"
    TTE = "tte", "Tanda tangan elektronik (TTE)"
    JARINGAN = "jaringan", "Jaringan / internet"
    PORTAL = "portal", "Portal layanan"
    LAINNYA = "lainnya", "Lainnya"


class Lingkup(models.TextChoices):
    LOKAL = "lokal", "Lokal (jaringan dan sistem Dinas)"
    PUSAT = "pusat", "Pusat (kewenangan Ditjen Dukcapil)"


class StatusInsiden(models.TextChoices):
    DILAPORKAN = "dilaporkan", "Dilaporkan"
    DITANGANI_LOKAL = "ditangani_lokal", "Ditangani (lokal)"
    DITANGANI_PUSAT = "ditangani_pusat", "Dilaporkan ke Ditjen Dukcapil"
    DIPERIKSA = "diperiksa", "Pemeriksaan internal"
    MENUNGGU_KONFIRMASI = "menunggu_konfirmasi", "Menunggu konfirmasi pelapor"
    SELESAI = "selesai", "Selesai"


S = StatusInsiden


class Insiden(Proses):
    """P.6.1 — one problem in the network or systems reported by a SIAK user."""

    KODE_PROSES = ("P.6.1",)
    STATUS_AKHIR = frozenset({S.SELESAI})

    status = FSMField(choices=S.choices, default=S.DILAPORKAN, protected=True)
    layanan = models.CharField("layanan terdampak", max_length=10, choices=LayananTerdampak.choices)
    gejala = models.TextField("apa yang terjadi", max_length=4000)
    sejak = models.DateTimeField("terjadi sejak")
    mengganggu_layanan = models.BooleanField(
        "layanan terhenti", default=True, help_text="Tampil sebagai pengumuman di layar front office sampai pulih.")
    lingkup = models.CharField(max_length=6, choices=Lingkup.choices, blank=True)
    penyedia = models.ForeignKey(Penyedia, null=True, blank=True, on_delete=models.PROTECT, related_name="insiden")
    tindakan_penyedia = models.TextField("tindakan penyedia", blank=True)
    nomor_tiket_pusat = models.CharField("nomor tiket / surat ke Ditjen", max_length=80, blank=True)
    jawaban_pusat = models.TextField("jawaban Ditjen Dukcapil", blank=True)
    aset_pengganti = models.ForeignKey("umum.Aset", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name="perangkat pengganti")
    diserahkan_kepada = models.CharField("diserahkan kepada", max_length=150, blank=True)
    diserahkan_pada = models.DateTimeField(null=True, blank=True)
    dipulihkan_pada = models.DateTimeField("dinyatakan pulih", null=True, blank=True)
    dikonfirmasi_pada = models.DateTimeField("dikonfirmasi pelapor", null=True, blank=True)

    class Meta:
        verbose_name = "insiden jaringan dan sistem"
        verbose_name_plural = "insiden jaringan dan sistem"
        ordering = ["-dibuat_pada"]
        indexes = [models.Index(fields=["mengganggu_layanan", "status"])]

    @property
    def ringkasan(self) -> str:
        return f"{self.get_layanan_display()}: {' '.join(self.gejala.split())[:90]}"

    def pemohon_indeks(self) -> tuple[str, str]:
        pelapor = self.dibuat_oleh
        return "", (pelapor.get_full_name() or pelapor.username) if pelapor else ""

    # States in which the service is still down for the front office (the banner).
    STATUS_TERBUKA = (S.DILAPORKAN, S.DITANGANI_LOKAL, S.DITANGANI_PUSAT, S.DIPERIKSA)

    @property
    def waktu_penyelesaian(self):
        """Time to resolve: from the report to the internal check that the system works again."""
        if not self.dipulihkan_pada:
            return None
        return self.dipulihkan_pada - self.dibuat_pada

    @classmethod
    def untuk_pengguna(cls, user):
        """PIAK reads every incident; any other staff only those it reported."""
        milik = peran_pengguna(user)
        if milik & set(PERAN_PIAK):
            return cls._default_manager.all()
        if milik & set(PERAN_PELAPOR) and getattr(user, "pk", None):
            return cls._default_manager.filter(dibuat_oleh_id=user.pk)
        return cls._default_manager.none()

    # -- transitions -----------------------------------------------------------------------
    @transition(field=status, source=S.DILAPORKAN, target=S.DITANGANI_LOKAL, permission=peran("pejabat_piak"),
                custom={"label": "Lokal: teruskan ke penyedia", "form": "apps.piak.forms_insiden.KlasifikasiLokalForm"})
    def klasifikasi_lokal(self, oleh=None, data=None):
        self.lingkup = Lingkup.LOKAL

    @transition(field=status, source=S.DILAPORKAN, target=S.DITANGANI_PUSAT, permission=peran("pejabat_piak"),
                custom={"label": "Pusat: laporkan ke Ditjen Dukcapil", "form": "apps.piak.forms_insiden.KlasifikasiPusatForm"})
    def klasifikasi_pusat(self, oleh=None, data=None):
        self.lingkup = Lingkup.PUSAT

    @transition(field=status, source=S.DITANGANI_LOKAL, target=S.DITANGANI_LOKAL, permission=peran("pejabat_piak"),
                custom={"label": "Serahkan perangkat pengganti", "form": "apps.piak.forms_insiden.SerahPerangkatForm",
                        "gaya": "secondary"})
    def serahkan_perangkat(self, oleh=None, data=None):
        self.diserahkan_pada = timezone.now()

    @transition(field=status, source=S.DITANGANI_LOKAL, target=S.DIPERIKSA, permission=peran("pejabat_piak"),
                custom={"label": "Catat tindakan penyedia", "form": "apps.piak.forms_insiden.TindakanPenyediaForm"})
    def catat_tindakan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DITANGANI_PUSAT, target=S.DIPERIKSA, permission=peran("pejabat_piak"),
                custom={"label": "Catat jawaban Ditjen", "form": "apps.piak.forms_insiden.JawabanPusatForm"})
    def catat_jawaban_pusat(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.DIPERIKSA, target=S.MENUNGGU_KONFIRMASI, permission=peran("pejabat_piak"),
                custom={"label": "Sistem sudah berjalan normal", "layanan": "apps.piak.services.insiden.aksi_pulih",
                        "gaya": "success"})
    def pulih(self, oleh=None, data=None):
        self.dipulihkan_pada = timezone.now()

    @transition(field=status, source=S.DIPERIKSA, target=S.DILAPORKAN, permission=peran("pejabat_piak"),
                custom={"label": "Belum pulih", "wajib_catatan": True, "gaya": "danger"})
    def belum_pulih(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.MENUNGGU_KONFIRMASI, target=S.SELESAI,
                permission=peran(*PERAN_PELAPOR, syarat=_pelapor),
                custom={"label": "Konfirmasi: sistem berjalan", "gaya": "success"})
    def konfirmasi(self, oleh=None, data=None):
        self.dikonfirmasi_pada = timezone.now()

    @transition(field=status, source=S.MENUNGGU_KONFIRMASI, target=S.DILAPORKAN,
                permission=peran(*PERAN_PELAPOR, syarat=_pelapor),
                custom={"label": "Masih bermasalah", "wajib_catatan": True, "gaya": "danger"})
    def masih_bermasalah(self, oleh=None, data=None):
        self.dipulihkan_pada = None


def _banner_kedaluwarsa(sender, instance, **kwargs) -> None:
    """Any change of an incident may change the front office's banner (apps.piak.services.insiden)."""
    from django.db import transaction

    from apps.piak.services.insiden import lupakan_banner

    # Now (this process reads its own change) and after the commit (another request may have
    # cached the old list in between).
    lupakan_banner()
    transaction.on_commit(lupakan_banner)


models.signals.post_save.connect(_banner_kedaluwarsa, sender=Insiden, dispatch_uid="piak_insiden_banner")
