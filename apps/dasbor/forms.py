from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone

from .models import Kanal

SATUAN = [("hari", "Per hari"), ("minggu", "Per minggu"), ("bulan", "Per bulan")]
HARI_MAKS = 400


class SaringanForm(forms.Form):
    """The dashboard's filters: period, service, channel, kecamatan/kelurahan."""

    dari = forms.DateField(label="Dari tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label="Sampai tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    satuan = forms.ChoiceField(label="Satuan waktu", choices=SATUAN, required=False)
    layanan = forms.ChoiceField(label="Layanan", required=False)
    kanal = forms.ChoiceField(label="Kanal", choices=[("", "Semua"), *Kanal.choices], required=False)
    kecamatan = forms.ChoiceField(label="Kecamatan", required=False)
    kelurahan = forms.ChoiceField(label="Kelurahan", required=False)

    def __init__(self, *args, layanan=(), wilayah=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["layanan"].choices = [("", "Semua"), *[(nama, nama) for nama in layanan]]
        self.fields["kecamatan"].choices = [("", "Semua"), *[(w.kode, w.nama) for w in wilayah if w.tingkat == "kecamatan"]]
        self.fields["kelurahan"].choices = [("", "Semua"), *[(w.kode, w.nama) for w in wilayah if w.tingkat == "kelurahan"]]
        for f in self.fields.values():
            f.widget.attrs.setdefault("class", "form-select form-select-sm" if isinstance(f, forms.ChoiceField) else "form-control form-control-sm")

    def clean(self):
        data = super().clean()
        hari_ini = timezone.localdate()
        sampai = data.get("sampai") or hari_ini
        dari = data.get("dari") or sampai - timedelta(days=29)
        if dari > sampai:
            self.add_error("dari", "Tanggal awal harus sebelum tanggal akhir.")
        elif (sampai - dari).days >= HARI_MAKS:
            self.add_error("dari", f"Periode paling panjang {HARI_MAKS} hari.")
        data["dari"], data["sampai"] = dari, sampai
        data["satuan"] = data.get("satuan") or ("bulan" if (sampai - dari).days > 92 else "hari")
        return data


class SusunLaporanForm(forms.Form):
    bulan = forms.TypedChoiceField(label="Bulan", coerce=int, choices=[(i, f"{i:02d}") for i in range(1, 13)])
    tahun = forms.IntegerField(label="Tahun", min_value=2020, max_value=2100)


def baca_saringan(data, user):
    """The filter form bound to ``data`` with the user's services and the regions, and the
    ``Saringan`` it gives (None while the form has errors)."""
    from apps.penduduk.models import Wilayah

    from .selectors import Saringan, pilihan_layanan

    wilayah = list(Wilayah.objects.filter(tingkat__in=["kecamatan", "kelurahan"]).order_by("kode").only("kode", "nama", "tingkat"))
    form = SaringanForm(data or {}, layanan=pilihan_layanan(user), wilayah=wilayah)
    if not form.is_valid():
        return form, None
    return form, Saringan.dari_data(form.cleaned_data)
