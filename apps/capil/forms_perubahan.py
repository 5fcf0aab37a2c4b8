"""Forms of P.5.2–P.5.8: the counter's intake, the completeness check, the SIAK input (where an
existing deed is taken into the register), the verifiers' field-by-field check and the keabsahan
letter of P.5.8. The refusals live on the model (``PerubahanAkta.clean``) and show next to the field."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from apps.core.asupan import AsupanMixin, LengkapiBerkasForm, nama_berkas
from apps.core.forms import AksiForm, AksiModelForm
from apps.core.lampiran import LampiranField

from .models import JenisAkta, JenisPerubahan, PerubahanAkta, RegisterAkta
from .models.register import PENERBIT_SENDIRI

_TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _cari_register(nomor: str) -> RegisterAkta | None:
    nomor = (nomor or "").strip()
    return RegisterAkta.objects.filter(nomor_akta__iexact=nomor).first() if nomor else None


def _baris_isian(teks: str, field: str) -> dict:
    """``kunci = nilai`` lines (one per line) as a dict; a malformed line is an error on ``field``."""
    hasil = {}
    for i, baris in enumerate((teks or "").splitlines(), 1):
        if not baris.strip():
            continue
        if "=" not in baris:
            raise ValidationError({field: f"Baris {i} harus berbentuk kunci = nilai."})
        k, v = baris.split("=", 1)
        hasil[k.strip()] = v.strip()
    return hasil


FIELD_ASUPAN = ["jenis", "pemohon_nik", "pemohon_nama", "email", "nomor_akta", "subjek_nik",
                "dasar_nomor", "dasar_instansi", "dasar_tanggal", "dasar_tanggal_tetap", "uraian",
                "kewarganegaraan_baru", "nama_baru", "jenis_pembatalan", "jenis_anak", "ayah_nama",
                "alasan_kutipan_kedua"]


class _PerubahanMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for f in ("dasar_tanggal", "dasar_tanggal_tetap"):
            if f in self.fields:
                self.fields[f].widget = _TANGGAL
        if "uraian" in self.fields:
            self.fields["uraian"].widget = forms.Textarea(attrs={"rows": 3})

    def _hubungkan_register(self):
        """Link the deed when it is in the register already, so its checks run now."""
        reg = _cari_register(self.cleaned_data.get("nomor_akta"))
        if reg is not None:
            self.instance.register = reg


class PerubahanAsupanForm(_PerubahanMixin, AsupanMixin, forms.ModelForm):
    class Meta:
        model = PerubahanAkta
        fields = FIELD_ASUPAN
        error_messages = {"pemohon_nik": {"required": "NIK pemohon wajib diisi."},
                          "pemohon_nama": {"required": "Nama pemohon wajib diisi."},
                          "nomor_akta": {"required": "Nomor akta wajib diisi."}}

    def clean(self):
        data = super().clean()
        self._hubungkan_register()
        return data


class PeriksaBerkasForm(LengkapiBerkasForm):
    """Berkas lengkap: every mandatory requirement has its scan (uploaded earlier or here)."""

    def clean(self):
        data = super(LengkapiBerkasForm, self).clean()
        ada = set(self.objek.berkas_persyaratan) | {s.kunci for s in self.persyaratan if data.get(nama_berkas(s))}
        kurang = [s for s in self.persyaratan if s.wajib and s.kunci not in ada]
        for s in kurang:
            self.add_error(nama_berkas(s), "Wajib ada sebelum berkas dinyatakan lengkap.")
        if kurang:
            raise ValidationError("Persyaratan belum lengkap. Unggah pindaiannya, atau pilih “Kembalikan ke pemohon”.")
        return data


class InputPerubahanForm(_PerubahanMixin, AksiModelForm):
    """Input SIAK: the request's data as entered in SIAK, and — for a deed not in the register yet
    — the deed itself (number as printed, type, date, issuer, persons named, scan)."""

    akta_jenis = forms.ChoiceField(label="Jenis akta (akta lama)", choices=[("", "—"), *JenisAkta.choices], required=False)
    akta_tanggal = forms.DateField(label="Tanggal akta (akta lama)", required=False, widget=_TANGGAL)
    akta_penerbit = forms.CharField(label="Dukcapil penerbit", required=False, initial=PENERBIT_SENDIRI)
    akta_email_penerbit = forms.EmailField(label="Email Dukcapil penerbit", required=False)
    akta_orang = forms.CharField(
        label="Orang yang tercantum", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Satu orang per baris: peran = nama; NIK (NIK bila diketahui). Mis. anak = BUDI; 3575010101010001")
    akta_isian = forms.CharField(
        label="Data akta lama", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Satu data per baris: kunci = nilai (mis. nama = BUDI, tanggal_lahir = 1990-01-02).")
    akta_pindaian = LampiranField(label="Pindaian kutipan akta lama", required=False)
    pembetulan = forms.CharField(
        label="Data pembetulan (P.5.4)", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Satu data per baris: kunci = nilai baru (mis. nama = BUDI SANTOSO).")
    nomor_akta_perkawinan = forms.CharField(label="Nomor akta perkawinan (batal cerai)", required=False)

    class Meta:
        model = PerubahanAkta
        fields = ["nomor_siak", "nomor_akta", "subjek_nik", "dasar_nomor", "dasar_instansi", "dasar_tanggal",
                  "dasar_tanggal_tetap", "uraian", "kewarganegaraan_baru", "nama_baru", "ayah_nama", "nomor_akta_baru"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomor_siak"].required = True
        self.fields["nomor_siak"].error_messages["required"] = "Nomor permohonan SIAK wajib diisi."
        if self.objek is not None and not self.is_bound:
            self.initial["pembetulan"] = "\n".join(f"{k} = {v}" for k, v in self.objek.data_baru.items())
            if self.objek.register_perkawinan_id:
                self.initial["nomor_akta_perkawinan"] = self.objek.register_perkawinan.nomor_akta

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        obj = self.instance
        # The checks below run on what was typed now, not on the values the request held.
        for f in self._meta.fields:
            if f in data:
                setattr(obj, f, data[f])
        reg = _cari_register(data.get("nomor_akta"))
        if reg is None:
            # An existing deed not in the register yet: the operator takes it in now.
            wajib = {"akta_jenis": "Jenis akta wajib diisi untuk akta yang belum ada di register.",
                     "akta_tanggal": "Tanggal akta wajib diisi untuk akta yang belum ada di register.",
                     "akta_orang": "Sebutkan orang yang tercantum pada akta."}
            for f, pesan in wajib.items():
                if not data.get(f):
                    self.add_error(f, pesan)
            if self.errors:
                return data
            from .perubahan import register_akta_baca_orang, register_akta_duplikat

            try:
                orang = register_akta_baca_orang(data["akta_orang"])
                isian = _baris_isian(data.get("akta_isian"), "akta_isian")
            except ValidationError as exc:
                self.add_error(None, exc)
                return data
            duplikat = register_akta_duplikat(nomor=data["nomor_akta"], jenis=data["akta_jenis"], orang=orang)
            if duplikat:
                self.add_error("nomor_akta", f"Kemungkinan duplikat: {duplikat} sudah ada di register dengan orang yang sama.")
                return data
            self.register_baru = {"jenis_akta": data["akta_jenis"], "tanggal": data["akta_tanggal"],
                                  "penerbit": data.get("akta_penerbit") or PENERBIT_SENDIRI,
                                  "email_penerbit": data.get("akta_email_penerbit", ""), "orang": orang,
                                  "isian": isian, "pindaian": data.get("akta_pindaian")}
            # The checks against the deed run on the data typed now.
            reg = RegisterAkta(nomor_akta=data["nomor_akta"].strip(), jenis_akta=data["akta_jenis"],
                               penerbit=self.register_baru["penerbit"], orang=orang, data={"rincian": isian})
        else:
            self.register_baru = None
        obj.register = reg
        if obj.jenis == JenisPerubahan.PEMBETULAN:
            try:
                obj.data_baru = _baris_isian(data.get("pembetulan"), "pembetulan")
            except ValidationError as exc:
                self.add_error(None, exc)
                return data
            if not obj.data_baru:
                self.add_error("pembetulan", "Tuliskan data yang dibetulkan.")
        if obj.jenis == JenisPerubahan.PEMBATALAN and obj.jenis_pembatalan == "cerai":
            kawin = _cari_register(data.get("nomor_akta_perkawinan"))
            if kawin is None:
                self.add_error("nomor_akta_perkawinan", "Akta perkawinan tidak ditemukan di register.")
            obj.register_perkawinan = kawin
        try:
            obj.clean()
        except ValidationError as exc:
            pesan = exc.message_dict
            for f, daftar in pesan.items():
                self.add_error(f if f in self.fields else ("pembetulan" if f == "data_baru" else None), daftar)
        if obj.jenis == JenisPerubahan.ANAK and obj.jenis_anak in ("pengakuan", "pengesahan") and not data.get("nomor_akta_baru"):
            self.add_error("nomor_akta_baru", "Nomor akta pengakuan/pengesahan anak dari SIAK wajib diisi.")
        return data


    def _post_clean(self):
        self.instance._diperiksa_form = True
        try:
            super()._post_clean()
        finally:
            self.instance._diperiksa_form = False


class VerifikasiPerubahanForm(AksiForm):
    """Kasi/kabid check the data against the evidence; for a correction field by field (old →
    new): every field must be ticked, a mismatch goes back with the fields named."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.baris = self.objek.perbandingan() if self.objek and self.objek.jenis == JenisPerubahan.PEMBETULAN else []
        for kunci, label, lama, baru in self.baris:
            self.fields[f"sesuai_{kunci}"] = forms.BooleanField(
                label=f"{label}: {lama or '–'} → {baru}", required=False,
                help_text="Centang bila sesuai dengan bukti.")

    def clean(self):
        data = super().clean()
        tidak = [label for kunci, label, _, _ in self.baris if not data.get(f"sesuai_{kunci}")]
        if tidak:
            raise ValidationError(
                "Data belum sesuai bukti: " + ", ".join(tidak)
                + ". Pilih “Kembalikan untuk perbaikan” dan sebutkan field tersebut.")
        return data

    def data_aksi(self) -> dict:
        return {}


class KeabsahanForm(AksiForm):
    """P.5.8: the keabsahan letter to the issuing Dukcapil (drafted here, signed by the kadis)."""

    email_penerbit = forms.EmailField(label="Email Dukcapil penerbit", required=True,
                                      error_messages={"required": "Email Dukcapil penerbit wajib diisi."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reg = getattr(self.objek, "register", None) or _cari_register(getattr(self.objek, "nomor_akta", ""))
        if reg is not None and not self.is_bound:
            self.initial["email_penerbit"] = reg.email_penerbit

    def data_aksi(self) -> dict:
        return {}
