"""Forms of P.5.1: the front office's intake (form F-2.01 with NIK look-ups in the register and the
requirement scans) and the action forms of the flow.

The same detail forms serve the intake and the SIAK operator's input step, where they are nested
in the action form (``InputForm``) so that the operator can correct what was taken in.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone

from apps.core.forms import AksiForm, AksiModelForm
from apps.core.lampiran import LampiranField
from apps.core.workflow import lampiran_dari
from apps.penduduk.models import Agama, JenisKelamin, Penduduk
from apps.penduduk.selectors import keluarga_dari_no_kk, penduduk_dari_nik
from apps.penduduk.validators import NIKField, NoKKField, PeringatanNomorMixin

from .models import Kelahiran, Kematian, LahirMati, PencatatanSipil, Perceraian, Perkawinan
from .syarat import syarat_kurang, syarat_untuk


class _IsianMixin(PeringatanNomorMixin):
    """Date and time pickers, no event dated in the future, NIK warnings under the inputs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            elif isinstance(field, forms.TimeField):
                field.widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

    def clean(self):
        cleaned = super().clean()
        hari_ini = timezone.localdate()
        for nama, field in self.fields.items():
            nilai = cleaned.get(nama)
            if isinstance(field, forms.DateField) and nilai and nilai > hari_ini:
                self.add_error(nama, "Tanggal tidak boleh melewati hari ini.")
            elif nama.endswith(("_nama", "nama_anak")) and isinstance(nilai, str):
                # Names of people are written in capitals, as in SIAK and on the deeds.
                cleaned[nama] = " ".join(nilai.upper().split())
        return cleaned


_NIK_UMUM = ("pelapor_nik", "saksi1_nik", "saksi2_nik")


class PencatatanForm(_IsianMixin, forms.ModelForm):
    """The reporter and the two witnesses of form F-2.01 (every event)."""

    class Meta:
        model = PencatatanSipil
        fields = ["pelapor_nik", "pelapor_nama", "pelapor_hubungan", "pelapor_telepon", "email",
                  "saksi1_nik", "saksi1_nama", "saksi2_nik", "saksi2_nama"]
        field_classes = {nama: NIKField for nama in _NIK_UMUM}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("saksi1_nik") and cleaned.get("saksi1_nik") == cleaned.get("saksi2_nik"):
            self.add_error("saksi2_nik", "Saksi I dan saksi II harus dua orang yang berbeda.")
        return cleaned


# -- the event's data --------------------------------------------------------------------------
class _RincianForm(_IsianMixin, forms.ModelForm):
    """A detail form whose people are looked up in the register by NIK.

    ``ORANG``: (field prefix, label, must be a resident, required sex or None). A resident's name
    comes from the register; a non-resident's is typed as on their documents.
    """

    ORANG: tuple[tuple[str, str, bool, str | None], ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for prefix, _label, wajib_terdaftar, _jk in self.ORANG:
            nama = self.fields[f"{prefix}_nama"]
            nama.required = False
            nama.help_text = (
                "Terisi dari register." if wajib_terdaftar
                else "Terisi dari register bila NIK terdaftar di Kota Pasuruan; selain itu isi sesuai dokumen."
            )

    def clean(self):
        cleaned = super().clean()
        self.orang = {spek[0]: self._cari_orang(cleaned, *spek) for spek in self.ORANG}
        return cleaned

    def _cari_orang(self, cleaned, prefix, label, wajib_terdaftar, jenis_kelamin) -> Penduduk | None:
        nik, nama = cleaned.get(f"{prefix}_nik"), cleaned.get(f"{prefix}_nama")
        penduduk = penduduk_dari_nik(nik) if nik else None
        setattr(self.instance, prefix, penduduk)
        if penduduk is None:
            if nik and wajib_terdaftar:
                self.add_error(f"{prefix}_nik", f"NIK {label} tidak terdaftar di register Kota Pasuruan.")
            elif nik and not nama:
                self.add_error(f"{prefix}_nama", f"NIK {label} tidak terdaftar di Kota Pasuruan: isi nama sesuai dokumen.")
            return None
        if jenis_kelamin and penduduk.jenis_kelamin != jenis_kelamin:
            self.add_error(
                f"{prefix}_nik",
                f"NIK ini milik penduduk {penduduk.get_jenis_kelamin_display().lower()}; periksa kembali NIK {label}.",
            )
        cleaned[f"{prefix}_nama"] = penduduk.nama
        return penduduk


class _LahirForm(_RincianForm):
    """Births and stillbirths: the parents and the family card the child is registered on."""

    ORANG = (
        ("ibu", "ibu", False, JenisKelamin.PEREMPUAN),
        ("ayah", "ayah", False, JenisKelamin.LAKI_LAKI),
    )
    no_kk = NoKKField(label="No. KK orang tua", help_text="Kartu Keluarga tempat anak dicatat.")
    FIELDS_LAHIR = ["no_kk", "ibu_nik", "ibu_nama", "ayah_nik", "ayah_nama", "jenis_kelamin", "tanggal_lahir",
                    "waktu_lahir", "tempat_dilahirkan", "nama_tempat", "tempat_lahir", "jenis_kelahiran",
                    "kelahiran_ke", "penolong"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.keluarga_id:
            self.initial.setdefault("no_kk", self.instance.keluarga.no_kk)
        self.order_fields(self.FIELDS_LAHIR)

    def clean_no_kk(self):
        no_kk = self.cleaned_data["no_kk"]
        keluarga = keluarga_dari_no_kk(no_kk)
        if keluarga is None:
            raise forms.ValidationError("No. KK tidak ditemukan di register Kota Pasuruan.")
        self.instance.keluarga = keluarga
        return no_kk

    def clean(self):
        cleaned = super().clean()
        keluarga_id = self.instance.keluarga_id if cleaned.get("no_kk") else None
        orang_tua = [p for p in self.orang.values() if p is not None]
        if keluarga_id and not any(p.keluarga_id == keluarga_id for p in orang_tua):
            self.add_error("no_kk", "Ayah atau ibu harus tercatat dalam KK ini; anak dicatat pada KK orang tuanya.")
        return cleaned


class KelahiranForm(_LahirForm):
    class Meta:
        model = Kelahiran
        fields = ["nama_anak", *[f for f in _LahirForm.FIELDS_LAHIR if f != "no_kk"], "berat_gram", "panjang_cm"]
        field_classes = {"ibu_nik": NIKField, "ayah_nik": NIKField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["nama_anak", *self.FIELDS_LAHIR])


class LahirMatiForm(_LahirForm):
    class Meta:
        model = LahirMati
        fields = [*[f for f in _LahirForm.FIELDS_LAHIR if f != "no_kk"], "lama_kandungan_minggu", "sebab",
                  "yang_menerangkan"]
        field_classes = {"ibu_nik": NIKField, "ayah_nik": NIKField}


class KematianForm(_RincianForm):
    ORANG = (("jenazah", "yang meninggal", True, None),)

    class Meta:
        model = Kematian
        fields = ["jenazah_nik", "jenazah_nama", "tanggal_kematian", "waktu_kematian", "tempat_kematian",
                  "sebab_kematian", "yang_menerangkan", "nomor_surat_keterangan", "tanggal_surat_keterangan"]
        field_classes = {"jenazah_nik": NIKField}

    def clean(self):
        cleaned = super().clean()
        jenazah, tanggal = self.orang.get("jenazah"), cleaned.get("tanggal_kematian")
        if jenazah is not None and jenazah.status_hidup == Penduduk.StatusHidup.MENINGGAL:
            self.add_error("jenazah_nik", "Penduduk ini sudah tercatat meninggal dunia.")
        if jenazah is not None and tanggal and tanggal < jenazah.tanggal_lahir:
            self.add_error("tanggal_kematian", "Tanggal kematian sebelum tanggal lahir penduduk ini.")
        surat = cleaned.get("tanggal_surat_keterangan")
        if surat and tanggal and surat < tanggal:
            self.add_error("tanggal_surat_keterangan", "Surat keterangan tidak mungkin bertanggal sebelum kematian.")
        return cleaned


_PASANGAN = (("suami", "suami", False, JenisKelamin.LAKI_LAKI), ("istri", "istri", False, JenisKelamin.PEREMPUAN))
_FIELDS_PASANGAN = ["suami_nik", "suami_nama", "istri_nik", "istri_nama"]


class PerkawinanForm(_RincianForm):
    ORANG = _PASANGAN

    class Meta:
        model = Perkawinan
        fields = [*_FIELDS_PASANGAN, "tanggal_perkawinan", "tempat_perkawinan", "agama", "nama_pemuka_agama",
                  "organisasi", "nomor_surat_perkawinan"]
        field_classes = {"suami_nik": NIKField, "istri_nik": NIKField}

    def clean_agama(self):
        agama = self.cleaned_data["agama"]
        if agama == Agama.ISLAM:
            raise forms.ValidationError(
                "Perkawinan pemeluk agama Islam dicatat oleh KUA Kecamatan (UU 23/2006 Pasal 34 ayat 4), bukan oleh Dinas."
            )
        return agama


class PerceraianForm(_RincianForm):
    ORANG = _PASANGAN

    class Meta:
        model = Perceraian
        fields = [*_FIELDS_PASANGAN, "nomor_akta_perkawinan", "badan_peradilan", "nama_pengadilan",
                  "nomor_putusan", "tanggal_putusan", "tanggal_inkracht"]
        field_classes = {"suami_nik": NIKField, "istri_nik": NIKField}

    def clean(self):
        cleaned = super().clean()
        putusan, inkracht = cleaned.get("tanggal_putusan"), cleaned.get("tanggal_inkracht")
        if putusan and inkracht and inkracht < putusan:
            self.add_error("tanggal_inkracht", "Putusan tidak mungkin berkekuatan hukum tetap sebelum diucapkan.")
        return cleaned


FORM_RINCIAN: dict[str, type[_RincianForm]] = {
    "kelahiran": KelahiranForm,
    "lahir_mati": LahirMatiForm,
    "kematian": KematianForm,
    "perkawinan": PerkawinanForm,
    "perceraian": PerceraianForm,
}


# -- requirement scans -------------------------------------------------------------------------
def _ada_syarat(objek) -> set[str]:
    return set(lampiran_dari(objek).values_list("keterangan", flat=True))


class SyaratForm(forms.Form):
    """Intake: one optional scan per requirement; what is missing is checked at ``periksa``."""

    def __init__(self, *args, jenis: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_syarat = syarat_untuk(jenis)
        for i, label in enumerate(self.label_syarat):
            self.fields[f"syarat_{i}"] = LampiranField(label=label, required=False)

    def berkas(self) -> list[tuple]:
        return [(self.cleaned_data[f"syarat_{i}"], label) for i, label in enumerate(self.label_syarat)
                if self.cleaned_data.get(f"syarat_{i}")]


class AjukanKembaliForm(AksiForm):
    """Re-submission of a returned file (the same request goes on): scans of what was missing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kurang = syarat_kurang(self.objek.jenis_peristiwa, _ada_syarat(self.objek)) if self.objek else []
        for i, label in enumerate(self.kurang):
            self.fields[f"syarat_{i}"] = LampiranField(label=label, required=False)
        self.order_fields([f"syarat_{i}" for i in range(len(self.kurang))])

    def syarat_masih_kurang(self) -> list[int]:
        return [i for i in range(len(self.kurang)) if not self.cleaned_data.get(f"syarat_{i}")]

    def data_aksi(self) -> dict:
        return {k: v for k, v in super().data_aksi().items() if not k.startswith("syarat_")}

    def daftar_lampiran(self) -> list:
        unggahan = [(self.cleaned_data[f"syarat_{i}"], label) for i, label in enumerate(self.kurang)
                    if self.cleaned_data.get(f"syarat_{i}")]
        return unggahan + super().daftar_lampiran()


class PeriksaForm(AjukanKembaliForm):
    """Berkas lengkap: every requirement must have its scan (uploaded earlier or here)."""

    def clean(self):
        cleaned = super().clean()
        kurang = self.syarat_masih_kurang()
        for i in kurang:
            self.add_error(f"syarat_{i}", "Wajib ada sebelum berkas dinyatakan lengkap.")
        if kurang:
            raise forms.ValidationError(
                "Persyaratan belum lengkap. Unggah pindaiannya di sini, atau pilih “Kembalikan ke pemohon”."
            )
        return cleaned


# -- action forms -------------------------------------------------------------------------------
class InputForm(AksiModelForm, PencatatanForm):
    """Input SIAK: the SIAK reference plus every field of the request and of the event, so the
    operator can correct what the front office took in. The event's form is nested (prefix
    ``rincian-``) and saved by ``services.pencatatan_input`` with the transition."""

    class Meta(PencatatanForm.Meta):
        fields = ["nomor_siak", *PencatatanForm.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomor_siak"].required = True
        self.fields["nomor_siak"].error_messages["required"] = "Nomor permohonan SIAK wajib diisi."
        objek = self.objek
        self.rincian = FORM_RINCIAN[objek.jenis_peristiwa](
            self.data if self.is_bound else None, instance=objek.rincian, prefix="rincian"
        )
        for nama, field in self.rincian.fields.items():
            kunci = self.rincian.add_prefix(nama)
            self.fields[kunci] = field
            self.initial[kunci] = self.rincian.get_initial_for_field(field, nama)
        self.order_fields([*self.Meta.fields, *(self.rincian.add_prefix(n) for n in self.rincian.fields)])

    def clean(self):
        cleaned = super().clean()
        if not self.rincian.is_valid():
            for nama, pesan in self.rincian.errors.items():
                kunci = None if nama == NON_FIELD_ERRORS else self.rincian.add_prefix(nama)
                if kunci not in self.errors:
                    self.add_error(kunci, pesan)
        return cleaned

    def data_aksi(self) -> dict:
        return {}

    def isian_awal(self) -> dict:
        """What the unbound form would post unchanged (demo data and tests fill the rest)."""
        isian = {}
        for nama, field in self.fields.items():
            nilai = self.get_initial_for_field(field, nama)
            if nilai is not None and nama not in ("versi", "catatan", "lampiran"):
                isian[nama] = nilai.isoformat() if hasattr(nilai, "isoformat") else nilai
        return isian


class SerahkanForm(AksiForm):
    """Handover of the printed kutipan at the counter."""

    diterima_oleh = forms.CharField(
        label="Diterima oleh", max_length=120,
        help_text="Nama pemohon atau kuasanya; cocokkan dengan tanda terima pengambilan.",
        error_messages={"required": "Nama penerima wajib diisi."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.objek is not None:
            self.fields["diterima_oleh"].initial = self.objek.pelapor_nama
        self.order_fields(["diterima_oleh"])


class KirimEmailForm(AksiModelForm):
    """Delivery of the signed kutipan to the applicant's email."""

    class Meta:
        model = PencatatanSipil
        fields = ["email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].error_messages["required"] = "Email pemohon wajib diisi untuk pengiriman lewat email."
