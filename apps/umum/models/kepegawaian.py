"""P.1.3.1 Kenaikan pangkat, cuti, pensiun — an employee's request to BKD, through the tata usaha.

The map: the employee submits; the tata usaha checks the file and submits it to BKD; BKD (which
does not log in) answers and the tata usaha records its answer with BKD's letter: incomplete → back
to the employee to complete; complete → the SK is recorded and handed to the employee, who
downloads it from the request's page::

    diajukan --ajukan_bkd (tata_usaha)--> di_bkd
    diajukan --kembalikan (tata_usaha, with a reason)--> perlu_dilengkapi
    di_bkd --bkd_tidak_lengkap (tata_usaha, BKD's letter)--> perlu_dilengkapi
    perlu_dilengkapi --lengkapi (the employee)--> diajukan
    di_bkd --catat_sk (tata_usaha, the SK)--> selesai
    diajukan, perlu_dilengkapi --batalkan (the employee)--> dibatalkan

An employee sees only their own requests (staff data follows the least-privilege rule of residents'
data); the tata usaha handles them all. The cuti tahunan balance: ``saldo_cuti_tahunan``, from the
employee's start of service (``DataPegawai.tmt_cpns``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django_fsm import FSMField, transition

from apps.core.models import Proses
from apps.core.peran import peran, peran_pengguna

# PP 11/2017 Pasal 310-313 (as amended by PP 17/2020) and Peraturan BKN 24/2017: 12 working days
# of cuti tahunan a year, from one year of continuous service; what is left of last year may be
# taken this year up to 18 days in all (6 carried), and a right unused two years or more in a row
# up to 24 days in all (12 carried).
JATAH_CUTI_TAHUNAN = 12
SISA_DIBAWA_MAKS = 6
HAK_MAKS_DUA_TAHUN = 24


class JenisUsulan(models.TextChoices):
    KENAIKAN_PANGKAT = "kenaikan_pangkat", "Kenaikan pangkat"
    CUTI = "cuti", "Cuti"
    PENSIUN = "pensiun", "Pensiun"


class JenisCuti(models.TextChoices):
    # PP 11/2017 Pasal 309.
    TAHUNAN = "tahunan", "Cuti tahunan"
    BESAR = "besar", "Cuti besar"
    SAKIT = "sakit", "Cuti sakit"
    MELAHIRKAN = "melahirkan", "Cuti melahirkan"
    ALASAN_PENTING = "alasan_penting", "Cuti karena alasan penting"
    BERSAMA = "bersama", "Cuti bersama"
    LUAR_TANGGUNGAN = "luar_tanggungan", "Cuti di luar tanggungan negara"


class StatusUsulan(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan, diperiksa tata usaha"
    PERLU_DILENGKAPI = "perlu_dilengkapi", "Perlu dilengkapi pegawai"
    DI_BKD = "di_bkd", "Diajukan ke BKD"
    SELESAI = "selesai", "SK diterbitkan"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


# Requests that hold leave days: everything not cancelled (a pending request reserves its days).
STATUS_MEMAKAI_CUTI = (StatusUsulan.DIAJUKAN, StatusUsulan.PERLU_DILENGKAPI, StatusUsulan.DI_BKD, StatusUsulan.SELESAI)


def _milik_sendiri(usulan: UsulanKepegawaian, user) -> bool:
    return usulan.pegawai_id == user.pk


class UsulanKepegawaian(Proses):
    """P.1.3.1 — one request of an employee: kenaikan pangkat, cuti or pensiun."""

    KODE_PROSES = ("P.1.3.1",)
    STATUS_AKHIR = frozenset({StatusUsulan.SELESAI, StatusUsulan.DIBATALKAN})

    status = FSMField(choices=StatusUsulan.choices, default=StatusUsulan.DIAJUKAN, protected=True)
    pegawai = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="usulan_kepegawaian")
    jenis = models.CharField(max_length=20, choices=JenisUsulan.choices)
    keterangan = models.TextField(blank=True, help_text="Alasan atau keterangan usulan.")
    # kenaikan pangkat
    pangkat_sekarang = models.CharField("pangkat/golongan sekarang", max_length=60, blank=True)
    pangkat_usulan = models.CharField("pangkat/golongan yang diusulkan", max_length=60, blank=True)
    # cuti
    jenis_cuti = models.CharField("jenis cuti", max_length=20, choices=JenisCuti.choices, blank=True)
    tanggal_mulai = models.DateField("mulai", null=True, blank=True)
    tanggal_selesai = models.DateField("sampai", null=True, blank=True)
    lama_hari = models.PositiveSmallIntegerField("lama (hari kerja)", null=True, blank=True, editable=False)
    alamat_selama_cuti = models.CharField("alamat selama cuti", max_length=300, blank=True)
    # pensiun
    tmt_pensiun = models.DateField("TMT pensiun", null=True, blank=True)
    # BKD's answer
    nomor_sk = models.CharField("nomor SK", max_length=100, blank=True)
    tanggal_sk = models.DateField("tanggal SK", null=True, blank=True)

    class Meta:
        verbose_name = "usulan kepegawaian"
        verbose_name_plural = "usulan kepegawaian"
        indexes = [models.Index(fields=["pegawai", "jenis", "status"], name="usulan_pegawai")]

    def __str__(self) -> str:
        return f"Usulan {self.get_jenis_display().lower()} {self.kode_lacak}"

    @property
    def nama_pegawai(self) -> str:
        return self.pegawai.get_full_name() or self.pegawai.username

    @property
    def rincian(self) -> str:
        if self.jenis == JenisUsulan.CUTI and self.tanggal_mulai:
            return (f"{self.get_jenis_cuti_display()} {self.tanggal_mulai:%d-%m-%Y} s.d. "
                    f"{self.tanggal_selesai:%d-%m-%Y} ({self.lama_hari} hari kerja)")
        if self.jenis == JenisUsulan.KENAIKAN_PANGKAT:
            return f"{self.pangkat_sekarang} → {self.pangkat_usulan}"
        if self.jenis == JenisUsulan.PENSIUN and self.tmt_pensiun:
            return f"TMT {self.tmt_pensiun:%d-%m-%Y}"
        return ""

    @property
    def ringkasan(self) -> str:
        return f"{self.get_jenis_display()} · {self.nama_pegawai} · {self.rincian}"

    @classmethod
    def untuk_pengguna(cls, user) -> models.QuerySet:
        """The tata usaha handles every request; an employee sees only their own."""
        semua = cls._default_manager.all()
        if "tata_usaha" in peran_pengguna(user):
            return semua
        if not user.is_authenticated:
            return semua.none()
        return semua.filter(pegawai_id=user.pk)

    # -- transitions ------------------------------------------------------------------------------
    @transition(field=status, source=StatusUsulan.DIAJUKAN, target=StatusUsulan.DI_BKD,
                permission=peran("tata_usaha"), custom={"label": "Ajukan ke BKD", "gaya": "success"})
    def ajukan_bkd(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusUsulan.DIAJUKAN, target=StatusUsulan.PERLU_DILENGKAPI,
                permission=peran("tata_usaha"),
                custom={"label": "Kembalikan ke pegawai", "wajib_catatan": True, "gaya": "danger"})
    def kembalikan(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusUsulan.DI_BKD, target=StatusUsulan.PERLU_DILENGKAPI,
                permission=peran("tata_usaha"),
                custom={"label": "Catat jawaban BKD: belum lengkap", "form": "apps.umum.forms_pegawai.JawabanBKDForm",
                        "wajib_catatan": True, "gaya": "danger"})
    def bkd_tidak_lengkap(self, oleh=None, data=None):
        pass

    @transition(field=status, source=StatusUsulan.DI_BKD, target=StatusUsulan.SELESAI,
                permission=peran("tata_usaha"),
                custom={"label": "Catat SK dari BKD", "form": "apps.umum.forms_pegawai.CatatSKForm", "gaya": "success"})
    def catat_sk(self, oleh=None, data=None):
        """The SK's number and date come from the form; its scan is kept for the employee."""

    @transition(field=status, source=StatusUsulan.PERLU_DILENGKAPI, target=StatusUsulan.DIAJUKAN,
                permission=peran("pegawai", syarat=_milik_sendiri),
                custom={"label": "Lengkapi dan ajukan lagi", "form": "apps.umum.forms_pegawai.LengkapiUsulanForm",
                        "layanan": "apps.umum.services_pegawai.aksi_lengkapi"})
    def lengkapi(self, oleh=None, data=None):
        pass

    @transition(field=status, source=[StatusUsulan.DIAJUKAN, StatusUsulan.PERLU_DILENGKAPI],
                target=StatusUsulan.DIBATALKAN, permission=peran("pegawai", syarat=_milik_sendiri),
                custom={"label": "Batalkan usulan", "gaya": "danger"})
    def batalkan(self, oleh=None, data=None):
        pass


class DataPegawai(models.Model):
    """What the leave rules need of an employee's service record, kept by the tata usaha."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_pegawai",
                                verbose_name="akun pegawai")
    nip = models.CharField("NIP", max_length=18, blank=True)
    tmt_cpns = models.DateField("TMT CPNS (mulai bekerja)", help_text="Hak cuti tahunan timbul setelah 1 tahun bekerja.")

    class Meta:
        verbose_name = "data pegawai"
        verbose_name_plural = "data pegawai"

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} (TMT {self.tmt_cpns:%d-%m-%Y})"


def genap_setahun(tmt: date) -> date:
    """The day one year of service is complete (29 February counts from 1 March)."""
    try:
        return tmt.replace(year=tmt.year + 1)
    except ValueError:
        return tmt.replace(year=tmt.year + 1, month=3, day=1)


def tmt_pegawai(pegawai) -> date | None:
    data = DataPegawai.objects.filter(user_id=getattr(pegawai, "pk", pegawai)).values_list("tmt_cpns", flat=True)
    return data.first()


@dataclass(frozen=True)
class SaldoCuti:
    """An employee's cuti tahunan for one year, as PP 11/2017 counts it (in working days)."""

    tahun: int
    jatah: int  # 12 a year; 0 before one year of service
    sisa_tahun_lalu: int  # carried over: at most 6, or 12 after two unused years
    terpakai: int  # taken or requested this year (a request not cancelled holds its days)
    berhak_mulai: date | None = None  # set when the employee has no right yet (first year of service)

    @property
    def belum_berhak(self) -> bool:
        return self.berhak_mulai is not None

    @property
    def hak(self) -> int:
        return self.jatah + self.sisa_tahun_lalu

    @property
    def sisa(self) -> int:
        return max(self.hak - self.terpakai, 0)


def _cuti_tahunan_terpakai(pegawai, tahun: int, *, kecuali=None) -> int:
    qs = UsulanKepegawaian.objects.filter(
        pegawai=pegawai, jenis=JenisUsulan.CUTI, jenis_cuti=JenisCuti.TAHUNAN, status__in=STATUS_MEMAKAI_CUTI,
        tanggal_mulai__year=tahun,
    )
    if kecuali is not None and kecuali.pk:
        qs = qs.exclude(pk=kecuali.pk)
    return qs.aggregate(n=Sum("lama_hari"))["n"] or 0


def saldo_cuti_tahunan(pegawai, tahun: int, *, kecuali=None, pada: date | None = None) -> SaldoCuti:
    """The balance of ``pegawai`` for ``tahun`` on the day ``pada`` (the leave's first day; by
    default today in the current year, else the year's last day), minus the days of this year's
    requests that are not cancelled (``kecuali``: the request being edited):

    - before one year of service (``DataPegawai.tmt_cpns``) there is no cuti tahunan;
    - 12 days, plus what was left of last year's 12, at most 6 (18 in all);
    - when the right of the two previous years went wholly unused, 12 carried (24 in all);
    - a year in which the employee had no right yet carries nothing.

    An employee without a service record is counted as having served long enough."""
    from django.utils import timezone

    hari_ini = timezone.localdate()
    pada = pada or (hari_ini if tahun == hari_ini.year else date(tahun, 12, 31))
    tmt = tmt_pegawai(pegawai)
    terpakai = _cuti_tahunan_terpakai(pegawai, tahun, kecuali=kecuali)
    if tmt is not None and pada < genap_setahun(tmt):
        return SaldoCuti(tahun=tahun, jatah=0, sisa_tahun_lalu=0, terpakai=terpakai, berhak_mulai=genap_setahun(tmt))

    def berhak(t: int) -> bool:
        return tmt is None or genap_setahun(tmt) <= date(t, 12, 31)

    lalu = _cuti_tahunan_terpakai(pegawai, tahun - 1, kecuali=kecuali)
    if not berhak(tahun - 1):
        sisa_lalu = 0
    elif lalu == 0 and berhak(tahun - 2) and _cuti_tahunan_terpakai(pegawai, tahun - 2, kecuali=kecuali) == 0:
        sisa_lalu = HAK_MAKS_DUA_TAHUN - JATAH_CUTI_TAHUNAN
    else:
        sisa_lalu = min(max(JATAH_CUTI_TAHUNAN - lalu, 0), SISA_DIBAWA_MAKS)
    return SaldoCuti(tahun=tahun, jatah=JATAH_CUTI_TAHUNAN, sisa_tahun_lalu=sisa_lalu, terpakai=terpakai)


def hari_kerja_antara(mulai: date, selesai: date) -> int:
    """Working days from ``mulai`` to ``selesai`` inclusive (weekends and the holiday table excluded)."""
    from apps.core.hari_kerja import _libur, hari_kerja

    libur = _libur(mulai, selesai)
    n, hari = 0, mulai
    while hari <= selesai:
        n += hari_kerja(hari, libur)
        hari += timedelta(days=1)
    return n

