"""Forms of P.6.3: the request (the resident's NIK and the fields to change) and the ADB's step."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from apps.core.forms import AksiModelForm
from apps.core.lampiran import LampiranField

from .models import KOLOM_BOLEH, PemutakhiranData


class PemutakhiranForm(forms.Form):
    """NIK, contact, and for each biodata field the new value (left empty: no change)."""

    nik = forms.RegexField(label="NIK", regex=r"^\d{16}$", error_messages={"invalid": "NIK terdiri dari 16 angka."})
    email = forms.EmailField(label="Email pemohon (opsional)", required=False)
    keterangan = forms.CharField(label="Keterangan / dokumen dasar perubahan", required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    berkas = LampiranField(label="Dokumen pendukung (opsional)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from apps.penduduk.models import Penduduk

        for nama in KOLOM_BOLEH:
            f = Penduduk._meta.get_field(nama).formfield(required=False)
            if isinstance(f, forms.DateField):
                f.widget = forms.DateInput(attrs={"type": "date"})
            if hasattr(f, "choices"):
                f.choices = [("", "— tidak berubah —"), *[c for c in f.choices if c[0] != ""]]
            f.label = f"{f.label} baru"
            # A register default (golongan darah "tidak tahu") would otherwise come pre-selected
            # and be asked as a change nobody wanted.
            f.initial = None
            self.fields[f"baru_{nama}"] = f

    def clean_nik(self):
        from apps.penduduk.models import Penduduk

        nik = self.cleaned_data["nik"]
        self.penduduk = Penduduk.objects.filter(nik=nik).first()
        if self.penduduk is None:
            raise ValidationError("NIK tidak ditemukan di register penduduk.")
        return nik

    def clean(self):
        data = super().clean()
        self.perubahan = {}
        for nama in KOLOM_BOLEH:
            nilai = data.get(f"baru_{nama}")
            if nilai in (None, ""):
                continue
            self.perubahan[nama] = nilai.isoformat() if hasattr(nilai, "isoformat") else str(nilai)
        if not self.errors and not self.perubahan:
            raise ValidationError("Isi sedikitnya satu data yang berubah.")
        return data


class MutakhirkanForm(AksiModelForm):
    class Meta:
        model = PemutakhiranData
        fields = ["referensi_siak"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referensi_siak"].required = True
        self.fields["referensi_siak"].help_text = "Nomor / referensi transaksi pemutakhiran di aplikasi SIAK."
