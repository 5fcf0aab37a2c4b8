"""P.7.1 Fasilitasi akses data: the data-access agreement (PKS) and, for an institution outside the
Walikota's authority, its KSB first.

External bodies (Bagian Pemerintahan, the Walikota, Ditjen Dukcapil, the institution) do not log
in: the admin PIAK records each answer with its letter attached. The record itself is the agreement
register: parties, legal basis, data elements and access rights, purpose, validity, status.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran


class JenisLembaga(models.TextChoices):
    BAWAH_WALIKOTA = "bawah_walikota", "Di bawah kewenangan Wali Kota Pasuruan"
    LUAR_WALIKOTA = "luar_walikota", "Di luar kewenangan Wali Kota Pasuruan"


class HakAkses(models.TextChoices):
    VERIFIKASI_NIK = "verifikasi_nik", "Verifikasi NIK (cocok/tidak cocok)"
    ELEMEN_TERPILIH = "elemen_terpilih", "Akses elemen data terpilih"
    DATA_BALIKAN = "data_balikan", "Pengembalian data balikan"
    WAJAH = "face_recognition", "Verifikasi biometrik wajah"


class ElemenData(models.TextChoices):
    NIK = "nik", "NIK"
    NO_KK = "no_kk", "No. KK"
    NAMA = "nama", "Nama lengkap"
    TEMPAT_TANGGAL_LAHIR = "ttl", "Tempat dan tanggal lahir"
    JENIS_KELAMIN = "jenis_kelamin", "Jenis kelamin"
    ALAMAT = "alamat", "Alamat"
    AGAMA = "agama", "Agama"
    STATUS_PERKAWINAN = "status_perkawinan", "Status perkawinan"
    PEKERJAAN = "pekerjaan", "Pekerjaan"
    PENDIDIKAN = "pendidikan", "Pendidikan"
    NAMA_IBU = "nama_ibu", "Nama ibu kandung"


class StatusPerjanjian(models.TextChoices):
    DIAJUKAN = "diajukan", "Permohonan diterima"
    VERIFIKASI_BAGPEM = "verifikasi_bagpem", "Verifikasi Bagian Pemerintahan"
    KE_WALIKOTA = "ke_walikota", "Draf KSB dan PKS di Wali Kota"
    PENGESAHAN_KSB = "pengesahan_ksb", "Pengesahan KSB"
    KE_DITJEN = "ke_ditjen", "Draf PKS di Ditjen Dukcapil"
    PENYESUAIAN = "penyesuaian", "Penyesuaian PKS"
    PENANDATANGANAN = "penandatanganan", "Penandatanganan"
    BERLAKU = "berlaku", "Berlaku"
    DITOLAK = "ditolak", "Ditolak"


S = StatusPerjanjian
DASAR_HUKUM_BAWAAN = (
    "Permendagri Nomor 102 Tahun 2019 tentang Pemberian Hak Akses dan Pemanfaatan Data Kependudukan"
)
# Days before the end date at which admin PIAK and the kabid are warned (home page and email).
AMBANG_PERINGATAN = (90, 30, 7)


def _bawah_walikota(self) -> bool:
    return self.jenis_lembaga == JenisLembaga.BAWAH_WALIKOTA


def _luar_walikota(self) -> bool:
    return self.jenis_lembaga == JenisLembaga.LUAR_WALIKOTA


def _mitra_belum_ttd(self) -> bool:
    return self.ttd_mitra_pada is None


def _dinas_belum_ttd(self) -> bool:
    return self.ttd_dinas_pada is None


def _kedua_pihak_ttd(self) -> bool:
    return self.ttd_mitra_pada is not None and self.ttd_dinas_pada is not None


_SEMUA_BERJALAN = [S.DIAJUKAN, S.VERIFIKASI_BAGPEM, S.KE_WALIKOTA, S.PENGESAHAN_KSB, S.KE_DITJEN, S.PENYESUAIAN,
                   S.PENANDATANGANAN]


class PerjanjianQuerySet(models.QuerySet):
    def aktif(self, pada=None):
        """In force on ``pada`` (today): signed, started, not past its end date."""
        pada = pada or timezone.localdate()
        return self.filter(status=S.BERLAKU, tanggal_mulai__lte=pada, tanggal_berakhir__gte=pada)

    def kedaluwarsa(self, pada=None):
        pada = pada or timezone.localdate()
        return self.filter(status=S.BERLAKU, tanggal_berakhir__lt=pada)


class PerjanjianData(Proses):
    KODE_PROSES = ("P.7.1",)
    STATUS_AKHIR = frozenset({S.BERLAKU, S.DITOLAK})
    PERAN_LIHAT = ("kabid", "kadis")

    status = FSMField(choices=S.choices, default=S.DIAJUKAN, protected=True)

    # -- the parties --------------------------------------------------------------------------
    nama_lembaga = models.CharField("nama lembaga", max_length=200)
    jenis_lembaga = models.CharField("jenis lembaga", max_length=20, choices=JenisLembaga.choices)
    # Contact details stay internal (never on the public list).
    alamat_lembaga = models.CharField("alamat lembaga", max_length=250, blank=True)
    kontak_lembaga = models.CharField("narahubung lembaga", max_length=200, blank=True,
                                      help_text="Nama, telepon atau email narahubung (tidak ditampilkan ke publik).")
    pihak_dinas = models.CharField(
        "pihak Dinas", max_length=200, default="Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan"
    )
    # -- what is agreed -----------------------------------------------------------------------
    dasar_hukum = models.CharField("dasar hukum", max_length=300, default=DASAR_HUKUM_BAWAAN)
    elemen_data = models.JSONField("elemen data", default=list, blank=True)
    hak_akses = models.JSONField("hak akses", default=list, blank=True)
    tujuan = models.TextField("tujuan pemanfaatan")
    tanggal_mulai = models.DateField("berlaku mulai", null=True, blank=True)
    tanggal_berakhir = models.DateField("berlaku sampai", null=True, blank=True, db_index=True)
    nomor_pks = models.CharField("nomor PKS", max_length=100, blank=True)
    # -- the KSB branch -----------------------------------------------------------------------
    ada_ksb = models.BooleanField("KSB sudah ada", null=True, blank=True)
    nomor_ksb = models.CharField("nomor KSB", max_length=100, blank=True)
    disposisi_walikota = models.TextField("disposisi Wali Kota", blank=True)
    tanggal_ksb = models.DateField("tanggal pengesahan KSB", null=True, blank=True)
    persetujuan_ditjen = models.TextField("persetujuan dan arahan Ditjen Dukcapil", blank=True)
    nomor_surat_ditjen = models.CharField("nomor surat Ditjen Dukcapil", max_length=100, blank=True)
    # -- signatures and handover --------------------------------------------------------------
    penandatangan_mitra = models.CharField("penandatangan pihak lembaga", max_length=150, blank=True)
    ttd_mitra_pada = models.DateField("ditandatangani lembaga pada", null=True, blank=True)
    penandatangan_dinas = models.CharField("penandatangan pihak Dinas", max_length=150, blank=True)
    ttd_dinas_pada = models.DateField("ditandatangani Dinas pada", null=True, blank=True)
    dinas_dengan_tte = models.BooleanField("Dinas menandatangani dengan TTE", default=False)
    dokumen_diserahkan_pada = models.DateField("dokumen diserahkan pada", null=True, blank=True)
    # Set by the daily task once the end date has passed (listed on the register page).
    kedaluwarsa_sejak = models.DateField("kedaluwarsa sejak", null=True, blank=True, editable=False)

    objects = PerjanjianQuerySet.as_manager()

    class Meta:
        verbose_name = "perjanjian pemanfaatan data"
        verbose_name_plural = "perjanjian pemanfaatan data"
        ordering = ["-dibuat_pada"]

    @property
    def ringkasan(self) -> str:
        return f"PKS pemanfaatan data — {self.nama_lembaga}"

    @property
    def elemen_label(self) -> list[str]:
        label = dict(ElemenData.choices)
        return [label.get(k, k) for k in self.elemen_data]

    @property
    def hak_akses_label(self) -> list[str]:
        label = dict(HakAkses.choices)
        return [label.get(k, k) for k in self.hak_akses]

    def sisa_hari(self, pada=None) -> int | None:
        if self.tanggal_berakhir is None:
            return None
        return (self.tanggal_berakhir - (pada or timezone.localdate())).days

    @property
    def kedaluwarsa(self) -> bool:
        sisa = self.sisa_hari()
        return self.status == S.BERLAKU and sisa is not None and sisa < 0

    # -- the branch under the Walikota: straight to adjusting the PKS ---------------------------
    @transition(field=status, source=S.DIAJUKAN, target=S.PENYESUAIAN, permission=peran("admin_piak"),
                conditions=[_bawah_walikota], custom={"label": "Proses PKS (lembaga di bawah Wali Kota)"})
    def proses_pks(self, oleh=None, data=None):
        pass

    # -- the branch outside it: Bagian Pemerintahan checks the draft PKS and the KSB --------------
    @transition(field=status, source=S.DIAJUKAN, target=S.VERIFIKASI_BAGPEM, permission=peran("admin_piak"),
                conditions=[_luar_walikota], custom={"label": "Teruskan ke Bagian Pemerintahan"})
    def teruskan_bagpem(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.VERIFIKASI_BAGPEM, target=S.KE_WALIKOTA, permission=peran("admin_piak"),
                custom={"label": "Catat hasil: KSB belum ada (draf KSB ke Wali Kota)",
                        "form": "apps.pemanfaatan.forms.HasilBagpemForm"})
    def ksb_belum_ada(self, oleh=None, data=None):
        self.ada_ksb = False

    @transition(field=status, source=S.VERIFIKASI_BAGPEM, target=S.KE_DITJEN, permission=peran("admin_piak"),
                custom={"label": "Catat hasil: KSB sudah ada (draf PKS ke Ditjen)",
                        "form": "apps.pemanfaatan.forms.KsbAdaForm"})
    def ksb_sudah_ada(self, oleh=None, data=None):
        self.ada_ksb = True

    @transition(field=status, source=S.KE_WALIKOTA, target=S.PENGESAHAN_KSB, permission=peran("admin_piak"),
                custom={"label": "Catat disposisi Wali Kota", "form": "apps.pemanfaatan.forms.DisposisiWalikotaForm"})
    def catat_disposisi_walikota(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.PENGESAHAN_KSB, target=S.KE_DITJEN, permission=peran("admin_piak"),
                custom={"label": "Catat KSB disahkan (draf PKS ke Ditjen)", "form": "apps.pemanfaatan.forms.KsbSahForm"})
    def catat_ksb_disahkan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.KE_DITJEN, target=S.PENYESUAIAN, permission=peran("admin_piak"),
                custom={"label": "Catat persetujuan Ditjen Dukcapil", "form": "apps.pemanfaatan.forms.PersetujuanDitjenForm"})
    def catat_persetujuan_ditjen(self, oleh=None, data=None):
        pass

    # -- both branches ------------------------------------------------------------------------
    @transition(field=status, source=S.PENYESUAIAN, target=S.PENANDATANGANAN, permission=peran("admin_piak"),
                custom={"label": "PKS disesuaikan: siap ditandatangani", "form": "apps.pemanfaatan.forms.PenyesuaianPksForm"})
    def sesuaikan_pks(self, oleh=None, data=None):
        pass

    @transition(field=status, source=S.PENANDATANGANAN, target=S.PENANDATANGANAN, permission=peran("admin_piak"),
                conditions=[_mitra_belum_ttd],
                custom={"label": "Catat tanda tangan lembaga", "form": "apps.pemanfaatan.forms.TtdMitraForm"})
    def ttd_mitra(self, oleh=None, data=None):
        self.penandatangan_mitra = data["penandatangan"]
        self.ttd_mitra_pada = data["tanggal"]

    @transition(field=status, source=S.PENANDATANGANAN, target=S.PENANDATANGANAN, permission=peran("kadis"),
                conditions=[_dinas_belum_ttd],
                custom={"label": "Tandatangani PKS (TTE)", "form": "apps.dokumen.forms.TTEForm",
                        "layanan": "apps.dokumen.services.aksi_tandatangani"})
    def ttd_dinas_tte(self, oleh=None, data=None):
        self.ttd_dinas_pada = timezone.localdate()
        self.dinas_dengan_tte = True
        pejabat = getattr(oleh, "pejabat", None) if oleh else None
        self.penandatangan_dinas = pejabat.nama if pejabat else (oleh.get_full_name() or oleh.username)

    @transition(field=status, source=S.PENANDATANGANAN, target=S.PENANDATANGANAN, permission=peran("admin_piak"),
                conditions=[_dinas_belum_ttd],
                custom={"label": "Catat tanda tangan basah Dinas", "form": "apps.pemanfaatan.forms.TtdDinasForm"})
    def ttd_dinas_basah(self, oleh=None, data=None):
        self.penandatangan_dinas = data["penandatangan"]
        self.ttd_dinas_pada = data["tanggal"]
        self.dinas_dengan_tte = False

    @transition(field=status, source=S.PENANDATANGANAN, target=S.BERLAKU, permission=peran("admin_piak"),
                conditions=[_kedua_pihak_ttd],
                custom={"label": "Serahkan dokumen ke masing-masing pihak", "gaya": "success",
                        "form": "apps.pemanfaatan.forms.PenyerahanForm"})
    def serahkan_dokumen(self, oleh=None, data=None):
        pass

    @transition(field=status, source=_SEMUA_BERJALAN, target=S.DITOLAK, permission=peran("admin_piak"),
                custom={"label": "Catat penolakan / pembatalan", "wajib_catatan": True, "gaya": "danger"})
    def tolak(self, oleh=None, data=None):
        pass

    # -- the document signed with TTE (kontrak-dokumen.md) ---------------------------------------
    JENIS_DOKUMEN_TTE = "pks_pemanfaatan_data"

    def pemilik_dokumen(self) -> tuple[str, str]:
        return (self.nama_lembaga, "")

    def data_dokumen(self, jenis: str) -> dict:
        return {"perjanjian": self, "elemen": self.elemen_label, "hak": self.hak_akses_label,
                "nama": self.nama_lembaga, "nik": ""}


class PeringatanKedaluwarsa(models.Model):
    """One expiry warning of one agreement at one threshold (90, 30 or 7 days): the unique row is
    what makes the warning go out exactly once, whatever the number of task runs or workers."""

    perjanjian = models.ForeignKey(PerjanjianData, on_delete=models.CASCADE, related_name="peringatan")
    ambang_hari = models.PositiveSmallIntegerField("ambang (hari)")
    tanggal_berakhir = models.DateField("berlaku sampai")
    dibuat_pada = models.DateTimeField(default=timezone.now)
    email_terkirim_pada = models.DateTimeField(null=True, blank=True)
    penerima = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-dibuat_pada"]
        verbose_name = "peringatan kedaluwarsa perjanjian"
        verbose_name_plural = "peringatan kedaluwarsa perjanjian"
        constraints = [
            models.UniqueConstraint(fields=["perjanjian", "ambang_hari", "tanggal_berakhir"],
                                    name="peringatan_sekali_per_ambang"),
        ]

    def __str__(self) -> str:
        return f"{self.perjanjian.nama_lembaga}: H-{self.ambang_hari}"


def ambang_berlaku(sisa_hari: int) -> int | None:
    """The smallest threshold the remaining days have reached (H-7 before H-30 before H-90)."""
    for ambang in sorted(AMBANG_PERINGATAN):
        if 0 <= sisa_hari <= ambang:
            return ambang
    return None


def batas_peringatan(pada=None):
    return (pada or timezone.localdate()) + timedelta(days=max(AMBANG_PERINGATAN))


