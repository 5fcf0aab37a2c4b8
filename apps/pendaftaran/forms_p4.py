"""Intake and action forms of P.4.2–P.4.5."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.core.asupan import AsupanMixin
from apps.core.forms import AksiForm

from .models.biodata import BiodataRentan
from .models.luar_negeri import PindahLuarNegeri
from .models.perekaman import PerekamanKTP
from .models.perekaman_lansia import PerekamanLansia, TempatRekam
from .models.wna import DokumenWNA, PendaftaranWNA

PESAN_IZIN_KEDALUWARSA = (
    "Izin tinggal (KITAS/KITAP) sudah tidak berlaku. Pemohon harus memperpanjang izin tinggal di "
    "Kantor Imigrasi lebih dulu."
)


def _nik(nilai: str, label: str = "NIK") -> str:
    nilai = (nilai or "").strip()
    if not (nilai.isdigit() and len(nilai) == 16):
        raise ValidationError(f"{label} harus 16 digit angka.")
    return nilai


class PendaftaranWNAForm(AsupanMixin, forms.ModelForm):
    class Meta:
        model = PendaftaranWNA
        fields = ["dokumen", "nama", "kewarganegaraan", "nomor_paspor", "jenis_izin", "nomor_izin",
                  "izin_berlaku_sampai", "alamat", "email"]
        widgets = {"izin_berlaku_sampai": forms.DateInput(attrs={"type": "date"})}
        error_messages = {
            "nama": {"required": "Nama wajib diisi."},
            "nomor_izin": {"required": "Nomor KITAS/KITAP wajib diisi."},
            "izin_berlaku_sampai": {"required": "Masa berlaku izin tinggal wajib diisi.",
                                    "invalid": "Tanggal tidak valid."},
        }

    def clean_izin_berlaku_sampai(self):
        tanggal = self.cleaned_data["izin_berlaku_sampai"]
        if tanggal < timezone.localdate():
            raise ValidationError(PESAN_IZIN_KEDALUWARSA)
        return tanggal


class InputWNAForm(AksiForm):
    """The verifikator WNA's input from SIAK: the NIK (and the KK number for a KK WNA)."""

    nik = forms.CharField(label="NIK (dari SIAK)", max_length=16, error_messages={"required": "NIK wajib diisi."})
    no_kk = forms.CharField(label="No. KK (untuk KK WNA)", max_length=16, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.objek is not None and not self.is_bound:
            self.initial.setdefault("nik", self.objek.nik)
            self.initial.setdefault("no_kk", self.objek.no_kk)

    def clean_nik(self):
        return _nik(self.cleaned_data["nik"])

    def clean_no_kk(self):
        nilai = (self.cleaned_data.get("no_kk") or "").strip()
        if self.objek is not None and self.objek.dokumen == DokumenWNA.KK:
            return _nik(nilai, "No. KK")
        return nilai

    def clean(self):
        data = super().clean()
        if self.objek is not None and self.objek.izin_berlaku_sampai < timezone.localdate():
            raise ValidationError(PESAN_IZIN_KEDALUWARSA)
        return data


class PerekamanForm(AsupanMixin, forms.ModelForm):
    class Meta:
        model = PerekamanKTP
        fields = ["nik", "nama", "email", "telepon"]
        error_messages = {"nik": {"required": "NIK wajib diisi."}, "nama": {"required": "Nama wajib diisi."}}

    def clean_nik(self):
        return _nik(self.cleaned_data["nik"])


class DuplikatForm(AksiForm):
    """A duplicate recording: the other NIK the biometrics matched, for the biodata cross-check."""

    nik_duplikat = forms.CharField(label="NIK lain yang cocok", max_length=16,
                                   error_messages={"required": "NIK yang cocok wajib diisi."})

    def clean_nik_duplikat(self):
        return _nik(self.cleaned_data["nik_duplikat"], "NIK yang cocok")


class PindahLuarNegeriForm(AsupanMixin, forms.ModelForm):
    class Meta:
        model = PindahLuarNegeri
        fields = ["jenis", "nik", "nama", "nomor_paspor", "negara", "alamat_luar_negeri", "tanggal_pindah",
                  "no_kk_tujuan", "email"]
        widgets = {"tanggal_pindah": forms.DateInput(attrs={"type": "date"})}
        error_messages = {"nik": {"required": "NIK wajib diisi."}, "nama": {"required": "Nama wajib diisi."},
                          "tanggal_pindah": {"required": "Tanggal wajib diisi.", "invalid": "Tanggal tidak valid."}}

    def clean_nik(self):
        return _nik(self.cleaned_data["nik"])

    def clean(self):
        from apps.penduduk.models import Penduduk

        data = super().clean()
        nik = data.get("nik")
        if nik and data.get("jenis") == "skpln" and not Penduduk.objects.filter(nik=nik, tanggal_pindah__isnull=True).exists():
            self.add_error("nik", "NIK tidak terdaftar sebagai penduduk Kota Pasuruan; SKPLN tidak dapat diajukan.")
        return data


class PerekamanLansiaForm(AsupanMixin, forms.ModelForm):
    class Meta:
        model = PerekamanLansia
        fields = ["nik", "nama", "kondisi", "alamat", "telepon", "email"]
        error_messages = {"nik": {"required": "NIK wajib diisi."}, "nama": {"required": "Nama wajib diisi."},
                          "kondisi": {"required": "Kondisi pemohon wajib diisi."},
                          "alamat": {"required": "Alamat rumah wajib diisi."}}

    def clean_nik(self):
        return _nik(self.cleaned_data["nik"])


class PendampingForm(AksiForm):
    perangkat_daerah = forms.CharField(label="Perangkat daerah pendamping", max_length=120,
                                       error_messages={"required": "Perangkat daerah wajib diisi."})
    nomor_surat_permohonan = forms.CharField(label="Nomor surat permohonan pendampingan", max_length=60,
                                             error_messages={"required": "Nomor surat wajib diisi."})


class JawabanPendampingForm(AksiForm):
    nomor_surat_jawaban = forms.CharField(label="Nomor surat jawaban", max_length=60,
                                          error_messages={"required": "Nomor surat jawaban wajib diisi."})
    jawaban_pendamping = forms.CharField(label="Isi jawaban (nama pendamping, kesediaan)", max_length=300,
                                         error_messages={"required": "Isi jawaban wajib diisi."})


class JadwalRekamForm(AksiForm):
    tempat = forms.ChoiceField(label="Tempat perekaman", choices=TempatRekam.choices)
    tanggal_rekam = forms.DateField(label="Tanggal perekaman", widget=forms.DateInput(attrs={"type": "date"}),
                                    error_messages={"required": "Tanggal wajib diisi.", "invalid": "Tanggal tidak valid."})
    alamat_kunjungan = forms.CharField(label="Alamat kunjungan (bila di rumah)", max_length=200, required=False)
    tim = forms.CharField(label="Tim perekaman", max_length=200, error_messages={"required": "Tim wajib diisi."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.objek is not None and not self.is_bound:
            self.initial.setdefault("alamat_kunjungan", self.objek.alamat)

    def clean_tanggal_rekam(self):
        tanggal = self.cleaned_data["tanggal_rekam"]
        if tanggal < timezone.localdate():
            raise ValidationError("Tanggal perekaman tidak boleh sebelum hari ini.")
        return tanggal

    def clean(self):
        data = super().clean()
        if data.get("tempat") == TempatRekam.RUMAH and not (data.get("alamat_kunjungan") or "").strip():
            self.add_error("alamat_kunjungan", "Alamat kunjungan wajib diisi untuk perekaman di rumah.")
        return data


class SurveiForm(AksiForm):
    tanggal_survei = forms.DateField(label="Tanggal survei", widget=forms.DateInput(attrs={"type": "date"}),
                                     error_messages={"required": "Tanggal survei wajib diisi."})
    petugas_survei = forms.CharField(label="Petugas survei", max_length=120,
                                     error_messages={"required": "Petugas survei wajib diisi."})
    temuan_survei = forms.CharField(label="Temuan", widget=forms.Textarea(attrs={"rows": 3}),
                                    error_messages={"required": "Temuan survei wajib diisi."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lampiran"].label = "Foto survei"

    def daftar_lampiran(self) -> list:
        # Named for what it is, so the photo is found among the request's attachments.
        berkas = self.cleaned_data.get("lampiran")
        return [(berkas, "Foto survei lapangan")] if berkas else []

    def clean_tanggal_survei(self):
        tanggal = self.cleaned_data["tanggal_survei"]
        if tanggal > timezone.localdate():
            raise ValidationError("Tanggal survei tidak boleh setelah hari ini.")
        return tanggal


class NIKSiakForm(AksiForm):
    """The NIK SIAK issued, typed twice (a typo would put a wrong number in the register)."""

    nik = forms.CharField(label="NIK yang diterbitkan SIAK", max_length=20,
                          error_messages={"required": "NIK wajib diisi."})
    nik_ulang = forms.CharField(label="Ketik ulang NIK", max_length=20,
                                error_messages={"required": "Ketik ulang NIK untuk memastikan."})

    def clean_nik(self):
        from apps.penduduk.models import Penduduk
        from apps.penduduk.validators import bersihkan_nomor

        nik = _nik(bersihkan_nomor(self.cleaned_data["nik"]))
        if Penduduk.objects.filter(nik=nik).exists():
            raise ValidationError("NIK ini sudah dipakai penduduk lain di database. Periksa kembali di SIAK.")
        return nik

    def clean(self):
        from apps.penduduk.validators import bersihkan_nomor

        data = super().clean()
        if data.get("nik") and bersihkan_nomor(data.get("nik_ulang", "")) != data["nik"]:
            self.add_error("nik_ulang", "Kedua isian NIK tidak sama.")
        return data


class BiodataRentanForm(AsupanMixin, forms.ModelForm):
    class Meta:
        model = BiodataRentan
        fields = ["nama", "kelompok", "pengusul", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "agama",
                  "status_perkawinan", "pekerjaan", "alamat", "rt", "rw", "kelurahan"]
        widgets = {"tanggal_lahir": forms.DateInput(attrs={"type": "date"})}
        error_messages = {"nama": {"required": "Nama wajib diisi."},
                          "tanggal_lahir": {"required": "Tanggal lahir wajib diisi.", "invalid": "Tanggal tidak valid."}}
