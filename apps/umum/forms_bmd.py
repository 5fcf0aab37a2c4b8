"""Forms of P.1.2.3 (BMD: stock-take, needs, RKBMD)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from apps.core.forms import AksiForm

from .models import Aset, Inventarisasi, KebutuhanBarang
from .models.aset import KondisiAset


class InventarisasiForm(forms.ModelForm):
    """P.1.2.3.1 — the pengurus barang opens the year's stock-take."""

    class Meta:
        model = Inventarisasi
        fields = ["tahun_anggaran", "instruksi", "tenggat"]
        widgets = {"instruksi": forms.Textarea(attrs={"rows": 3}),
                   "tenggat": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tenggat"].label = "Batas pengisian kebutuhan"


class KebutuhanForm(AksiForm):
    """P.1.2.3.2 — one item a division needs (a row of the RKBMD)."""

    bidang = forms.CharField(label="Bidang", max_length=120)
    kode_barang = forms.CharField(label="Kode barang (bila diketahui)", max_length=40, required=False)
    nama_barang = forms.CharField(label="Nama barang", max_length=200)
    jumlah = forms.IntegerField(label="Jumlah", min_value=1)
    satuan = forms.CharField(label="Satuan", max_length=30, initial="unit")
    harga_satuan = forms.DecimalField(label="Perkiraan harga satuan (Rp)", min_value=0, max_digits=17, decimal_places=2)
    alasan = forms.CharField(label="Alasan kebutuhan", widget=forms.Textarea(attrs={"rows": 2}))


class CekAsetForm(AksiForm):
    """P.1.2.3.3 — what the pengurus barang found for one item of the register."""

    aset = forms.ModelChoiceField(label="Barang", queryset=Aset.objects.filter(aktif=True))
    kondisi = forms.ChoiceField(label="Kondisi", choices=KondisiAset.choices)
    lokasi = forms.CharField(label="Lokasi", max_length=200)
    pemegang = forms.ModelChoiceField(label="Pemegang", required=False, queryset=get_user_model().objects.filter(is_active=True))


__all__ = ["CekAsetForm", "InventarisasiForm", "KebutuhanBarang", "KebutuhanForm"]
