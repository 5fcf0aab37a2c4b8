"""Intake and action forms of P.4.2–P.4.5."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.core.asupan import AsupanMixin
from apps.core.forms import AksiForm

from .models.perekaman import PerekamanKTP
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
