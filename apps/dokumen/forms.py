"""Forms of apps/dokumen: the TTE step's passphrase, the retry, and the public check."""

from __future__ import annotations

from django import forms

from apps.core.forms import AksiForm
from apps.core.workflow import AksiDitolak


class TTEForm(AksiForm):
    """The TTE step: the official types the passphrase of their signing key.

    It is checked when the form is validated, so a wrong one is reported next to the field and
    nothing happens. It is never put in the transition's data, the log or the database.
    """

    passphrase = forms.CharField(
        label="Passphrase TTE",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text="Passphrase sertifikat elektronik Anda. Tidak disimpan oleh portal.",
        error_messages={"required": "Passphrase wajib diisi."},
    )

    def clean_passphrase(self):
        from .services import passphrase_periksa

        passphrase = self.cleaned_data["passphrase"]
        try:
            passphrase_periksa(pejabat=self.pengguna, passphrase=passphrase)
        except AksiDitolak as exc:
            raise forms.ValidationError(str(exc), code="passphrase") from None
        return passphrase

    def data_aksi(self) -> dict:
        data = super().data_aksi()
        data.pop("passphrase", None)
        return data


class UlangiForm(forms.Form):
    passphrase = forms.CharField(label="Passphrase TTE", required=False, strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "off"}))


class KodeVerifikasiForm(forms.Form):
    kode = forms.CharField(label="Kode verifikasi", max_length=40, widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "Kode di bawah QR dokumen"}))

    def clean_kode(self):
        return "".join(self.cleaned_data["kode"].split()).upper()


class PeriksaPDFForm(forms.Form):
    berkas = forms.FileField(label="Berkas PDF dokumen", help_text="PDF yang Anda terima; maksimal 10 MB.")

    UKURAN_MAKS = 10 * 1024 * 1024

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > self.UKURAN_MAKS:
            raise forms.ValidationError("Berkas lebih dari 10 MB.")
        berkas.seek(0)
        if berkas.read(5) != b"%PDF-":
            raise forms.ValidationError("Berkas ini bukan PDF.")
        berkas.seek(0)
        return berkas
