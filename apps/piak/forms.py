"""Forms of PIAK: the intake of information requests and complaints (public and staff) and the
action forms of the steps."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from apps.core.forms import AksiModelForm
from apps.core.lampiran import LampiranField

from .models import JenisPengaduan, Pengaduan, Saluran

# The public form takes a smaller screenshot than staff uploads: it is open to anyone.
UKURAN_MAKS_PUBLIK = 2 * 1024 * 1024
ISI_MAKS = 4000
_NIK = re.compile(r"^\d{16}$")


def bersih_nik(nilai: str) -> str:
    nilai = (nilai or "").strip()
    if nilai and not _NIK.match(nilai):
        raise ValidationError("NIK terdiri dari 16 angka.")
    return nilai


class _PengaduanDasarForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis", choices=JenisPengaduan.choices, initial=JenisPengaduan.PENGADUAN)
    nama = forms.CharField(label="Nama lengkap", max_length=120)
    nik = forms.CharField(label="NIK (bila ada)", max_length=16, required=False)
    email = forms.EmailField(label="Email", required=False, max_length=254)
    telepon = forms.RegexField(label="Telepon / WhatsApp", regex=r"^\+?[0-9 \-]{6,20}$", max_length=20, required=False,
                               error_messages={"invalid": "Nomor telepon hanya berisi angka (6–20 digit)."})
    isi = forms.CharField(label="Isi permintaan informasi / pengaduan", max_length=ISI_MAKS, min_length=10,
                          widget=forms.Textarea(attrs={"rows": 6, "maxlength": ISI_MAKS}))
    lampiran = LampiranField(label="Tangkapan layar / dokumen pendukung (opsional)", required=False)

    def clean_nik(self):
        return bersih_nik(self.cleaned_data.get("nik"))


class PengaduanPublikForm(_PengaduanDasarForm):
    """The web form (no account). ``situs`` is a honeypot: hidden from people, filled by bots."""

    situs = forms.CharField(required=False, label="Kosongkan isian ini",
                            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = "Jawaban dan kode lacak dikirim ke alamat ini."
        self.fields["lampiran"].help_text = f"PDF, JPG atau PNG; maksimal {filesizeformat(UKURAN_MAKS_PUBLIK)}."

    def clean_lampiran(self):
        berkas = self.cleaned_data.get("lampiran")
        if berkas and berkas.size > UKURAN_MAKS_PUBLIK:
            raise ValidationError(f"Ukuran berkas melebihi {filesizeformat(UKURAN_MAKS_PUBLIK)}.")
        return berkas

    @property
    def terisi_bot(self) -> bool:
        return bool(self.data.get("situs"))


class PengaduanPetugasForm(_PengaduanDasarForm):
    """Front office (walk-in), social media operator, or an SP4N-LAPOR! complaint."""

    saluran = forms.ChoiceField(label="Saluran")
    medsos_platform = forms.CharField(label="Platform (Instagram, Facebook, WhatsApp, ...)", max_length=40, required=False)
    medsos_akun = forms.CharField(label="Akun / nomor pengirim", max_length=100, required=False)
    medsos_tautan = forms.URLField(label="Tautan unggahan / percakapan", required=False, assume_scheme="https")
    nomor_tiket_lapor = forms.CharField(label="Nomor tiket SP4N-LAPOR!", max_length=40, required=False)

    def __init__(self, *args, saluran_boleh=(), **kwargs):
        super().__init__(*args, **kwargs)
        label = dict(Saluran.choices)
        self.fields["saluran"].choices = [(s, label[s]) for s in saluran_boleh]
        if len(saluran_boleh) == 1:
            self.fields["saluran"].initial = saluran_boleh[0]
        self.order_fields(["saluran"])

    def clean(self):
        data = super().clean()
        saluran = data.get("saluran")
        if saluran == Saluran.MEDSOS:
            for f in ("medsos_platform", "medsos_akun"):
                if not data.get(f):
                    self.add_error(f, "Wajib diisi untuk pesan media sosial / perpesanan.")
        if saluran == Saluran.LAPOR and not data.get("nomor_tiket_lapor"):
            self.add_error("nomor_tiket_lapor", "Nomor tiket SP4N-LAPOR! wajib diisi.")
        return data


class TeruskanForm(AksiModelForm):
    class Meta:
        model = Pengaduan
        fields = ["bidang", "tenggat_bidang"]
        widgets = {"tenggat_bidang": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for f in ("bidang", "tenggat_bidang"):
            self.fields[f].required = True

    def clean_tenggat_bidang(self):
        tanggal = self.cleaned_data["tenggat_bidang"]
        if tanggal < timezone.localdate():
            raise ValidationError("Batas jawaban tidak boleh sebelum hari ini.")
        return tanggal


class JawabanBidangForm(AksiModelForm):
    class Meta:
        model = Pengaduan
        fields = ["jawaban_bidang"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jawaban_bidang"].required = True


class JawabanForm(AksiModelForm):
    class Meta:
        model = Pengaduan
        fields = ["jawaban"]
        help_texts = {"jawaban": "Dikirim ke warga lewat email dan tampil di halaman cek status."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jawaban"].required = True
        if self.objek is not None and not self.is_bound and not self.initial.get("jawaban"):
            self.initial["jawaban"] = self.objek.jawaban_bidang


class BukaUlangForm(forms.Form):
    alasan = forms.CharField(label="Mengapa jawaban belum menyelesaikan masalah Anda?", max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class SkmForm(forms.Form):
    """The nine SKM elements on the 1–4 scale and an optional comment."""

    saran = forms.CharField(label="Saran / komentar (opsional)", required=False, max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        from .models import SKALA, UNSUR_SKM

        super().__init__(*args, **kwargs)
        for i, (kode, label) in enumerate(UNSUR_SKM, start=1):
            self.fields[kode] = forms.TypedChoiceField(
                label=f"{i}. {label}", choices=SKALA, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": "Pilih salah satu nilai."})
        self.order_fields([k for k, _ in UNSUR_SKM] + ["saran"])

    def nilai(self) -> dict[str, int]:
        from .models import UNSUR_SKM

        return {k: self.cleaned_data[k] for k, _ in UNSUR_SKM}
