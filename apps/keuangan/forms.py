"""Forms of P.1.1, P.2 and P.3.1: amounts are ``RupiahField`` (Decimal, typed "1.234.567,89")."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from apps.core.forms import AksiForm, AksiModelForm
from apps.core.lampiran import LampiranField

from .models import (
    DOKUMEN_SPJ,
    BarisDPA,
    DokumenPerencanaan,
    JenisLaporanKinerja,
    JenisPerencanaan,
    LaporanKeuangan,
    LaporanKinerja,
    NotaPencairanDana,
    PenugasanLaporan,
    PermintaanPembayaran,
    StatusPerencanaan,
    baca_baris_dpa,
)
from .uang import RupiahField

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _LampiranWajib:
    """Action forms whose named scans are required and go to the record's attachments."""

    berkas_wajib: tuple[tuple[str, str], ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, label in self.berkas_wajib:
            self.fields[nama] = LampiranField(label=label, required=True)

    def daftar_lampiran(self) -> list:
        hasil = [(self.cleaned_data[nama], label) for nama, label in self.berkas_wajib if self.cleaned_data.get(nama)]
        return hasil + super().daftar_lampiran()

    def data_aksi(self) -> dict:
        data = super().data_aksi()
        for nama, _ in self.berkas_wajib:
            data.pop(nama, None)
        return data


def _tidak_di_masa_depan(tanggal, label: str):
    if tanggal and tanggal > timezone.localdate():
        raise forms.ValidationError(f"{label} tidak boleh setelah hari ini.")
    return tanggal


# -- P.2.1 ----------------------------------------------------------------------------------------
PETUNJUK_DPA = "Untuk DPA: satu baris anggaran per baris, “kode rekening | uraian | pagu”, mis. “5.1.02.01.01.0024 | Belanja alat tulis kantor | 12.500.000,00”."


def _periksa_isi(jenis: str, isi: str) -> str:
    if jenis == JenisPerencanaan.DPA:
        try:
            baris = baca_baris_dpa(isi)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
        if not baris:
            raise forms.ValidationError("DPA harus memuat sekurang-kurangnya satu baris anggaran.")
    return isi


class DokumenPerencanaanForm(forms.ModelForm):
    isi = forms.CharField(label="Isi (versi 1)", widget=forms.Textarea(attrs={"rows": 10}), help_text=PETUNJUK_DPA)

    class Meta:
        model = DokumenPerencanaan
        fields = ["jenis", "judul", "tahun", "triwulan"]
        help_texts = {"tahun": "Renstra: tahun pertama dari lima tahun.", "triwulan": "Hanya untuk Monev."}

    def clean(self):
        data = super().clean()
        jenis = data.get("jenis")
        if jenis == JenisPerencanaan.MONEV and not data.get("triwulan"):
            self.add_error("triwulan", "Monev disusun per triwulan: pilih triwulannya.")
        elif jenis and jenis != JenisPerencanaan.MONEV and data.get("triwulan"):
            self.add_error("triwulan", "Triwulan hanya diisi untuk Monev.")
        if jenis and data.get("isi"):
            try:
                _periksa_isi(jenis, data["isi"])
            except forms.ValidationError as exc:
                self.add_error("isi", exc)
        return data


class VersiPerencanaanForm(AksiForm):
    """A revision: the whole text of the new version and what changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        terakhir = self.objek.versi_dokumen.order_by("-nomor").first() if self.objek is not None else None
        self.fields["isi"] = forms.CharField(label="Isi versi baru", widget=forms.Textarea(attrs={"rows": 12}),
                                             initial=terakhir.isi if terakhir else "", help_text=PETUNJUK_DPA)
        self.fields["catatan_perubahan"] = forms.CharField(label="Apa yang berubah", max_length=300)
        self.order_fields(["isi", "catatan_perubahan"])

    def clean_isi(self):
        return _periksa_isi(self.objek.jenis, self.cleaned_data["isi"])


# -- P.3.1 ----------------------------------------------------------------------------------------
class PermintaanPembayaranForm(forms.ModelForm):
    jumlah = RupiahField(label="Jumlah diminta (Rp)")

    class Meta:
        model = PermintaanPembayaran
        fields = ["baris_dpa", "kegiatan", "penerima", "jumlah"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only lines of an approved DPA are a budget to spend against.
        self.fields["baris_dpa"].queryset = BarisDPA.objects.filter(
            dokumen__status__in=[StatusPerencanaan.DISETUJUI, StatusPerencanaan.DITERBITKAN]
        ).select_related("dokumen")
        self.fields["baris_dpa"].help_text = "Baris anggaran DPA yang disetujui; sisa pagu dicek saat disimpan."


class MetodeForm(AksiModelForm):
    class Meta:
        model = PermintaanPembayaran
        fields = ["metode"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metode"].required = True
        self.fields["metode"].widget = forms.RadioSelect(choices=self.fields["metode"].choices[1:])


class SPJPembayaranForm(_LampiranWajib, AksiForm):
    berkas_wajib = (("spj", "Dokumen SPJ (pertanggungjawaban)"),)


class SP2DForm(AksiModelForm):
    sp2d_jumlah = RupiahField(label="Jumlah SP2D (Rp)")

    class Meta:
        model = PermintaanPembayaran
        fields = ["sp2d_nomor", "sp2d_tanggal", "sp2d_jumlah"]
        widgets = {"sp2d_tanggal": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sp2d_nomor"].required = True
        self.fields["sp2d_tanggal"].required = True

    def clean_sp2d_tanggal(self):
        return _tidak_di_masa_depan(self.cleaned_data.get("sp2d_tanggal"), "Tanggal SP2D")

    def clean_sp2d_jumlah(self):
        nilai = self.cleaned_data.get("sp2d_jumlah")
        if nilai is not None and nilai > self.instance.jumlah:
            raise forms.ValidationError("Jumlah SP2D melebihi jumlah yang diminta.")
        return nilai


# -- P.1.1 ----------------------------------------------------------------------------------------
class NotaPencairanDanaForm(forms.ModelForm):
    jumlah = RupiahField(label="Jumlah NPD (Rp)")

    class Meta:
        model = NotaPencairanDana
        fields = ["kegiatan", "penyedia", "jumlah"]


class SPJPengadaanForm(_LampiranWajib, AksiForm):
    berkas_wajib = DOKUMEN_SPJ


class PeriksaSPJForm(AksiForm):
    """The bendahara ticks each supplier document as checked against the NPD."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, label in DOKUMEN_SPJ:
            self.fields[f"cek_{nama}"] = forms.BooleanField(
                label=f"{label} lengkap dan sesuai", required=True,
                error_messages={"required": "Centang bila sudah diperiksa; bila tidak sesuai, kembalikan SPJ."},
            )
        self.order_fields([f"cek_{n}" for n, _ in DOKUMEN_SPJ])


class BayarNPDForm(AksiModelForm):
    jumlah_dibayar = RupiahField(label="Jumlah dibayar (Rp)")

    class Meta:
        model = NotaPencairanDana
        fields = ["tanggal_bayar", "jumlah_dibayar"]
        widgets = {"tanggal_bayar": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal_bayar"].required = True

    def clean_tanggal_bayar(self):
        return _tidak_di_masa_depan(self.cleaned_data.get("tanggal_bayar"), "Tanggal pembayaran")

    def clean_jumlah_dibayar(self):
        nilai = self.cleaned_data.get("jumlah_dibayar")
        if nilai is not None and nilai > self.instance.jumlah:
            raise forms.ValidationError("Jumlah dibayar melebihi jumlah NPD.")
        return nilai


class PenyerahanForm(AksiModelForm):
    class Meta:
        model = NotaPencairanDana
        fields = ["tanggal_diterima", "keterangan_penyerahan"]
        widgets = {"tanggal_diterima": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal_diterima"].required = True
        self.fields["keterangan_penyerahan"].required = True
        self.fields["lampiran"].label = "Foto/berita acara serah terima (opsional)"

    def clean_tanggal_diterima(self):
        return _tidak_di_masa_depan(self.cleaned_data.get("tanggal_diterima"), "Tanggal penerimaan")


# -- P.2.2 ----------------------------------------------------------------------------------------
class _SuratPermintaan:
    """The request letter: picked from the incoming letters (P.1.2.1.2) the user may open, or its
    scan uploaded here."""

    def __init__(self, *args, pengguna=None, **kwargs):
        super().__init__(*args, **kwargs)
        from apps.umum.models import SuratMasuk

        f = self.fields["surat_masuk"]
        f.queryset = SuratMasuk.untuk_pengguna(pengguna).order_by("-pk") if pengguna else SuratMasuk.objects.none()
        f.help_text = "Bila surat sudah dicatat di agenda surat masuk; pindaiannya ada di sana."
        self.fields["surat"].required = False
        self.fields["surat"].help_text = "Wajib bila surat tidak dipilih dari agenda surat masuk."

    def clean(self):
        data = super().clean()
        if not data.get("surat_masuk") and not data.get("surat") and "surat" not in self.errors:
            self.add_error("surat", "Pilih surat dari agenda surat masuk atau unggah pindaiannya.")
        return data


class LaporanKinerjaForm(_SuratPermintaan, forms.ModelForm):
    surat = LampiranField(label="Pindaian surat permintaan Bagian Organisasi", required=False)

    class Meta:
        model = LaporanKinerja
        fields = ["jenis", "tahun", "nomor_surat_permintaan", "tanggal_surat_permintaan", "surat_masuk"]
        widgets = {"tanggal_surat_permintaan": TANGGAL}

    def clean_tanggal_surat_permintaan(self):
        return _tidak_di_masa_depan(self.cleaned_data.get("tanggal_surat_permintaan"), "Tanggal surat")


class LaporanKeuanganForm(_SuratPermintaan, forms.ModelForm):
    surat = LampiranField(label="Pindaian surat permintaan BPKA", required=False)

    class Meta:
        model = LaporanKeuangan
        fields = ["periode", "nomor_surat_permintaan", "tanggal_surat_permintaan", "surat_masuk"]
        widgets = {"tanggal_surat_permintaan": TANGGAL}

    def clean_tanggal_surat_permintaan(self):
        return _tidak_di_masa_depan(self.cleaned_data.get("tanggal_surat_permintaan"), "Tanggal surat")


class PenugasanForm(forms.ModelForm):
    class Meta:
        model = PenugasanLaporan
        fields = ["bidang", "uraian", "tenggat"]
        widgets = {"tenggat": TANGGAL}


class KirimLaporanForm(_LampiranWajib, AksiForm):
    berkas_wajib = (("laporan", "Berkas laporan yang dikirim"),)


class JawabanBPKAForm(_LampiranWajib, AksiForm):
    berkas_wajib = (("surat_jawaban", "Surat/hasil reviu BPKA"),)


class NilaiKinerjaForm(_LampiranWajib, AksiModelForm):
    berkas_wajib = (("surat_hasil", "Surat hasil penilaian Inspektorat"),)

    class Meta:
        model = LaporanKinerja
        fields = ["nilai", "predikat", "dinilai_pada"]
        widgets = {"dinilai_pada": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nilai"].required = True
        self.fields["nilai"].min_value = 0
        self.fields["dinilai_pada"].required = True
        self.fields["predikat"].help_text = "Wajib untuk SAKIP."

    def clean_nilai(self):
        nilai = self.cleaned_data.get("nilai")
        if nilai is not None and not (0 <= nilai <= 100):
            raise forms.ValidationError("Nilai antara 0 dan 100.")
        return nilai

    def clean_dinilai_pada(self):
        return _tidak_di_masa_depan(self.cleaned_data.get("dinilai_pada"), "Tanggal penilaian")

    def clean(self):
        data = super().clean()
        if self.instance.jenis == JenisLaporanKinerja.SAKIP and not data.get("predikat"):
            self.add_error("predikat", "Predikat SAKIP wajib diisi.")
        return data
