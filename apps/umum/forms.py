"""Forms of P.1.2.1.2 (surat masuk) and P.1.2.2 (kearsipan).

The action forms extend the kernel's ``AksiForm``/``AksiModelForm`` (version, note and optional
attachment come with them); the transitions name them in ``custom={"form": ...}``.
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.akun.roles import NAMA_PERAN
from apps.core.forms import AksiForm, AksiModelForm
from apps.core.hari_kerja import tambah_hari_kerja
from apps.core.lampiran import LampiranField

from .models import PERAN_TUJUAN, Instruksi, KlasifikasiArsip, SuratMasuk

FIELD_SURAT = ["asal", "pengirim", "nomor_surat", "tanggal_surat", "tanggal_diterima", "perihal", "sifat"]
TANGGAL = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
# How long a target gets by default to follow a disposition up.
HARI_KERJA_TINDAK_LANJUT = 5


class _DataSuratMixin:
    """The letter's own data, checked the same way at entry and when the tata usaha corrects it."""

    def clean(self):
        data = super().clean()
        hari_ini = timezone.localdate()
        tgl_surat, tgl_terima = data.get("tanggal_surat"), data.get("tanggal_diterima")
        if tgl_terima and tgl_terima > hari_ini:
            self.add_error("tanggal_diterima", "Tanggal diterima tidak boleh setelah hari ini.")
        if tgl_surat and tgl_terima and tgl_surat > tgl_terima:
            self.add_error("tanggal_surat", "Tanggal surat tidak boleh setelah tanggal diterima.")
        nomor = (data.get("nomor_surat") or "").strip()
        if nomor and data.get("pengirim") and tgl_surat:
            sama = (
                SuratMasuk.objects.filter(pengirim__iexact=data["pengirim"].strip(), nomor_surat__iexact=nomor,
                                          tanggal_surat=tgl_surat)
                .exclude(pk=self.instance.pk)
                .first()
            )
            if sama:
                self.add_error("nomor_surat", f"Surat ini sudah dicatat dengan nomor agenda {sama.agenda}.")
        return data


class SuratMasukForm(_DataSuratMixin, forms.ModelForm):
    """P.1.2.1.2 — entering an incoming letter (tata usaha)."""

    pindaian = LampiranField(label="Pindaian surat")

    class Meta:
        model = SuratMasuk
        fields = FIELD_SURAT
        widgets = {"tanggal_surat": TANGGAL, "tanggal_diterima": TANGGAL}


class PerbaikanSuratForm(_DataSuratMixin, AksiModelForm):
    """The tata usaha corrects what the kadis sent back; a new scan replaces a wrong one."""

    class Meta:
        model = SuratMasuk
        fields = FIELD_SURAT
        widgets = {"tanggal_surat": TANGGAL, "tanggal_diterima": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lampiran"].label = "Pindaian pengganti (opsional)"

    def daftar_lampiran(self) -> list:
        berkas = self.cleaned_data.get("lampiran")
        return [(berkas, "Pindaian surat (pengganti)")] if berkas else []


class PilihanPegawai(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        jabatan = ", ".join(NAMA_PERAN.get(g.name, g.name) for g in obj.groups.all() if g.name in PERAN_TUJUAN)
        return f"{obj.get_full_name() or obj.username} ({jabatan})"


class DisposisiForm(AksiForm):
    """P.1.2.1.2 — the lembar disposisi of the kepala OPD: to whom, what to do, by when."""

    tujuan_jabatan = forms.MultipleChoiceField(
        label="Tujuan: jabatan", required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(k, NAMA_PERAN.get(k, k)) for k in PERAN_TUJUAN],
        help_text="Siapa pun yang memegang jabatan itu dapat menindaklanjuti.",
    )
    tujuan_pengguna = PilihanPegawai(
        label="Tujuan: pegawai tertentu", required=False, widget=forms.CheckboxSelectMultiple, queryset=None,
    )
    instruksi = forms.MultipleChoiceField(
        label="Instruksi", required=False, widget=forms.CheckboxSelectMultiple, choices=Instruksi.choices
    )
    instruksi_lain = forms.CharField(
        label="Instruksi lain", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )
    batas_waktu = forms.DateField(label="Batas waktu tindak lanjut", widget=TANGGAL)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tujuan_pengguna"].queryset = (
            get_user_model().objects.filter(is_active=True, groups__name__in=PERAN_TUJUAN)
            .distinct().order_by("first_name", "last_name", "username").prefetch_related("groups")
        )
        self.fields["batas_waktu"].initial = tambah_hari_kerja(timezone.localdate(), HARI_KERJA_TINDAK_LANJUT)
        self.fields["catatan"].label = "Catatan disposisi (opsional)"

    def clean_batas_waktu(self):
        batas = self.cleaned_data["batas_waktu"]
        if batas < timezone.localdate():
            raise forms.ValidationError("Batas waktu tidak boleh sebelum hari ini.")
        return batas

    def clean(self):
        data = super().clean()
        if not data.get("tujuan_jabatan") and not data.get("tujuan_pengguna"):
            self.add_error("tujuan_jabatan", "Pilih sekurang-kurangnya satu tujuan: jabatan atau pegawai.")
        if not data.get("instruksi") and not (data.get("instruksi_lain") or "").strip():
            self.add_error("instruksi", "Pilih instruksi atau tuliskan instruksi lain.")
        return data


class PenerimaanForm(AksiForm):
    """P.1.2.1.2 — the caraka records who received the letter for one target, and when."""

    diterima_oleh = forms.CharField(label="Diterima oleh", max_length=120,
                                    help_text="Nama orang yang menandatangani tanda terima.")
    diterima_pada = forms.DateTimeField(
        label="Diterima pada",
        widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.objek is not None:
            self.fields["diterima_oleh"].initial = self.objek.tujuan_label
        self.fields["diterima_pada"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["lampiran"].label = "Foto atau pindaian tanda terima (opsional)"

    def clean_diterima_pada(self):
        waktu = self.cleaned_data["diterima_pada"]
        if waktu > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError("Waktu penerimaan tidak boleh di masa depan.")
        if self.objek is not None and waktu.date() < self.objek.surat.tanggal_diterima:
            raise forms.ValidationError("Waktu penerimaan tidak boleh sebelum surat diterima Dinas.")
        return waktu


class TindakLanjutForm(AksiForm):
    """P.1.2.1.2 — the target says what it did with the disposition."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields["catatan"]
        f.required = True
        f.label = "Catatan tindak lanjut"
        f.help_text = "Apa yang sudah dilakukan (mis. rapat dihadiri, jawaban dikirim dengan surat nomor …)."
        f.error_messages["required"] = "Catatan tindak lanjut wajib diisi."

    def data_aksi(self) -> dict:
        return {**super().data_aksi(), "hasil_tindak_lanjut": self.cleaned_data["catatan"].strip()}


class PilihanKlasifikasi(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{'  ' * obj.tingkat}{obj.kode} — {obj.nama}"


class ArsipkanForm(AksiModelForm):
    """P.1.2.2 — the archive code and the place in the filing cabinet."""

    klasifikasi = PilihanKlasifikasi(
        label="Kode klasifikasi arsip", queryset=KlasifikasiArsip.objects.filter(berlaku=True),
        empty_label="— pilih kode —",
    )

    class Meta:
        model = SuratMasuk
        fields = ["klasifikasi", "lemari", "laci", "map"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in ("lemari", "laci", "map"):
            self.fields[nama].required = True


class ArsipCariForm(forms.Form):
    """P.1.2.2 — finding a filed letter by code, date of the letter, sender and subject; incoming
    and outgoing letters share the archive (for an outgoing one, the addressee and its ``hal``)."""

    jenis = forms.ChoiceField(label="Surat", required=False,
                              choices=[("masuk", "Surat masuk"), ("keluar", "Surat keluar")])
    kode = forms.CharField(label="Kode klasifikasi", required=False, max_length=30,
                           widget=forms.TextInput(attrs={"placeholder": "mis. 400.12"}))
    dari = forms.DateField(label="Tanggal surat dari", required=False, widget=TANGGAL)
    sampai = forms.DateField(label="sampai", required=False, widget=TANGGAL)
    pengirim = forms.CharField(label="Pengirim / tujuan", required=False, max_length=200)
    perihal = forms.CharField(label="Perihal / hal", required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for f in self.fields.values():
            f.widget.attrs.setdefault("class", "form-control")

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            self.add_error("sampai", "Tanggal akhir harus sama dengan atau setelah tanggal awal.")
        return data

    def kriteria(self) -> dict:
        data = self.cleaned_data
        return {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()
                if v not in (None, "") and not (k == "jenis" and v == "masuk")}
