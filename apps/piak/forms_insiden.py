"""Forms of P.6.1: the report and the steps of the PIAK official."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.core.forms import AksiModelForm
from apps.core.lampiran import LampiranField

from .models import Insiden, Penyedia


class LaporInsidenForm(forms.ModelForm):
    tangkapan_layar = LampiranField(label="Tangkapan layar", required=False)

    class Meta:
        model = Insiden
        fields = ["layanan", "gejala", "sejak", "mengganggu_layanan"]
        widgets = {"sejak": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                   "gejala": forms.Textarea(attrs={"rows": 4})}

    def clean_sejak(self):
        sejak = self.cleaned_data["sejak"]
        if sejak > timezone.now() + timedelta(minutes=5):
            raise ValidationError("Waktu kejadian tidak boleh di masa depan.")
        return sejak


class _WajibForm(AksiModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in self._meta.fields:
            self.fields[nama].required = True


class KlasifikasiLokalForm(_WajibForm):
    class Meta:
        model = Insiden
        fields = ["penyedia"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penyedia"].queryset = Penyedia.objects.filter(aktif=True)


class KlasifikasiPusatForm(_WajibForm):
    class Meta:
        model = Insiden
        fields = ["nomor_tiket_pusat"]


class SerahPerangkatForm(_WajibForm):
    class Meta:
        model = Insiden
        fields = ["aset_pengganti", "diserahkan_kepada"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from apps.umum.models import Aset

        self.fields["aset_pengganti"].queryset = Aset.tersedia()
        self.fields["diserahkan_kepada"].help_text = "Teknisi penyedia / vendor / Diskominfo yang menerima perangkat."
        # Read before validation copies the choice onto the record.
        self._sudah_diserahkan = bool(self.instance.aset_pengganti_id)

    def clean(self):
        data = super().clean()
        if self._sudah_diserahkan:
            raise ValidationError("Perangkat pengganti untuk gangguan ini sudah diserahkan.")
        return data


class TindakanPenyediaForm(_WajibForm):
    class Meta:
        model = Insiden
        fields = ["tindakan_penyedia"]


class JawabanPusatForm(_WajibForm):
    class Meta:
        model = Insiden
        fields = ["jawaban_pusat"]
