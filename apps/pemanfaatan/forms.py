"""Forms of P.7: the agreement's intake and the answers of external bodies (each with its letter),
the publication's steps and the innovation's steps."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from apps.core.forms import AksiForm, AksiModelForm
from apps.core.lampiran import LampiranField

from .models import ElemenData, HakAkses, PerjanjianData

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _SuratWajib:
    """An external body's answer is recorded with its letter attached (they do not log in)."""

    label_surat = "Pindaian surat jawaban"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields["lampiran"]
        f.required = True
        f.label = self.label_surat
        f.error_messages["required"] = "Lampirkan pindaian suratnya."

    def daftar_lampiran(self) -> list:
        berkas = self.cleaned_data.get("lampiran")
        return [(berkas, self.label_surat)] if berkas else []


class PerjanjianForm(forms.ModelForm):
    """P.7.1 intake: the institution's application for a PKS (recorded by admin PIAK)."""

    elemen_data = forms.MultipleChoiceField(label="Elemen data yang diminta", choices=ElemenData.choices,
                                            widget=forms.CheckboxSelectMultiple)
    hak_akses = forms.MultipleChoiceField(label="Hak akses", choices=HakAkses.choices,
                                          widget=forms.CheckboxSelectMultiple)
    surat_permohonan = LampiranField(label="Pindaian surat permohonan")

    class Meta:
        model = PerjanjianData
        fields = ["nama_lembaga", "jenis_lembaga", "alamat_lembaga", "kontak_lembaga", "tujuan", "elemen_data",
                  "hak_akses", "dasar_hukum"]
        widgets = {"tujuan": forms.Textarea(attrs={"rows": 3}), "jenis_lembaga": forms.RadioSelect}


class HasilBagpemForm(_SuratWajib, AksiForm):
    label_surat = "Pindaian hasil verifikasi Bagian Pemerintahan"


class KsbAdaForm(_SuratWajib, AksiModelForm):
    label_surat = "Pindaian hasil verifikasi Bagian Pemerintahan"

    class Meta:
        model = PerjanjianData
        fields = ["nomor_ksb"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomor_ksb"].required = True


class DisposisiWalikotaForm(_SuratWajib, AksiModelForm):
    label_surat = "Pindaian lembar disposisi Wali Kota"

    class Meta:
        model = PerjanjianData
        fields = ["disposisi_walikota"]
        widgets = {"disposisi_walikota": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["disposisi_walikota"].required = True


class KsbSahForm(_SuratWajib, AksiModelForm):
    label_surat = "Pindaian KSB yang telah disahkan"

    class Meta:
        model = PerjanjianData
        fields = ["nomor_ksb", "tanggal_ksb"]
        widgets = {"tanggal_ksb": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomor_ksb"].required = True
        self.fields["tanggal_ksb"].required = True


class PersetujuanDitjenForm(_SuratWajib, AksiModelForm):
    label_surat = "Pindaian surat persetujuan Ditjen Dukcapil"

    class Meta:
        model = PerjanjianData
        fields = ["nomor_surat_ditjen", "persetujuan_ditjen"]
        widgets = {"persetujuan_ditjen": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomor_surat_ditjen"].required = True
        self.fields["persetujuan_ditjen"].required = True


class PenyesuaianPksForm(AksiModelForm):
    """The PKS as adjusted (to the Ditjen's directions): number, elements, rights, validity."""

    elemen_data = forms.MultipleChoiceField(label="Elemen data", choices=ElemenData.choices,
                                            widget=forms.CheckboxSelectMultiple)
    hak_akses = forms.MultipleChoiceField(label="Hak akses", choices=HakAkses.choices,
                                          widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = PerjanjianData
        fields = ["nomor_pks", "elemen_data", "hak_akses", "tanggal_mulai", "tanggal_berakhir"]
        widgets = {"tanggal_mulai": TANGGAL, "tanggal_berakhir": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in ("nomor_pks", "tanggal_mulai", "tanggal_berakhir"):
            self.fields[nama].required = True
        hari_ini = timezone.localdate()
        if not self.initial.get("tanggal_mulai"):
            self.initial["tanggal_mulai"] = hari_ini
        if not self.initial.get("tanggal_berakhir"):
            self.initial["tanggal_berakhir"] = hari_ini.replace(year=hari_ini.year + 5) if not (
                hari_ini.month == 2 and hari_ini.day == 29) else hari_ini.replace(year=hari_ini.year + 5, day=28)

    def clean(self):
        data = super().clean()
        mulai, akhir = data.get("tanggal_mulai"), data.get("tanggal_berakhir")
        if mulai and akhir and akhir <= mulai:
            self.add_error("tanggal_berakhir", "Tanggal berakhir harus sesudah tanggal mulai.")
        return data


class TtdMitraForm(_SuratWajib, AksiForm):
    """The institution's signature (set on the record by the transition: the step's condition
    reads it, so the form must not write it first)."""

    label_surat = "Pindaian halaman tanda tangan lembaga"
    penandatangan = forms.CharField(label="Penandatangan pihak lembaga", max_length=150)
    tanggal = forms.DateField(label="Tanggal tanda tangan", widget=TANGGAL)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].initial = timezone.localdate()

    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError("Tanggal tanda tangan tidak boleh di masa depan.")
        return tanggal


class TtdDinasForm(TtdMitraForm):
    label_surat = "Pindaian halaman tanda tangan Dinas"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penandatangan"].label = "Penandatangan pihak Dinas"


class PenyerahanForm(AksiModelForm):
    class Meta:
        model = PerjanjianData
        fields = ["dokumen_diserahkan_pada"]
        widgets = {"dokumen_diserahkan_pada": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dokumen_diserahkan_pada"].required = True
        self.initial["dokumen_diserahkan_pada"] = self.initial.get("dokumen_diserahkan_pada") or timezone.localdate()


# -- P.7.2 ---------------------------------------------------------------------------------------
class SnapshotForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    semester = forms.TypedChoiceField(label="Semester", coerce=int, choices=[(1, "Semester I (30 Juni)"),
                                                                             (2, "Semester II (31 Desember)")])

    def clean(self):
        from .models import SnapshotDKB
        from .models.publikasi import tanggal_semester

        data = super().clean()
        tahun, semester = data.get("tahun"), data.get("semester")
        if tahun and semester:
            if tanggal_semester(tahun, semester) > timezone.localdate():
                self.add_error("semester", "Semester ini belum berakhir; DKB dibekukan setelah tanggal datanya.")
            elif SnapshotDKB.objects.filter(tahun=tahun, semester=semester).exists():
                self.add_error("semester", "DKB semester ini sudah dibekukan dan tidak dapat diubah.")
        return data


class PublikasiForm(forms.ModelForm):
    class Meta:
        from .models import PublikasiAgregat

        model = PublikasiAgregat
        fields = ["snapshot", "judul", "pengantar", "ambang_sel_kecil"]
        widgets = {"pengantar": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        from .models import SnapshotDKB

        super().__init__(*args, **kwargs)
        self.fields["snapshot"].queryset = SnapshotDKB.objects.filter(publikasi__isnull=True)
        self.fields["snapshot"].label = "DKB semester"
        self.fields["ambang_sel_kecil"].initial = getattr(settings, "PEMANFAATAN_AMBANG_SEL_KECIL", 5)
        self.fields["ambang_sel_kecil"].min_value = 2


class DrafPublikasiForm(AksiModelForm):
    """The team adjusts the draft as a reviewer asked (title, foreword, small-cell threshold)."""

    class Meta:
        from .models import PublikasiAgregat

        model = PublikasiAgregat
        fields = ["judul", "pengantar", "ambang_sel_kecil"]
        widgets = {"pengantar": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ambang_sel_kecil"].min_value = 2
        self.fields["ambang_sel_kecil"].widget.attrs["min"] = 2


class PembahasanForm(AksiModelForm):
    class Meta:
        from .models import PublikasiAgregat

        model = PublikasiAgregat
        fields = ["notulen_pembahasan"]
        widgets = {"notulen_pembahasan": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notulen_pembahasan"].required = True


class StatistikFilterForm(forms.Form):
    kecamatan = forms.ChoiceField(label="Kecamatan", required=False)
    kelurahan = forms.ChoiceField(label="Kelurahan", required=False)

    def __init__(self, *args, wilayah=(), **kwargs):
        super().__init__(*args, **kwargs)
        kec = [(w.kode, w.nama) for w in wilayah if w.tingkat == "kecamatan"]
        kel = [(w.kode, f"{w.nama}") for w in wilayah if w.tingkat == "kelurahan"]
        self.fields["kecamatan"].choices = [("", "Semua kecamatan"), *kec]
        self.fields["kelurahan"].choices = [("", "Semua kelurahan"), *kel]


# -- P.7.3 ---------------------------------------------------------------------------------------
class InovasiForm(forms.ModelForm):
    class Meta:
        from .models import Inovasi

        model = Inovasi
        fields = ["judul", "gagasan"]
        widgets = {"gagasan": forms.Textarea(attrs={"rows": 5})}


def _inovasi_form(nama_fields, wajib=None, **widgets):
    from .models import Inovasi

    meta = type("Meta", (), {"model": Inovasi, "fields": nama_fields,
                             "widgets": {k: forms.Textarea(attrs={"rows": 3}) for k in widgets.get("teks", ())}})

    def __init__(self, *args, **kwargs):
        AksiModelForm.__init__(self, *args, **kwargs)
        for n in wajib or nama_fields:
            self.fields[n].required = True

    return type("Form", (AksiModelForm,), {"Meta": meta, "__init__": __init__})


KajianForm = _inovasi_form(["dasar_aturan", "jenis_inovasi", "cakupan"], teks=["dasar_aturan"])
TimForm = _inovasi_form(["anggota_tim"], teks=["anggota_tim"])
RancanganForm = _inovasi_form(["rancangan"], teks=["rancangan"])
PengadaanForm = _inovasi_form(["kode_paket_spse", "penyedia", "nomor_kontrak"])


class UjiForm(AksiForm):
    """PIAK's internal check of the vendor's tool: every item must hold."""

    def __init__(self, *args, **kwargs):
        from .models import DAFTAR_UJI

        super().__init__(*args, **kwargs)
        for kode, label in DAFTAR_UJI:
            self.fields[f"uji_{kode}"] = forms.BooleanField(label=label, required=True, error_messages={
                "required": "Butir ini harus terpenuhi sebelum tools dinyatakan layak."})


class SosialisasiForm(AksiModelForm):
    """What the public "Inovasi Layanan" page says about it."""

    tautan = forms.URLField(label="Tautan layanan", required=False, assume_scheme="https")

    class Meta:
        from .models import Inovasi

        model = Inovasi
        fields = ["deskripsi_publik", "cara_penggunaan", "tautan"]
        widgets = {"deskripsi_publik": forms.Textarea(attrs={"rows": 3}),
                   "cara_penggunaan": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deskripsi_publik"].required = True
        self.fields["cara_penggunaan"].required = True
