"""Forms of P.1.2.1.1 (surat keluar): the kepala's order, the draft, the approval, the number,
the delivery and the filing. Action forms extend the kernel's ``AksiForm``/``AksiModelForm``."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone

from apps.core.forms import AksiForm, AksiModelForm

from .forms import PilihanKlasifikasi
from .models import KlasifikasiArsip, SuratKeluar

FIELD_DRAF = ["klasifikasi", "sifat", "isi_lampiran", "hal", "kepada", "isi", "tembusan"]
BARIS = {"kepada": forms.Textarea(attrs={"rows": 3}), "isi": forms.Textarea(attrs={"rows": 10}),
         "tembusan": forms.Textarea(attrs={"rows": 3})}


def _klasifikasi_field() -> PilihanKlasifikasi:
    return PilihanKlasifikasi(
        label="Kode klasifikasi arsip", queryset=KlasifikasiArsip.objects.filter(berlaku=True),
        empty_label="— pilih kode —", help_text="Menentukan awal nomor surat dan masa retensinya.",
    )


class PerintahSuratKeluarForm(forms.ModelForm):
    """P.1.2.1.1.1 — the kepala orders a letter: to whom, about what, and what it must say."""

    class Meta:
        model = SuratKeluar
        fields = ["hal", "kepada", "sifat", "perintah", "tenggat"]
        widgets = {"kepada": forms.Textarea(attrs={"rows": 2}), "perintah": forms.Textarea(attrs={"rows": 4}),
                   "tenggat": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tenggat"].label = "Selesai paling lambat"

    def clean_tenggat(self):
        tenggat = self.cleaned_data.get("tenggat")
        if tenggat and tenggat < timezone.localdate():
            raise forms.ValidationError("Tenggat tidak boleh sebelum hari ini.")
        return tenggat


class DrafSuratKeluarForm(AksiModelForm):
    """P.1.2.1.1.2 — the tata usaha's draft in the Permendagri 1/2023 layout (the kop, the date, the
    number and the signature block are added by the document)."""

    klasifikasi = _klasifikasi_field()

    class Meta:
        model = SuratKeluar
        fields = FIELD_DRAF
        widgets = BARIS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["isi"].required = True
        self.fields["isi"].error_messages["required"] = "Isi surat wajib diisi."


class SetujuiSuratKeluarForm(AksiModelForm):
    """P.1.2.1.1.3 — the kepala approves the draft, correcting its text if he wishes."""

    class Meta:
        model = SuratKeluar
        fields = ["hal", "kepada", "isi", "tembusan"]
        widgets = BARIS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["isi"].required = True
        self.fields["isi"].help_text = "Perbaiki langsung bila perlu; bagian yang Anda ubah disebut pada riwayat."


class NomorSuratKeluarForm(AksiModelForm):
    """P.1.2.1.1.5 — the tata usaha confirms the classification code the number starts with."""

    klasifikasi = _klasifikasi_field()

    class Meta:
        model = SuratKeluar
        fields = ["klasifikasi"]


class TerimaSuratKeluarForm(AksiForm):
    """P.1.2.1.1.6 — the caraka's proof of delivery: who received it, when, and a photo."""

    diterima_oleh = forms.CharField(label="Diterima oleh", max_length=120,
                                    help_text="Nama dan jabatan penerima yang menandatangani tanda terima.")
    diterima_pada = forms.DateTimeField(
        label="Diterima pada", widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["diterima_pada"].initial = timezone.localtime().replace(second=0, microsecond=0)
        f = self.fields["lampiran"]
        f.required = True
        f.label = "Foto tanda terima"
        f.error_messages["required"] = "Foto tanda terima wajib diunggah sebagai bukti."

    def clean_diterima_pada(self):
        waktu = self.cleaned_data["diterima_pada"]
        if waktu > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError("Waktu penerimaan tidak boleh di masa depan.")
        return waktu

    def daftar_lampiran(self) -> list:
        return []  # the photo is stored by the service, named as the proof of delivery


class EmailSuratKeluarForm(AksiForm):
    """P.1.2.1.1.6 — sending the signed PDF by email instead of the caraka."""

    email_tujuan = forms.EmailField(label="Email tujuan")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A letter of another process may carry its addressee's address on file (P.5.8).
        if self.objek is not None and not self.is_bound and getattr(self.objek, "email_tujuan", ""):
            self.initial["email_tujuan"] = self.objek.email_tujuan


class ArsipkanKeluarForm(AksiModelForm):
    """P.1.2.2 — the place in the filing cabinet; the code was chosen when the letter was numbered."""

    class Meta:
        model = SuratKeluar
        fields = ["lemari", "laci", "map"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in ("lemari", "laci", "map"):
            self.fields[nama].required = True
