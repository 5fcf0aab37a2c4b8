"""The population register: regions of Kota Pasuruan, families (No. KK) and residents (NIK).

SIAK Terpusat is the national record of truth; this register is the Dinas' local copy for
look-ups at intake, checks (P.4.3), updates the portal's own processes make (P.4.5, P.5.1, P.6.3)
and statistics (P.7.2). It is sized for millions of rows: every look-up is by an indexed column.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from .validators import validasi_nik, validasi_no_kk


class Wilayah(models.Model):
    """Kemendagri region codes (Kepmendagri 300.2.2-2138/2025): province to kelurahan."""

    class Tingkat(models.TextChoices):
        PROVINSI = "provinsi", "Provinsi"
        KOTA = "kota", "Kabupaten/Kota"
        KECAMATAN = "kecamatan", "Kecamatan"
        KELURAHAN = "kelurahan", "Kelurahan"

    kode = models.CharField(max_length=13, primary_key=True, help_text="Kode Kemendagri bertitik, mis. 35.75.01.1001")
    tingkat = models.CharField(max_length=10, choices=Tingkat.choices)
    nama = models.CharField(max_length=100)
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="anak")

    class Meta:
        ordering = ["kode"]
        verbose_name = "wilayah"
        verbose_name_plural = "wilayah"

    def __str__(self) -> str:
        return f"{self.nama} ({self.kode})"

    @property
    def kode_angka(self) -> str:
        """The code without dots, as it appears in a NIK or No. KK prefix (e.g. 357501)."""
        return self.kode.replace(".", "")


class Agama(models.TextChoices):
    ISLAM = "islam", "Islam"
    KRISTEN = "kristen", "Kristen"
    KATOLIK = "katolik", "Katolik"
    HINDU = "hindu", "Hindu"
    BUDDHA = "buddha", "Buddha"
    KHONGHUCU = "khonghucu", "Khonghucu"
    KEPERCAYAAN = "kepercayaan", "Kepercayaan terhadap Tuhan YME"


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"


class StatusPerkawinan(models.TextChoices):
    BELUM_KAWIN = "belum_kawin", "Belum kawin"
    KAWIN = "kawin", "Kawin"
    CERAI_HIDUP = "cerai_hidup", "Cerai hidup"
    CERAI_MATI = "cerai_mati", "Cerai mati"


class Hubungan(models.TextChoices):
    """Status hubungan dalam keluarga (SHDK) as printed on the KK."""

    KEPALA = "kepala", "Kepala keluarga"
    SUAMI = "suami", "Suami"
    ISTRI = "istri", "Istri"
    ANAK = "anak", "Anak"
    MENANTU = "menantu", "Menantu"
    CUCU = "cucu", "Cucu"
    ORANG_TUA = "orang_tua", "Orang tua"
    MERTUA = "mertua", "Mertua"
    FAMILI = "famili", "Famili lain"
    PEMBANTU = "pembantu", "Pembantu"
    LAINNYA = "lainnya", "Lainnya"


# The order members are listed in on the KK (SHDK order of the SIAK form F-1.01).
URUTAN_HUBUNGAN = {
    "kepala": 0, "suami": 1, "istri": 1, "anak": 2, "menantu": 3, "cucu": 4, "orang_tua": 5,
    "mertua": 6, "famili": 7, "pembantu": 8, "lainnya": 8,
}


class Pendidikan(models.TextChoices):
    """Pendidikan terakhir as SIAK records it (KK column "Pendidikan")."""

    TIDAK_SEKOLAH = "tidak_sekolah", "Tidak/belum sekolah"
    BELUM_TAMAT_SD = "belum_tamat_sd", "Belum tamat SD/sederajat"
    SD = "sd", "Tamat SD/sederajat"
    SLTP = "sltp", "SLTP/sederajat"
    SLTA = "slta", "SLTA/sederajat"
    D1_D2 = "d1_d2", "Diploma I/II"
    D3 = "d3", "Akademi/Diploma III/Sarjana Muda"
    S1 = "s1", "Diploma IV/Strata I"
    S2 = "s2", "Strata II"
    S3 = "s3", "Strata III"


class GolonganDarah(models.TextChoices):
    A = "A", "A"
    B = "B", "B"
    AB = "AB", "AB"
    O = "O", "O"  # noqa: E741 (the blood group)
    A_POS = "A+", "A+"
    A_NEG = "A-", "A-"
    B_POS = "B+", "B+"
    B_NEG = "B-", "B-"
    AB_POS = "AB+", "AB+"
    AB_NEG = "AB-", "AB-"
    O_POS = "O+", "O+"
    O_NEG = "O-", "O-"
    TIDAK_TAHU = "tidak_tahu", "Tidak tahu"


class Kewarganegaraan(models.TextChoices):
    WNI = "WNI", "WNI"
    WNA = "WNA", "WNA"


class Keluarga(models.Model):
    """A family card (Kartu Keluarga) with its address."""

    no_kk = models.CharField("No. KK", max_length=16, unique=True, validators=[validasi_no_kk])
    kepala = models.ForeignKey(
        "Penduduk", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="kepala keluarga"
    )
    alamat = models.CharField(max_length=200)
    rt = models.CharField("RT", max_length=3)
    rw = models.CharField("RW", max_length=3)
    kelurahan = models.ForeignKey(Wilayah, on_delete=models.PROTECT, related_name="+", limit_choices_to={"tingkat": "kelurahan"})
    kode_pos = models.CharField(max_length=5, blank=True)
    tanggal_terbit = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["no_kk"]
        verbose_name = "keluarga"
        verbose_name_plural = "keluarga"

    def __str__(self) -> str:
        return self.no_kk


class Penduduk(models.Model):
    """A resident identified by NIK (permanent, even when its embedded date is wrong)."""

    class StatusHidup(models.TextChoices):
        HIDUP = "hidup", "Hidup"
        MENINGGAL = "meninggal", "Meninggal"

    nik = models.CharField("NIK", max_length=16, unique=True, validators=[validasi_nik])
    nama = models.CharField("nama lengkap", max_length=120, db_index=True)
    tempat_lahir = models.CharField(max_length=80)
    tanggal_lahir = models.DateField()
    jenis_kelamin = models.CharField(max_length=1, choices=JenisKelamin.choices)
    agama = models.CharField(max_length=12, choices=Agama.choices)
    status_perkawinan = models.CharField(max_length=12, choices=StatusPerkawinan.choices)
    pekerjaan = models.CharField(max_length=80)
    kewarganegaraan = models.CharField(max_length=3, choices=Kewarganegaraan.choices, default=Kewarganegaraan.WNI)
    keluarga = models.ForeignKey(Keluarga, null=True, blank=True, on_delete=models.PROTECT, related_name="anggota")
    hubungan = models.CharField("hubungan dalam keluarga", max_length=12, choices=Hubungan.choices, blank=True)
    nama_ayah = models.CharField(max_length=120, blank=True)
    nama_ibu = models.CharField(max_length=120, blank=True)
    pendidikan = models.CharField(max_length=16, choices=Pendidikan.choices, blank=True)
    golongan_darah = models.CharField(max_length=10, choices=GolonganDarah.choices, default=GolonganDarah.TIDAK_TAHU)
    tanggal_perkawinan = models.DateField(null=True, blank=True, help_text="Tanggal perkawinan (atau perceraian) tercatat.")
    no_paspor = models.CharField("No. paspor", max_length=20, blank=True)
    no_kitap = models.CharField("No. KITAS/KITAP", max_length=20, blank=True)
    no_akta_kelahiran = models.CharField(
        "nomor akta kelahiran", max_length=40, blank=True,
        help_text="Disimpan sebagai teks: format lama dan baru diterima apa adanya.",
    )
    alamat = models.CharField(max_length=200)
    rt = models.CharField("RT", max_length=3)
    rw = models.CharField("RW", max_length=3)
    kelurahan = models.ForeignKey(Wilayah, on_delete=models.PROTECT, related_name="+", limit_choices_to={"tingkat": "kelurahan"})
    status_hidup = models.CharField(max_length=10, choices=StatusHidup.choices, default=StatusHidup.HIDUP)
    tanggal_meninggal = models.DateField(null=True, blank=True)
    # Moved out of Kota Pasuruan (SKPWNI issued here): kept for look-ups, off the KK.
    tanggal_pindah = models.DateField("tanggal pindah keluar", null=True, blank=True)
    diperbarui_pada = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["nik"]
        verbose_name = "penduduk"
        verbose_name_plural = "penduduk"
        indexes = [models.Index(fields=["kelurahan", "jenis_kelamin"]), models.Index(fields=["tanggal_lahir"])]

    def __str__(self) -> str:
        return f"{self.nama} ({self.nik})"

    @property
    def meninggal(self) -> bool:
        return self.status_hidup == self.StatusHidup.MENINGGAL

    @property
    def pindah_keluar(self) -> bool:
        return self.tanggal_pindah is not None

    @property
    def tercantum_di_kk(self) -> bool:
        """Listed on a new KK: alive and still living here."""
        return not self.meninggal and not self.pindah_keluar

    def umur_pada(self, tanggal) -> int:
        lahir = self.tanggal_lahir
        return tanggal.year - lahir.year - ((tanggal.month, tanggal.day) < (lahir.month, lahir.day))


class RiwayatRegister(models.Model):
    """One audited change of the register (``services.penduduk_ubah`` / ``keluarga_ubah``).

    ``perubahan`` is ``{field: {"sebelum": …, "sesudah": …}}`` as text; ``sebab`` is the request
    (any process record) whose step made the change, when there is one.
    """

    penduduk = models.ForeignKey(Penduduk, null=True, blank=True, on_delete=models.CASCADE, related_name="riwayat")
    keluarga = models.ForeignKey(Keluarga, null=True, blank=True, on_delete=models.CASCADE, related_name="riwayat")
    perubahan = models.JSONField(default=dict)
    sebab_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    sebab_id = models.PositiveBigIntegerField(null=True, blank=True)
    sebab = GenericForeignKey("sebab_type", "sebab_id")
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(default=timezone.now, db_index=True)
    alasan = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["waktu", "pk"]
        indexes = [models.Index(fields=["sebab_type", "sebab_id"])]
        verbose_name = "riwayat perubahan register"
        verbose_name_plural = "riwayat perubahan register"

    def __str__(self) -> str:
        siapa = self.penduduk or self.keluarga
        return f"{siapa}: {', '.join(self.perubahan)}"


class KonfirmasiPeringatan(models.Model):
    """An officer went on despite warnings at intake (NIK checks, register status): who, why,
    which warnings. Attached to any record; shown to the verifier (``selectors.konfirmasi_untuk``)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    objek = GenericForeignKey("content_type", "object_id")
    peringatan = models.JSONField(default=list)
    alasan = models.TextField()
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["waktu", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = "konfirmasi peringatan"
        verbose_name_plural = "konfirmasi peringatan"

    def __str__(self) -> str:
        return f"{self.oleh}: {self.alasan[:60]}"
