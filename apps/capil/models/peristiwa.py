"""P.5.1 — the data each deed needs, one detail model per event (form F-2.01 and the requirements of
Perpres 96/2018 / Permendagri 108/2019).

People are kept twice on purpose: as typed on the deed (NIK and name, the legal record, which
must not change when the register does) and as a link to the register when they are residents
of Kota Pasuruan (the look-up at intake; the consequences after TTE use it).
"""

from __future__ import annotations

from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from apps.penduduk.models import Agama, JenisKelamin

from .pencatatan import PencatatanSipil


class TempatDilahirkan(models.TextChoices):
    RUMAH_SAKIT = "rs", "Rumah sakit/rumah bersalin"
    PUSKESMAS = "puskesmas", "Puskesmas"
    POLINDES = "polindes", "Polindes/praktik bidan"
    RUMAH = "rumah", "Rumah"
    LAINNYA = "lainnya", "Lainnya"


class JenisKelahiran(models.TextChoices):
    TUNGGAL = "tunggal", "Tunggal"
    KEMBAR_2 = "kembar_2", "Kembar 2"
    KEMBAR_3 = "kembar_3", "Kembar 3"
    KEMBAR_4 = "kembar_4", "Kembar 4"
    LAINNYA = "lainnya", "Lainnya"


class Penolong(models.TextChoices):
    DOKTER = "dokter", "Dokter"
    BIDAN = "bidan", "Bidan/perawat"
    DUKUN = "dukun", "Dukun"
    LAINNYA = "lainnya", "Lainnya"


class SebabKematian(models.TextChoices):
    SAKIT = "sakit", "Sakit biasa/tua"
    WABAH = "wabah", "Wabah penyakit"
    KECELAKAAN = "kecelakaan", "Kecelakaan"
    KRIMINALITAS = "kriminalitas", "Kriminalitas"
    BUNUH_DIRI = "bunuh_diri", "Bunuh diri"
    LAINNYA = "lainnya", "Lainnya"


class YangMenerangkan(models.TextChoices):
    DOKTER = "dokter", "Dokter/tenaga kesehatan"
    KEPOLISIAN = "kepolisian", "Kepolisian"
    LURAH = "lurah", "Lurah/kepala desa"
    LAINNYA = "lainnya", "Lainnya (pengadilan, maskapai, perwakilan RI)"


class PerkawinanOrangTua(models.TextChoices):
    """How the parents' marriage stands, which decides what the kutipan says of the father
    (Permendagri 9/2016: an SPTJM F-2.04 birth is recorded as a child of a couple whose marriage is
    not yet recorded; without a father on record the child is recorded as its mother's)."""

    TERCATAT = "tercatat", "Perkawinan tercatat (buku nikah/kutipan akta perkawinan)"
    SPTJM = "sptjm", "Perkawinan belum tercatat (SPTJM F-2.04)"
    TANPA_AYAH = "tanpa_ayah", "Tanpa data ayah (anak dari seorang ibu)"


class BuktiKelahiran(models.TextChoices):
    SURAT = "surat", "Surat keterangan kelahiran dari fasilitas kesehatan"
    SPTJM = "sptjm", "SPTJM kebenaran data kelahiran (F-2.03)"


class BadanPeradilan(models.TextChoices):
    PN = "PN", "Pengadilan Negeri"
    PA = "PA", "Pengadilan Agama"


def _orang(label: str, *, wajib: bool = True) -> tuple[models.Field, models.Field, models.Field]:
    """NIK and name as on the deed, plus the register link when the person is a resident:
    ``ibu_nik, ibu_nama, ibu = _orang("ibu")``."""
    return (
        models.CharField(f"NIK {label}", max_length=16, blank=not wajib),
        models.CharField(f"nama {label}", max_length=120, blank=not wajib),
        models.ForeignKey("penduduk.Penduduk", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                          verbose_name=f"{label} (register)"),
    )


class Rincian(models.Model):
    """What every detail model answers, so the flow, forms and documents need not know which."""

    pencatatan = models.OneToOneField(PencatatanSipil, on_delete=models.CASCADE, related_name="%(class)s")

    class Meta:
        abstract = True

    @property
    def nama_dicatat(self) -> str:
        raise NotImplementedError

    @property
    def tanggal_acuan_lapor(self) -> date | None:
        """The date the reporting window runs from."""
        raise NotImplementedError

    def pemilik(self) -> tuple[str, str]:
        raise NotImplementedError


class _OrangTua(Rincian):
    """Mother, father and the family card the child belongs to (births and stillbirths)."""

    ibu_nik, ibu_nama, ibu = _orang("ibu")
    ayah_nik, ayah_nama, ayah = _orang("ayah", wajib=False)
    keluarga = models.ForeignKey(
        "penduduk.Keluarga", on_delete=models.PROTECT, related_name="+", verbose_name="kartu keluarga"
    )
    jenis_kelamin = models.CharField(max_length=1, choices=JenisKelamin.choices)
    tanggal_lahir = models.DateField("tanggal lahir")
    waktu_lahir = models.TimeField("pukul", null=True, blank=True)
    tempat_dilahirkan = models.CharField(max_length=10, choices=TempatDilahirkan.choices)
    nama_tempat = models.CharField("nama tempat (RS, puskesmas, alamat)", max_length=120, blank=True)
    tempat_lahir = models.CharField("kabupaten/kota tempat lahir", max_length=80, default="Pasuruan")
    jenis_kelahiran = models.CharField(max_length=10, choices=JenisKelahiran.choices, default=JenisKelahiran.TUNGGAL)
    kelahiran_ke = models.PositiveSmallIntegerField("kelahiran ke", validators=[MinValueValidator(1), MaxValueValidator(30)])
    penolong = models.CharField("penolong kelahiran", max_length=10, choices=Penolong.choices)

    class Meta:
        abstract = True

    @property
    def tanggal_acuan_lapor(self) -> date | None:
        return self.tanggal_lahir


class Kelahiran(_OrangTua):
    """P.5.1 — data of an akta kelahiran."""

    nama_anak = models.CharField("nama anak", max_length=120)
    perkawinan_orang_tua = models.CharField("perkawinan orang tua", max_length=10, choices=PerkawinanOrangTua.choices,
                                            default=PerkawinanOrangTua.TERCATAT)
    bukti_kelahiran = models.CharField("bukti kelahiran", max_length=5, choices=BuktiKelahiran.choices,
                                       default=BuktiKelahiran.SURAT)
    # The child's NIK as SIAK issued it, typed by the operator at the SIAK step (never minted here).
    nik_anak = models.CharField("NIK anak (dari SIAK)", max_length=16, blank=True, db_index=True)
    berat_gram = models.PositiveIntegerField("berat bayi (gram)", validators=[MinValueValidator(200), MaxValueValidator(9000)])
    panjang_cm = models.DecimalField("panjang bayi (cm)", max_digits=4, decimal_places=1,
                                     validators=[MinValueValidator(20), MaxValueValidator(70)])
    # Set after TTE, when the child is added to the register (services.penduduk_catat_kelahiran).
    anak = models.OneToOneField("penduduk.Penduduk", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+", editable=False, verbose_name="anak (register)")

    class Meta:
        verbose_name = "data kelahiran"
        verbose_name_plural = "data kelahiran"

    @property
    def nama_dicatat(self) -> str:
        return self.nama_anak

    def pemilik(self) -> tuple[str, str]:
        return self.nama_anak, (self.anak.nik if self.anak_id else "")


class LahirMati(_OrangTua):
    """P.5.1 — a stillbirth (a child born dead after at least 28 weeks): recorded, and what the
    Dinas issues is a Surat Keterangan Lahir Mati, not an akta (UU 23/2006 Pasal 33)."""

    lama_kandungan_minggu = models.PositiveSmallIntegerField(
        "lama dalam kandungan (minggu)", validators=[MinValueValidator(28), MaxValueValidator(45)]
    )
    sebab = models.CharField("sebab lahir mati", max_length=200)
    yang_menerangkan = models.CharField(max_length=10, choices=YangMenerangkan.choices, default=YangMenerangkan.DOKTER)

    class Meta:
        verbose_name = "data lahir mati"
        verbose_name_plural = "data lahir mati"

    @property
    def nama_dicatat(self) -> str:
        return f"Bayi dari {self.ibu_nama}"

    def pemilik(self) -> tuple[str, str]:
        return self.ibu_nama, self.ibu_nik


class Kematian(Rincian):
    """P.5.1 — data of an akta kematian; the deceased must be a resident (the register is updated)."""

    jenazah_nik, jenazah_nama, jenazah = _orang("yang meninggal")
    tanggal_kematian = models.DateField("tanggal kematian")
    waktu_kematian = models.TimeField("pukul", null=True, blank=True)
    tempat_kematian = models.CharField("tempat kematian", max_length=120)
    sebab_kematian = models.CharField(max_length=12, choices=SebabKematian.choices)
    yang_menerangkan = models.CharField(max_length=10, choices=YangMenerangkan.choices)
    nomor_surat_keterangan = models.CharField("nomor surat keterangan kematian", max_length=60)
    tanggal_surat_keterangan = models.DateField("tanggal surat keterangan")

    class Meta:
        verbose_name = "data kematian"
        verbose_name_plural = "data kematian"

    @property
    def nama_dicatat(self) -> str:
        return self.jenazah_nama

    @property
    def tanggal_acuan_lapor(self) -> date | None:
        return self.tanggal_kematian

    def pemilik(self) -> tuple[str, str]:
        return self.jenazah_nama, self.jenazah_nik


class _Pasangan(Rincian):
    suami_nik, suami_nama, suami = _orang("suami")
    istri_nik, istri_nama, istri = _orang("istri")

    class Meta:
        abstract = True

    @property
    def nama_dicatat(self) -> str:
        return f"{self.suami_nama} & {self.istri_nama}"

    def pemilik(self) -> tuple[str, str]:
        return self.nama_dicatat, self.suami_nik


class Perkawinan(_Pasangan):
    """P.5.1 — data of an akta perkawinan (marriages of non-Muslims and of penghayat kepercayaan;
    Muslim marriages are recorded by the KUA, UU 23/2006 Pasal 34(4))."""

    tanggal_perkawinan = models.DateField("tanggal perkawinan (pemberkatan)")
    tempat_perkawinan = models.CharField(max_length=120)
    agama = models.CharField("agama/kepercayaan perkawinan", max_length=12, choices=Agama.choices)
    # Each spouse's religion (from the register for residents): a marriage of two religions is
    # recorded only on a court ruling (UU 23/2006 Pasal 35 huruf a), confirmed at intake.
    agama_suami = models.CharField("agama suami", max_length=12, choices=Agama.choices, blank=True)
    agama_istri = models.CharField("agama istri", max_length=12, choices=Agama.choices, blank=True)
    nama_pemuka_agama = models.CharField("nama pemuka agama/penghayat", max_length=120)
    organisasi = models.CharField("badan/organisasi keagamaan", max_length=120,
                                  help_text="Mis. gereja, vihara, pura, organisasi penghayat.")
    nomor_surat_perkawinan = models.CharField("nomor surat perkawinan dari pemuka agama", max_length=60)

    class Meta:
        verbose_name = "data perkawinan"
        verbose_name_plural = "data perkawinan"

    @property
    def tanggal_acuan_lapor(self) -> date | None:
        return self.tanggal_perkawinan


class Perceraian(_Pasangan):
    """P.5.1 — a divorce on a final court ruling (putusan berkekuatan hukum tetap). A Pengadilan
    Negeri ruling gets the Dinas' akta perceraian; a Pengadilan Agama's akta cerai is only taken in
    to update the register (status kawin, KK), no deed issued."""

    nomor_akta_perkawinan = models.CharField("nomor akta perkawinan", max_length=40)
    badan_peradilan = models.CharField(max_length=2, choices=BadanPeradilan.choices, default=BadanPeradilan.PN)
    nama_pengadilan = models.CharField(max_length=120, default="Pengadilan Negeri Pasuruan")
    nomor_putusan = models.CharField("nomor putusan", max_length=60)
    tanggal_putusan = models.DateField("tanggal putusan")
    tanggal_inkracht = models.DateField("tanggal berkekuatan hukum tetap")

    class Meta:
        verbose_name = "data perceraian"
        verbose_name_plural = "data perceraian"

    @property
    def tanggal_acuan_lapor(self) -> date | None:
        return self.tanggal_inkracht


MODEL_RINCIAN = {
    "kelahiran": Kelahiran,
    "lahir_mati": LahirMati,
    "kematian": Kematian,
    "perkawinan": Perkawinan,
    "perceraian": Perceraian,
}
