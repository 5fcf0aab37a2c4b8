"""Forms of P.1.3.1 (kenaikan pangkat, cuti, pensiun)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from apps.core.forms import AksiForm, AksiModelForm
from apps.core.lampiran import LampiranField

from .models import JenisCuti, JenisUsulan, UsulanKepegawaian, hari_kerja_antara, saldo_cuti_tahunan

TANGGAL = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
FIELD_USULAN = ["jenis", "keterangan", "pangkat_sekarang", "pangkat_usulan", "jenis_cuti", "tanggal_mulai",
                "tanggal_selesai", "alamat_selama_cuti", "tmt_pensiun"]
WIDGET_USULAN = {"tanggal_mulai": TANGGAL, "tanggal_selesai": TANGGAL, "tmt_pensiun": TANGGAL,
                 "keterangan": forms.Textarea(attrs={"rows": 3})}


class _UsulanMixin:
    """What each kind of request needs, and the cuti tahunan balance check (errors at the field)."""

    def clean(self):
        data = super().clean()
        jenis = data.get("jenis") or getattr(self.instance, "jenis", "")
        wajib = {
            JenisUsulan.KENAIKAN_PANGKAT: ["pangkat_sekarang", "pangkat_usulan"],
            JenisUsulan.CUTI: ["jenis_cuti", "tanggal_mulai", "tanggal_selesai", "alamat_selama_cuti"],
            JenisUsulan.PENSIUN: ["tmt_pensiun"],
        }.get(jenis, [])
        for nama in wajib:
            if nama in self.fields and not data.get(nama):
                self.add_error(nama, "Wajib diisi untuk usulan ini.")
        if jenis == JenisUsulan.CUTI:
            self._periksa_cuti(data)
        return data

    def _periksa_cuti(self, data) -> None:
        mulai, selesai = data.get("tanggal_mulai"), data.get("tanggal_selesai")
        if not (mulai and selesai):
            return
        if selesai < mulai:
            self.add_error("tanggal_selesai", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
            return
        if mulai.year != selesai.year:
            self.add_error("tanggal_selesai", "Ajukan cuti yang melewati pergantian tahun sebagai dua usulan.")
            return
        if data.get("jenis_cuti") == JenisCuti.TAHUNAN:
            saldo = saldo_cuti_tahunan(self.pegawai_usulan, mulai.year, kecuali=self.instance, pada=mulai)
            if saldo.belum_berhak:
                self.add_error("tanggal_mulai", (
                    "Cuti tahunan baru dapat diambil setelah 1 tahun bekerja secara terus-menerus, yaitu mulai "
                    f"{saldo.berhak_mulai:%d-%m-%Y} (PP 11/2017 Pasal 310)."))
                return
        lama = hari_kerja_antara(mulai, selesai)
        if lama == 0:
            self.add_error("tanggal_selesai", "Rentang tanggal ini tidak memuat hari kerja.")
            return
        self.lama_hari = lama
        if data.get("jenis_cuti") == JenisCuti.TAHUNAN and lama > saldo.sisa:
            self.add_error("tanggal_selesai", (
                f"Sisa cuti tahunan {mulai.year} Anda {saldo.sisa} hari kerja (hak {saldo.hak}: jatah "
                f"{saldo.jatah} + sisa tahun lalu {saldo.sisa_tahun_lalu}; terpakai/diajukan {saldo.terpakai}), "
                f"sedangkan usulan ini {lama} hari kerja."))


class UsulanKepegawaianForm(_UsulanMixin, forms.ModelForm):
    """P.1.3.1.1 — an employee's request; the documents (SK pangkat terakhir, SKP, surat dokter…)
    are attached as scans."""

    berkas = LampiranField(label="Dokumen pendukung", required=False,
                           help_text="Wajib untuk kenaikan pangkat dan pensiun (PDF/JPG/PNG).")

    class Meta:
        model = UsulanKepegawaian
        fields = FIELD_USULAN
        widgets = WIDGET_USULAN

    def __init__(self, *args, pegawai=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pegawai_usulan = pegawai
        self.lama_hari = None

    def clean(self):
        data = super().clean()
        if data.get("jenis") in (JenisUsulan.KENAIKAN_PANGKAT, JenisUsulan.PENSIUN) and not data.get("berkas"):
            self.add_error("berkas", "Lampirkan dokumen persyaratan.")
        return data


class LengkapiUsulanForm(_UsulanMixin, AksiModelForm):
    """The employee completes what the tata usaha or BKD found missing."""

    class Meta:
        model = UsulanKepegawaian
        fields = [f for f in FIELD_USULAN if f != "jenis"]
        widgets = WIDGET_USULAN

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pegawai_usulan = self.instance.pegawai if self.instance.pk else None
        self.lama_hari = None
        self.fields["lampiran"].label = "Dokumen tambahan"


class JawabanBKDForm(AksiForm):
    """BKD's answer (it does not log in): the tata usaha attaches BKD's letter."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields["lampiran"]
        f.required, f.label = True, "Surat jawaban BKD"
        self.fields["catatan"].label = "Kekurangan menurut BKD"


class CatatSKForm(AksiModelForm):
    """The SK from BKD: its number, its date and its scan, which the employee downloads."""

    class Meta:
        model = UsulanKepegawaian
        fields = ["nomor_sk", "tanggal_sk"]
        widgets = {"tanggal_sk": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomor_sk"].required = True
        self.fields["tanggal_sk"].required = True
        f = self.fields["lampiran"]
        f.required, f.label = True, "Pindaian SK"

    def clean_tanggal_sk(self):
        tanggal = self.cleaned_data["tanggal_sk"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError("Tanggal SK tidak boleh setelah hari ini.")
        return tanggal

    def daftar_lampiran(self) -> list:
        berkas = self.cleaned_data.get("lampiran")
        return [(berkas, "Surat Keputusan (SK)")] if berkas else []
