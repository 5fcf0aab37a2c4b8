"""Master data of P.4.1, kept by the administrator in Django admin.

- ``Layanan``: the 15 services (KTP-el, KK, KIA × warga baru, rusak, hilang, perubahan data,
  SKPWNI), the flow each follows, whether integrated partners may file it (P.4.1.3) and its
  service-level target in working days (counted against ``core.HariLibur``); with what the public
  catalogue shows as its standar pelayanan (Permenpan RB 15/2014): whether it may be filed online,
  the documents it issues and its legal basis. Every service is free (UU 24/2013 Pasal 79A).
- ``Persyaratan``: the requirements of a service (Perpres 96/2018, Permendagri 108/2019; no RT/RW
  cover letter); a requirement may hold only for some reasons of the request (``SebabLayanan``,
  e.g. the buku nikah only for a KK baru because of a marriage). Requests keep the ids of the
  requirements they received, never their labels.
- The catalogue is general: ``Layanan.kode_proses`` names the map step whose lists it holds
  ("P.4.1", "P.5.1") and ``kode`` is stable per service (e.g. "kk-baru", "P.5.1-lahir"), so other
  processes keep their requirement lists here too (``katalog.persyaratan_berlaku``).
- ``InstansiMitra`` / ``PetugasMitra``: the partners of the inovasi integrasi (KUA, PA, hospitals,
  kecamatan, kelurahan) and which officer account belongs to which partner.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

KODE_P41 = "P.4.1"


class JenisDokumen(models.TextChoices):
    KTP_EL = "ktp_el", "KTP-el"
    KK = "kk", "Kartu Keluarga (KK)"
    KIA = "kia", "Kartu Identitas Anak (KIA)"


class AlasanLayanan(models.TextChoices):
    BARU = "baru", "Warga baru"
    RUSAK = "rusak", "Rusak"
    HILANG = "hilang", "Hilang"
    PERUBAHAN_DATA = "perubahan_data", "Perubahan data"
    SKPWNI = "skpwni", "SKPWNI (pindah datang)"


class Alur(models.TextChoices):
    """The regular flow a walk-in request of this service follows (map P.4.1.1 / P.4.1.2)."""

    TANPA_VERIFIKASI = "P.4.1.1", "P.4.1.1 Reguler tanpa verifikasi"
    DENGAN_VERIFIKASI = "P.4.1.2", "P.4.1.2 Reguler dengan verifikasi"


class Layanan(models.Model):
    """One service of the catalogue: a document for a reason, its requirements and its target."""

    kode = models.CharField(
        max_length=40, unique=True,
        validators=[RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", "Kode hanya huruf, angka, titik, garis bawah dan tanda hubung.")],
        help_text="Kode tetap layanan, dipakai program untuk mencari daftar persyaratannya (mis. kk-baru, P.5.1-lahir).",
    )
    kode_proses = models.CharField(
        # db_default: rows written by the first catalogue migration's code (replayed after a test
        # flush with its historical model) get it from the database.
        "proses (peta)", max_length=12, default=KODE_P41, db_default=KODE_P41, db_index=True,
        help_text="Langkah peta proses bisnis yang memakai layanan ini, mis. P.4.1 atau P.5.1.",
    )
    nama = models.CharField(max_length=120)
    dokumen = models.CharField(max_length=10, choices=JenisDokumen.choices, blank=True)
    alasan = models.CharField(max_length=20, choices=AlasanLayanan.choices, blank=True)
    alur = models.CharField(
        max_length=10, choices=Alur.choices, blank=True,
        help_text="KTP-el mengikuti P.4.1.1 (tanpa verifikasi); KK dan KIA mengikuti P.4.1.2 (dengan verifikasi).",
    )
    lewat_integrasi = models.BooleanField(
        "dapat diajukan mitra integrasi (P.4.1.3)", default=False,
        help_text="Petugas integrasi (KUA, PA, rumah sakit, kecamatan, kelurahan) dapat mengajukan layanan ini untuk warga.",
    )
    target_hari_kerja = models.PositiveSmallIntegerField(
        "target (hari kerja)", default=3,
        help_text="Standar waktu layanan dalam hari kerja sejak berkas diterima; hari libur diambil dari kalender hari libur.",
    )
    dasar_hukum = models.CharField(
        "dasar hukum", max_length=300, blank=True,
        help_text="Peraturan yang mendasari layanan, ditampilkan di katalog layanan publik.",
    )
    # db_default: the first catalogue migrations' code (replayed after a test flush with their
    # historical models) writes rows without these columns.
    boleh_daring = models.BooleanField(
        "dapat diajukan daring", default=False, db_default=False,
        help_text="Warga dapat mengajukan layanan ini secara daring (online), tanpa datang ke loket.",
    )
    produk = models.CharField(
        "dokumen yang diterbitkan", max_length=300, blank=True, default="", db_default="",
        help_text="Produk layanan (standar pelayanan), mis. Kartu Keluarga; kutipan akta kelahiran.",
    )
    aktif = models.BooleanField(default=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["urutan", "nama"]
        verbose_name = "layanan"
        verbose_name_plural = "layanan"
        constraints = [
            models.UniqueConstraint(fields=["dokumen", "alasan"], condition=~Q(dokumen=""), name="layanan_unik_dokumen_alasan")
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def perlu_tte(self) -> bool:
        """KK and KIA are issued as signed PDFs; a KTP-el is a card printed without TTE."""
        return self.dokumen != JenisDokumen.KTP_EL


class SebabLayanan(models.Model):
    """A reason a service is asked for (KK baru: perkawinan, pisah KK, pergantian kepala keluarga);
    chosen at intake when the service has any, and some requirements hold only for some reasons."""

    layanan = models.ForeignKey(Layanan, on_delete=models.CASCADE, related_name="daftar_sebab")
    kode = models.SlugField(max_length=40)
    nama = models.CharField(max_length=120)
    urutan = models.PositiveSmallIntegerField(default=0)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["layanan", "urutan", "pk"]
        verbose_name = "sebab permohonan"
        verbose_name_plural = "sebab permohonan"
        constraints = [models.UniqueConstraint(fields=["layanan", "kode"], name="sebab_unik_per_layanan")]

    def __str__(self) -> str:
        return self.nama


class Persyaratan(models.Model):
    """A requirement of a service; the front office ticks it and keeps one scan of it."""

    layanan = models.ForeignKey(Layanan, on_delete=models.CASCADE, related_name="persyaratan")
    kode = models.SlugField(max_length=40, blank=True, default="", db_default="",
                            help_text="Kode tetap, bila program perlu menunjuk persyaratan ini.")
    nama = models.CharField(max_length=200)
    hanya_untuk_sebab = models.ManyToManyField(
        SebabLayanan, blank=True, related_name="persyaratan",
        help_text="Kosongkan bila berlaku untuk semua sebab permohonan.",
    )
    keterangan = models.CharField(max_length=300, blank=True)
    wajib = models.BooleanField(default=True, help_text="Berkas baru lengkap bila semua persyaratan wajib ada.")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["layanan", "urutan", "pk"]
        verbose_name = "persyaratan"
        verbose_name_plural = "persyaratan"

    def __str__(self) -> str:
        return self.nama

    @property
    def kunci(self) -> str:
        """The key a request keeps its scan under (``berkas_persyaratan``, apps.core.asupan)."""
        return str(self.pk)

    def berlaku_untuk(self, sebab_id: int | None) -> bool:
        """Holds for a request of reason ``sebab_id`` (uses the prefetched ``hanya_untuk_sebab``)."""
        khusus = {s.pk for s in self.hanya_untuk_sebab.all()}
        return not khusus or sebab_id in khusus


class InstansiMitra(models.Model):
    """An integrated partner of P.4.1.3 (inovasi integrasi)."""

    class Jenis(models.TextChoices):
        KUA = "kua", "Kantor Urusan Agama"
        PA = "pa", "Pengadilan Agama"
        RS = "rs", "Rumah sakit"
        KECAMATAN = "kecamatan", "Kecamatan"
        KELURAHAN = "kelurahan", "Kelurahan"

    nama = models.CharField(max_length=120, unique=True)
    jenis = models.CharField(max_length=10, choices=Jenis.choices)
    alamat = models.CharField(max_length=200, blank=True)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["nama"]
        verbose_name = "instansi mitra integrasi"
        verbose_name_plural = "instansi mitra integrasi"

    def __str__(self) -> str:
        return self.nama


class PetugasMitra(models.Model):
    """Which partner an officer with the role ``petugas_integrasi`` files for."""

    pengguna = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="petugas_mitra")
    instansi = models.ForeignKey(InstansiMitra, on_delete=models.PROTECT, related_name="petugas")

    class Meta:
        verbose_name = "petugas mitra integrasi"
        verbose_name_plural = "petugas mitra integrasi"

    def __str__(self) -> str:
        return f"{self.pengguna} — {self.instansi}"


def instansi_pengguna(user) -> int | None:
    """The partner id of an integrated officer (cached on the user object), else None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_instansi_mitra_id"):
        user._instansi_mitra_id = (
            PetugasMitra.objects.filter(pengguna_id=user.pk, instansi__aktif=True).values_list("instansi_id", flat=True).first()
        )
    return user._instansi_mitra_id
