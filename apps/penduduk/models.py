"""The population register: regions of Kota Pasuruan, families (No. KK) and residents (NIK).

SIAK Terpusat is the national record of truth; this register is the Dinas' local copy for
look-ups at intake, checks (P.4.3), updates the portal's own processes make (P.4.5, P.5.1, P.6.3)
and statistics (P.7.2). It is sized for millions of rows: every look-up is by an indexed column.
"""

from django.db import models

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
    alamat = models.CharField(max_length=200)
    rt = models.CharField("RT", max_length=3)
    rw = models.CharField("RW", max_length=3)
    kelurahan = models.ForeignKey(Wilayah, on_delete=models.PROTECT, related_name="+", limit_choices_to={"tingkat": "kelurahan"})
    status_hidup = models.CharField(max_length=10, choices=StatusHidup.choices, default=StatusHidup.HIDUP)
    tanggal_meninggal = models.DateField(null=True, blank=True)
    diperbarui_pada = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["nik"]
        verbose_name = "penduduk"
        verbose_name_plural = "penduduk"
        indexes = [models.Index(fields=["kelurahan", "jenis_kelamin"]), models.Index(fields=["tanggal_lahir"])]

    def __str__(self) -> str:
        return f"{self.nama} ({self.nik})"
