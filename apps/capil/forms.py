"""Forms of P.5.1: the front office's intake (form F-2.01 with NIK look-ups in the register and the
requirement scans) and the action forms of the flow.

The same detail forms serve the intake and the SIAK operator's input step, where they are nested
in the action form (``InputForm``) so that the operator can correct what was taken in.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Q
from django.utils import timezone

from apps.core.asupan import PersyaratanMixin
from apps.core.forms import AksiForm, AksiModelForm
from apps.core.forms import SerahkanForm as CoreSerahkanForm
from apps.core.idempoten import FormIdempotenMixin
from apps.core.lampiran import LampiranField
from apps.penduduk.models import Agama, Hubungan, JenisKelamin, Penduduk, StatusPerkawinan
from apps.penduduk.pemeriksaan import KONFIRMASI, TOLAK, Masalah, periksa_register
from apps.penduduk.selectors import keluarga_dari_no_kk, penduduk_dari_nik
from apps.penduduk.validators import KonfirmasiPeringatanMixin, NIKField, NoKKField, PeringatanNomorMixin

from . import aturan
from .models import (
    JenisPeristiwa,
    Kelahiran,
    Kematian,
    LahirMati,
    PencatatanSipil,
    Perceraian,
    Perkawinan,
    PerkawinanOrangTua,
)
from .nomor import periksa_nik_anak, periksa_nomor_akta
from .syarat import Syarat, syarat_kurang_pencatatan, syarat_untuk


class _IsianMixin(PeringatanNomorMixin):
    """Date and time pickers, no event dated in the future, NIK warnings under the inputs, and the
    register checks of the people named (issue 8 §4): a refusal is an error next to the field, a
    finding to confirm joins the field's warnings (confirmed once for the whole intake,
    ``KonfirmasiForm``).

    ``PERIKSA_REGISTER``: NIK fields whose resident must not be deceased (refused) and is
    confirmed when moved out."""

    PERIKSA_REGISTER: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._masalah: list[tuple[str | None, Masalah]] = []
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
        self._masalah = []
        for nama in self.PERIKSA_REGISTER:
            if cleaned.get(nama) and nama not in self.errors:
                for m in periksa_register(cleaned[nama]):
                    self.masalah(nama, m)
        return cleaned

    def masalah(self, nama: str | None, m: Masalah) -> None:
        """Record a finding: refused → error next to ``nama``; else a warning to confirm."""
        if m.tolak:
            self.add_error(nama, m.pesan)
        else:
            self._masalah.append((nama, m))

    def _post_clean(self):
        super()._post_clean()
        for nama, m in self._masalah:
            self.peringatan.setdefault(nama or "isian", []).append(m.pesan)
            widget = self.fields[nama].widget if nama in self.fields else None
            if widget is not None and hasattr(widget, "peringatan") and m.pesan not in widget.peringatan:
                widget.peringatan = [*widget.peringatan, m.pesan]


_NIK_UMUM = ("pelapor_nik", "saksi1_nik", "saksi2_nik")


class PencatatanForm(FormIdempotenMixin, _IsianMixin, forms.ModelForm):
    """The reporter (pelapor) and the two witnesses of form F-2.01 (every event)."""

    PERIKSA_REGISTER = _NIK_UMUM

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
    # Scans an intake check may ask for: {field: (code, label)}; removed outside intake.
    BERKAS_PEMERIKSAAN: dict[str, tuple[str, str]] = {}

    def __init__(self, *args, intake: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.intake = intake
        for nama, (_kode, label) in self.BERKAS_PEMERIKSAAN.items():
            if intake:
                self.fields[nama] = LampiranField(label=label, required=False)
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
        if self.intake:
            self.periksa_intake(cleaned)
        return cleaned

    def periksa_intake(self, cleaned) -> None:
        """The event's own register checks at intake (marriage, divorce)."""

    def berkas_pemeriksaan(self) -> list[tuple]:
        """(Syarat, file) of the scans the intake checks asked for."""
        return [(Syarat(kode, label), self.cleaned_data[nama]) for nama, (kode, label) in self.BERKAS_PEMERIKSAAN.items()
                if self.intake and self.cleaned_data.get(nama)]

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
        fields = ["nama_anak", "perkawinan_orang_tua", "bukti_kelahiran",
                  *[f for f in _LahirForm.FIELDS_LAHIR if f != "no_kk"], "berat_gram", "panjang_cm"]
        field_classes = {"ibu_nik": NIKField, "ayah_nik": NIKField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["nama_anak", *self.FIELDS_LAHIR, "perkawinan_orang_tua", "bukti_kelahiran"])
        # Decimals in Indonesian (49,5); "49.5" is still read as a decimal point (one dot, not 3 digits).
        panjang = self.fields["panjang_cm"]
        panjang.localize = True
        panjang.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        panjang.widget.is_localized = True
        self.fields["perkawinan_orang_tua"].help_text = (
            "Menentukan bunyi kutipan akta: tanpa buku nikah, SPTJM F-2.04; tanpa data ayah, anak dicatat "
            "sebagai anak dari ibunya.")

    def clean(self):
        cleaned = super().clean()
        tanpa_ayah = cleaned.get("perkawinan_orang_tua") == PerkawinanOrangTua.TANPA_AYAH
        if tanpa_ayah and (cleaned.get("ayah_nik") or cleaned.get("ayah_nama")):
            self.add_error("ayah_nik", "Kosongkan data ayah bila anak dicatat tanpa data ayah.")
        elif not tanpa_ayah and cleaned.get("perkawinan_orang_tua") and not cleaned.get("ayah_nik") \
                and "ayah_nik" not in self.errors:
            self.add_error("ayah_nik", "NIK ayah wajib diisi; bila tidak ada data ayah, pilih “Tanpa data ayah”.")
        return cleaned


class LahirMatiForm(_LahirForm):
    class Meta:
        model = LahirMati
        fields = [*[f for f in _LahirForm.FIELDS_LAHIR if f != "no_kk"], "lama_kandungan_minggu", "sebab",
                  "yang_menerangkan"]
        field_classes = {"ibu_nik": NIKField, "ayah_nik": NIKField}


class KematianForm(_RincianForm):
    ORANG = (("jenazah", "yang meninggal", True, None),)
    PERIKSA_REGISTER = ()  # "already deceased" has its own message below; moved out is checked there too

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
        elif jenazah is not None:
            for m in periksa_register(jenazah.nik, penduduk=jenazah):
                self.masalah("jenazah_nik", m)
        if jenazah is not None and tanggal and tanggal < jenazah.tanggal_lahir:
            self.add_error("tanggal_kematian", "Tanggal kematian sebelum tanggal lahir penduduk ini.")
        surat = cleaned.get("tanggal_surat_keterangan")
        if surat and tanggal and surat < tanggal:
            self.add_error("tanggal_surat_keterangan", "Surat keterangan tidak mungkin bertanggal sebelum kematian.")
        return cleaned


_PASANGAN = (("suami", "suami", False, JenisKelamin.LAKI_LAKI), ("istri", "istri", False, JenisKelamin.PEREMPUAN))
_FIELDS_PASANGAN = ["suami_nik", "suami_nama", "istri_nik", "istri_nama"]


def _perkawinan_putus_tercatat(orang: Penduduk) -> bool:
    """Whether the register holds the end of a resident's marriage although his or her status
    still says *kawin*: a divorce deed naming the NIK, or the spouse on the same KK recorded dead."""
    from .models import RegisterAkta

    if RegisterAkta.objects.filter(jenis_akta="akta_perceraian").filter(
            Q(data__rincian__suami_nik=orang.nik) | Q(data__rincian__istri_nik=orang.nik)).exists():
        return True
    pasangan = {Hubungan.KEPALA: [Hubungan.SUAMI, Hubungan.ISTRI], Hubungan.SUAMI: [Hubungan.KEPALA],
                Hubungan.ISTRI: [Hubungan.KEPALA]}.get(orang.hubungan)
    return bool(orang.keluarga_id and pasangan and Penduduk.objects.filter(
        keluarga_id=orang.keluarga_id, hubungan__in=pasangan, status_hidup=Penduduk.StatusHidup.MENINGGAL,
    ).exclude(pk=orang.pk).exists())


class PerkawinanForm(_RincianForm):
    ORANG = _PASANGAN
    PERIKSA_REGISTER = ("suami_nik", "istri_nik")
    BERKAS_PEMERIKSAAN = {
        "bukti_putus": ("bukti_putus_perkawinan",
                        "Akta perceraian atau akta kematian pasangan terdahulu (bila register mencatat sudah kawin)"),
        "penetapan_pengadilan": ("penetapan_beda_agama",
                                 "Penetapan pengadilan (bila agama/kepercayaan kedua mempelai berbeda)"),
    }

    class Meta:
        model = Perkawinan
        fields = [*_FIELDS_PASANGAN, "agama_suami", "agama_istri", "tanggal_perkawinan", "tempat_perkawinan", "agama",
                  "nama_pemuka_agama", "organisasi", "nomor_surat_perkawinan"]
        field_classes = {"suami_nik": NIKField, "istri_nik": NIKField}

    def periksa_intake(self, cleaned) -> None:
        """Already married in the register: refused unless a divorce is on record or its deed (or
        the spouse's death deed) is attached, then confirmed. Two religions: only on a court ruling
        (UU 23/2006 Pasal 35 huruf a), attached and confirmed."""

        for prefix, label in (("suami", "suami"), ("istri", "istri")):
            orang = self.orang.get(prefix)
            if orang is not None and not cleaned.get(f"agama_{prefix}"):
                cleaned[f"agama_{prefix}"] = orang.agama
            if orang is None or orang.status_perkawinan != StatusPerkawinan.KAWIN:
                continue
            if _perkawinan_putus_tercatat(orang):
                continue
            if cleaned.get("bukti_putus"):
                self.masalah(f"{prefix}_nik", Masalah("sudah_kawin", KONFIRMASI, (
                    f"Menurut register, {label} ({orang.nama}) berstatus kawin; dilanjutkan dengan akta perceraian/"
                    "kematian pasangan terdahulu yang dilampirkan.")))
            else:
                self.masalah(f"{prefix}_nik", Masalah("sudah_kawin", TOLAK, (
                    f"Menurut register, {label} ({orang.nama}) masih berstatus kawin. Perkawinan baru hanya dapat "
                    "dicatat bila ada akta perceraian atau akta kematian pasangan terdahulu: unggah pindaiannya.")))
        a, b = cleaned.get("agama_suami"), cleaned.get("agama_istri")
        if a and b and a != b:
            if cleaned.get("penetapan_pengadilan"):
                self.masalah("agama_istri", Masalah("beda_agama", KONFIRMASI, (
                    "Agama/kepercayaan kedua mempelai berbeda: dicatat berdasarkan penetapan pengadilan yang "
                    "dilampirkan (UU 23/2006 Pasal 35 huruf a).")))
            else:
                self.masalah("agama_istri", Masalah("beda_agama", TOLAK, (
                    "Agama/kepercayaan kedua mempelai berbeda: perkawinan hanya dicatat berdasarkan penetapan "
                    "pengadilan (UU 23/2006 Pasal 35 huruf a). Unggah penetapannya.")))

    def clean_agama(self):
        agama = self.cleaned_data["agama"]
        if agama == Agama.ISLAM:
            raise forms.ValidationError(
                "Perkawinan pemeluk agama Islam dicatat oleh KUA Kecamatan (UU 23/2006 Pasal 34 ayat 4), bukan oleh Dinas."
            )
        return agama


class PerceraianForm(_RincianForm):
    ORANG = _PASANGAN
    PERIKSA_REGISTER = ("suami_nik", "istri_nik")
    BERKAS_PEMERIKSAAN = {
        "pindaian_akta_perkawinan": ("pindaian_akta_perkawinan",
                                     "Pindaian kutipan akta perkawinan (bila tidak ada di register Kota Pasuruan)"),
    }

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

    def periksa_intake(self, cleaned) -> None:
        """A Pengadilan Negeri divorce names a marriage deed: one unknown to the register (recorded
        elsewhere, or before the register) goes on only with its scan, confirmed."""
        from .models import RegisterAkta

        nomor = cleaned.get("nomor_akta_perkawinan")
        if not nomor or cleaned.get("badan_peradilan") == "PA":
            return  # a Muslim marriage has a buku nikah from the KUA, not a deed of the Dinas
        if RegisterAkta.objects.filter(nomor_akta__iexact=nomor, jenis_akta="akta_perkawinan").exists():
            return
        if cleaned.get("pindaian_akta_perkawinan"):
            self.masalah("nomor_akta_perkawinan", Masalah("akta_kawin_asing", KONFIRMASI, (
                f"Akta perkawinan {nomor} tidak ada di register akta Kota Pasuruan; dilanjutkan dengan pindaian "
                "kutipan akta perkawinan yang dilampirkan.")))
        else:
            self.masalah("nomor_akta_perkawinan", Masalah("akta_kawin_asing", TOLAK, (
                f"Akta perkawinan {nomor} tidak ada di register akta Kota Pasuruan. Bila dicatat di daerah lain, "
                "unggah pindaian kutipan akta perkawinannya.")))


FORM_RINCIAN: dict[str, type[_RincianForm]] = {
    "kelahiran": KelahiranForm,
    "lahir_mati": LahirMatiForm,
    "kematian": KematianForm,
    "perkawinan": PerkawinanForm,
    "perceraian": PerceraianForm,
}


# -- the intake's one confirmation ------------------------------------------------------------
class KonfirmasiForm(KonfirmasiPeringatanMixin, forms.Form):
    """One confirmation (who, why) for every warning of an intake: NIK checks, a resident moved
    out, a marriage or divorce going on with an attached deed. Kept on the record
    (``penduduk.services.konfirmasi_catat``) and shown to the verifiers."""

    def __init__(self, *args, peringatan: list[str] = (), **kwargs):
        self._peringatan_isian = list(dict.fromkeys(peringatan))
        super().__init__(*args, **kwargs)

    def masalah_tambahan(self, cleaned_data: dict) -> dict:
        return {"isian": [Masalah("isian", KONFIRMASI, p) for p in self._peringatan_isian]}


# -- requirement scans (matched by code, syarat.py) ---------------------------------------------
class SyaratForm(PersyaratanMixin, forms.Form):
    """Intake: one optional scan per requirement of the event (those that apply only for a reason
    say so); what is missing is checked at ``periksa`` against what applies to the event. The
    kernel's requirement fields (apps.core.asupan)."""

    def __init__(self, *args, jenis: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.tambah_field_persyaratan(syarat_untuk(jenis))

    def label_persyaratan(self, s) -> str:
        return s.nama

    def berkas(self) -> list[tuple]:
        return self.berkas_persyaratan()


class AjukanKembaliForm(PersyaratanMixin, AksiForm):
    """Re-submission of a returned file (the same request goes on): scans of what was missing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tambah_field_persyaratan(syarat_kurang_pencatatan(self.objek) if self.objek else [])
        self.order_fields([f"berkas_{s.kode}" for s in self.persyaratan])

    def label_persyaratan(self, s) -> str:
        return s.nama

    def syarat_masih_kurang(self) -> list[Syarat]:
        return [s for s in self.persyaratan if not self.cleaned_data.get(f"berkas_{s.kode}")]

    def unggahan_syarat(self) -> list[tuple]:
        """(Syarat, file) uploaded here; stored by the action's service."""
        return self.berkas_persyaratan()


class PeriksaForm(AjukanKembaliForm):
    """Berkas lengkap: every requirement that applies must have its scan (uploaded earlier or here)."""

    def clean(self):
        cleaned = super().clean()
        kurang = self.syarat_masih_kurang()
        for s in kurang:
            self.add_error(f"berkas_{s.kode}", "Wajib ada sebelum berkas dinyatakan lengkap.")
        if kurang:
            raise forms.ValidationError(
                "Persyaratan belum lengkap. Unggah pindaiannya di sini, atau pilih “Kembalikan ke pelapor”."
            )
        return cleaned


# -- action forms -------------------------------------------------------------------------------
class InputForm(AksiModelForm, PencatatanForm):
    """Input SIAK: the SIAK reference plus every field of the request and of the event, so the
    operator can correct what the front office took in. The event's form is nested (prefix
    ``rincian-``) and saved by ``services.pencatatan_input`` with the transition."""

    class Meta(PencatatanForm.Meta):
        fields = ["nomor_siak", "nomor_akta", *PencatatanForm.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomor_siak"].required = True
        self.fields["nomor_siak"].error_messages["required"] = "Nomor permohonan SIAK wajib diisi."
        objek = self.objek
        self.fields["nomor_akta"].help_text = (
            "Nomor akta yang diberikan SIAK, diketik persis. Kosongkan untuk lahir mati dan akta cerai "
            "Pengadilan Agama (tidak diterbitkan akta).")
        if objek.jenis_peristiwa == JenisPeristiwa.KELAHIRAN:
            self.fields["nik_anak"] = NIKField(
                label="NIK anak (dari SIAK)", required=False,
                help_text="NIK yang diterbitkan SIAK untuk anak ini; portal tidak membuat NIK.")
            self.initial["nik_anak"] = objek.rincian.nik_anak
        self.rincian = FORM_RINCIAN[objek.jenis_peristiwa](
            self.data if self.is_bound else None, instance=objek.rincian, prefix="rincian", intake=False
        )
        for nama, field in self.rincian.fields.items():
            kunci = self.rincian.add_prefix(nama)
            self.fields[kunci] = field
            self.initial[kunci] = self.rincian.get_initial_for_field(field, nama)
        self.order_fields(["nomor_siak", "nomor_akta", "nik_anak", *PencatatanForm.Meta.fields,
                           *(self.rincian.add_prefix(n) for n in self.rincian.fields)])

    def clean(self):
        cleaned = super().clean()
        if not self.rincian.is_valid():
            for nama, pesan in self.rincian.errors.items():
                kunci = None if nama == NON_FIELD_ERRORS else self.rincian.add_prefix(nama)
                if kunci not in self.errors:
                    self.add_error(kunci, pesan)
            return cleaned
        self._periksa_nomor(cleaned)
        return cleaned

    def _periksa_nomor(self, cleaned) -> None:
        """The numbers SIAK gave: refused when unusable or taken, warnings kept for the verifiers."""
        objek, peringatan = self.objek, []
        nomor = (cleaned.get("nomor_akta") or "").strip()
        if objek.menerbitkan_akta and not nomor:
            self.add_error("nomor_akta", "Nomor akta dari SIAK wajib diisi.")
        elif not objek.menerbitkan_akta and nomor:
            self.add_error("nomor_akta", "Peristiwa ini tidak diterbitkan akta oleh Dinas; kosongkan nomor akta.")
        elif nomor:
            try:
                peringatan += periksa_nomor_akta(nomor, kode=aturan.kode_akta(objek.kode_jenis_akta),
                                                 abaikan_pencatatan=objek)
            except forms.ValidationError as exc:
                self.add_error("nomor_akta", exc)
        if "nik_anak" in self.fields:
            nik, r = cleaned.get("nik_anak"), self.rincian.instance
            if not nik and "nik_anak" not in self.errors:
                self.add_error("nik_anak", "NIK anak dari SIAK wajib diisi.")
            elif nik:
                try:
                    pesan = periksa_nik_anak(nik, tanggal_lahir=r.tanggal_lahir, jenis_kelamin=r.jenis_kelamin,
                                             abaikan_kelahiran=r)
                    peringatan += pesan
                    self._peringatan_nik_anak = pesan
                    r.nik_anak = nik
                except forms.ValidationError as exc:
                    self.add_error("nik_anak", exc)
        self.instance.nomor_akta = nomor
        self.instance.peringatan_nomor = peringatan

    def _post_clean(self):
        super()._post_clean()
        # The NIK's warnings against the child's own birth date and sex (the mixin knows neither).
        if "nik_anak" in self.fields and getattr(self, "_peringatan_nik_anak", None):
            self.fields["nik_anak"].widget.peringatan = self._peringatan_nik_anak
            self.peringatan["nik_anak"] = self._peringatan_nik_anak

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


class SerahkanForm(CoreSerahkanForm):
    """Handover of the printed kutipan at the counter (the kernel tail's form, with the reporter
    as the usual receiver)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penerima"].help_text = "Nama pelapor atau kuasanya; cocokkan dengan tanda terima pengambilan."
        if self.objek is not None and not self.is_bound:
            self.initial["penerima"] = self.objek.pelapor_nama


class KirimEmailForm(AksiModelForm):
    """Delivery of the signed kutipan to the applicant's email."""

    class Meta:
        model = PencatatanSipil
        fields = ["email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].error_messages["required"] = "Email pelapor wajib diisi untuk pengiriman lewat email."
