"""Forms of P.4.1: the intake at the front office (and at a partner), and the action forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from apps.core.asupan import LengkapiBerkasForm, PersyaratanMixin
from apps.core.forms import AksiForm, AksiModelForm
from apps.core.idempoten import FormIdempotenMixin
from apps.core.lampiran import amankan_berkas
from apps.penduduk.pemeriksaan import KONFIRMASI, TOLAK, Masalah
from apps.penduduk.validators import KonfirmasiPeringatanMixin, NIKField, NoKKField, PeringatanNomorMixin

from .kia import UMUR_FOTO, UMUR_MAKS, umur_pemohon
from .models import Layanan, PermohonanDenganVerifikasi, PermohonanIntegrasi


class PilihLayananForm(forms.Form):
    layanan = forms.ModelChoiceField(
        label="Layanan", queryset=Layanan.objects.none(), empty_label="— pilih layanan —",
        error_messages={"required": "Pilih layanan yang dimohon.", "invalid_choice": "Layanan tidak tersedia."},
    )

    def __init__(self, *args, layanan_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["layanan"].queryset = layanan_qs if layanan_qs is not None else Layanan.objects.filter(aktif=True)


class IdentitasForm(PeringatanNomorMixin, forms.Form):
    """Who the request is for; filled from the register when the NIK is found there."""

    nik = NIKField(
        label="NIK pemilik dokumen",
        help_text="16 angka (untuk KIA: NIK anak). Tekan “Cari di register” untuk mengisi data otomatis.",
    )
    nama = forms.CharField(label="Nama lengkap", max_length=120, error_messages={"required": "Nama wajib diisi."})
    no_kk = NoKKField(label="No. KK", required=False)
    alamat = forms.CharField(label="Alamat", max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nik"].error_messages["required"] = "NIK wajib diisi."


class PendaftaranForm(FormIdempotenMixin, PersyaratanMixin, KonfirmasiPeringatanMixin, IdentitasForm):
    """A walk-in (or partner) request: who, how to reach them, which requirements were brought.

    Intake checks (issue 8 §4): the resident's register status (deceased → refused, moved out →
    confirm), the NIK's warnings (confirm), a KIA for a person of 17 or more (refused) and, for a
    KIA from age 5, the child's photo (an image, required).

    One checkbox and one scan per requirement of the chosen service; a ticked requirement needs its
    scan and a scan counts as ticked. Missing requirements do not block saving: the completeness
    check (berkas lengkap / kembalikan) is the next step of the flow.
    """

    email = forms.EmailField(
        label="Email (opsional)", required=False,
        help_text="Bila diisi, dokumen bertanda tangan elektronik dikirim ke email ini.",
        error_messages={"invalid": "Alamat email tidak valid."},
    )
    telepon = forms.RegexField(
        label="Telepon/WA (opsional)", required=False, regex=r"^\+?[0-9 \-]{8,20}$",
        error_messages={"invalid": "Nomor telepon hanya angka, 8–20 digit."},
    )

    periksa_register_nik = ("nik",)

    def __init__(self, *args, layanan: Layanan, integrasi: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.layanan = layanan
        # P.4.1.3 has no SIAK step at the Dinas: the partner records a KK's changes at intake.
        self.ubah_data = integrasi and layanan.dokumen == "kk" and layanan.alasan == "perubahan_data"
        if self.ubah_data:
            PerubahanDataMixin.tambah_field_perubahan(self, [])
        if layanan.dokumen == "kia":
            self.fields["foto_anak"] = forms.FileField(
                label="Pas foto anak (berwarna)", required=False,
                help_text=f"Wajib untuk anak usia {UMUR_FOTO} tahun ke atas; JPG atau PNG.",
                widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png"}),
            )
        daftar_sebab = list(layanan.daftar_sebab.filter(aktif=True))
        if daftar_sebab:
            self.fields["sebab"] = forms.ModelChoiceField(
                label="Sebab permohonan", queryset=layanan.daftar_sebab.filter(aktif=True), empty_label="— pilih sebab —",
                help_text="Menentukan persyaratan yang berlaku.",
                error_messages={"required": "Pilih sebab permohonan.", "invalid_choice": "Sebab tidak tersedia."},
            )
            self.order_fields(["nik", "nama", "no_kk", "alamat", "sebab"])
        # The kernel's requirement ticks and scans (apps.core.asupan), one pair per requirement.
        self.tambah_field_persyaratan(layanan.persyaratan.prefetch_related("hanya_untuk_sebab"), centang=True)

    def label_persyaratan(self, p) -> str:
        khusus = [s.nama for s in p.hanya_untuk_sebab.all()]
        return super().label_persyaratan(p) + (f" — hanya untuk: {', '.join(khusus)}" if khusus else "")

    def clean_foto_anak(self):
        foto = self.cleaned_data.get("foto_anak")
        if foto:
            # Checked and re-encoded through Pillow like every stored image (issue 8 §7).
            try:
                foto, jenis = amankan_berkas(foto)
            except ValidationError as exc:
                raise ValidationError(exc.messages) from exc
            if not jenis.startswith("image/"):
                raise ValidationError("Pas foto harus berupa gambar JPG atau PNG, bukan PDF.")
            foto.seek(0)
        return foto

    def masalah_tambahan(self, cleaned_data: dict) -> dict:
        """KIA: no card from 17 (refused), a photo from 5 (required)."""
        if self.layanan.dokumen != "kia" or not cleaned_data.get("nik") or "nik" in self.errors:
            return {}
        umur, dari_register = umur_pemohon(cleaned_data["nik"])
        if umur is None:
            return {"nik": [Masalah("umur_tak_diketahui", KONFIRMASI,
                                    "Tanggal lahir anak tidak dapat dipastikan dari register maupun NIK; periksa akta kelahirannya.")]}
        if umur >= UMUR_MAKS:
            return {"nik": [Masalah("kia_dewasa", TOLAK,
                                    f"KIA hanya untuk anak di bawah {UMUR_MAKS} tahun; pemilik NIK ini berumur {umur} tahun "
                                    "(Permendagri 2/2016). Ajukan KTP-el.")]}
        if umur >= UMUR_FOTO and not cleaned_data.get("foto_anak") and "foto_anak" not in self.errors:
            self.add_error("foto_anak", f"Anak berumur {umur} tahun: KIA memuat pas foto, unggah pas fotonya.")
        return {}

    def baris_perubahan_field(self):
        return PerubahanDataMixin.baris_perubahan_field(self)

    def clean(self):
        data = super().clean()
        self.perubahan = []
        if self.ubah_data and data.get("nik") and "nik" not in self.errors:
            from apps.penduduk.selectors import keluarga_dari_no_kk, penduduk_dari_nik

            p = penduduk_dari_nik(data["nik"])
            keluarga = (keluarga_dari_no_kk(data["no_kk"]) if data.get("no_kk") else None) or (p.keluarga if p else None)
            self.perubahan = PerubahanDataMixin.bersihkan_perubahan(self, data, keluarga)
        return self.bersihkan_persyaratan(data)

    def berkas_persyaratan(self) -> list[tuple]:
        """[(requirement, uploaded file)] of what was brought, for the requirements that hold for
        the chosen reason."""
        sebab = self.cleaned_data.get("sebab")
        return [(p, f) for p, f in super().berkas_persyaratan() if p.berlaku_untuk(sebab.pk if sebab else None)]

    def data_pemohon(self) -> dict:
        data = {k: self.cleaned_data.get(k) or "" for k in ("nik", "nama", "no_kk", "alamat", "email", "telepon")}
        data["sebab"] = self.cleaned_data.get("sebab")
        data["perubahan_data"] = getattr(self, "perubahan", [])
        return data

    def foto(self):
        """The child's photo (KIA), or None."""
        return self.cleaned_data.get("foto_anak")


class BerkasLengkapForm(PersyaratanMixin, AksiForm):
    """“Berkas lengkap” only when every mandatory requirement of the service has been received;
    a missing scan may be uploaded right here (as in P.5.1), each under its requirement."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ada = self.objek.persyaratan_diterima() if self.objek is not None else set()
        daftar = self.objek.daftar_persyaratan() if self.objek is not None else []
        self.tambah_field_persyaratan([p for p in daftar if p.pk not in ada], label_status=True)
        self.fields.pop("lampiran", None)

    def clean(self):
        data = super().clean()
        diunggah = {p.pk for p, _ in self.berkas_persyaratan()} if not self.errors else set()
        kurang = [p for p in (self.objek.persyaratan_kurang() if self.objek is not None else []) if p.pk not in diunggah]
        if kurang:
            raise ValidationError(
                "Persyaratan wajib belum ada: %(daftar)s. Unggah pindaiannya di sini, atau kembalikan berkas ke pemohon.",
                params={"daftar": ", ".join(p.nama for p in kurang)},
            )
        return data


class LengkapiForm(LengkapiBerkasForm):
    """The applicant's completion (P.4.1 “dikembalikan kepada pemohon untuk dilengkapi”): the
    kernel's form, every requirement with what is already there."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["catatan"].help_text = "Mis. “Pemohon membawa surat kehilangan dari kepolisian.”"


class PerbaikanMitraForm(PersyaratanMixin, AksiModelForm):
    """P.4.1.3: the partner corrects the data or scans the verifikator sent back."""

    class Meta:
        model = PermohonanIntegrasi
        fields = ["nama", "no_kk", "alamat", "email", "telepon"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        diterima = set(self.objek.berkas_persyaratan) if self.objek is not None else set()
        daftar = self.objek.daftar_persyaratan() if self.objek is not None else []
        self.tambah_field_persyaratan(daftar, diterima=diterima, label_status=True)
        self.fields.pop("lampiran", None)


BARIS_PERUBAHAN = 3


class PerubahanDataMixin:
    """Up to ``BARIS_PERUBAHAN`` rows (member's NIK, register column, new value) of a "perubahan
    data" KK: recorded by the SIAK operator (P.4.1.2) or by the partner at intake (P.4.1.3)."""

    def tambah_field_perubahan(self, awal: list[dict]) -> None:
        from .kk import KOLOM_UBAH

        for i in range(1, BARIS_PERUBAHAN + 1):
            lama = awal[i - 1] if i <= len(awal) else {}
            self.fields[f"ubah_nik_{i}"] = NIKField(label=f"Perubahan {i}: NIK anggota", required=False, initial=lama.get("nik"))
            self.fields[f"ubah_kolom_{i}"] = forms.ChoiceField(
                label="Data yang berubah", required=False, initial=lama.get("kolom"),
                choices=[("", "—"), *((k, v[0]) for k, v in KOLOM_UBAH.items())],
            )
            self.fields[f"ubah_nilai_{i}"] = forms.CharField(label="Nilai baru", required=False, max_length=120,
                                                             initial=lama.get("nilai"))

    def baris_perubahan_field(self):
        return [(self[f"ubah_nik_{i}"], self[f"ubah_kolom_{i}"], self[f"ubah_nilai_{i}"])
                for i in range(1, BARIS_PERUBAHAN + 1) if f"ubah_nik_{i}" in self.fields]

    def bersihkan_perubahan(self, data: dict, keluarga) -> list[dict]:
        """The valid rows; errors go next to their fields. At least one row is required."""
        from .kk import nilai_kolom

        anggota = set(keluarga.anggota.values_list("nik", flat=True)) if keluarga is not None else set()
        baris = []
        for i in range(1, BARIS_PERUBAHAN + 1):
            nik, kolom, nilai = data.get(f"ubah_nik_{i}"), data.get(f"ubah_kolom_{i}"), data.get(f"ubah_nilai_{i}", "")
            if not (nik or kolom or nilai):
                continue
            if not nik or not kolom:
                self.add_error(f"ubah_nik_{i}" if not nik else f"ubah_kolom_{i}", "Lengkapi NIK anggota dan data yang berubah.")
                continue
            if nik not in anggota:
                self.add_error(f"ubah_nik_{i}", "NIK ini bukan anggota KK yang dimohon.")
                continue
            try:
                nilai_kolom(kolom, nilai)
            except ValidationError as exc:
                self.add_error(f"ubah_nilai_{i}", exc)
                continue
            baris.append({"nik": nik, "kolom": kolom, "nilai": nilai.strip()})
        if not baris and not self.errors:
            self.add_error(None, "KK perubahan data: catat minimal satu perubahan (NIK anggota, data yang berubah, nilai baru).")
        return baris


class InputSiakForm(PerubahanDataMixin, KonfirmasiPeringatanMixin, AksiModelForm):
    """P.4.1.2: the operator records the SIAK reference of the data entered there and, for a KK,
    the No. KK SIAK issued (required for a KK baru; for another KK only when SIAK gave a new
    number) and the changes of a "perubahan data" KK (up to three rows: NIK, column, new value).

    The No. KK is checked like any number typed here: 16 digits, its region (unknown → confirm),
    and that no other family holds it (refused, next to the field).
    """

    no_kk_siak = NoKKField(label="No. KK dari SIAK", required=False)

    class Meta:
        model = PermohonanDenganVerifikasi
        fields = ["referensi_siak", "no_kk_siak"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields["referensi_siak"]
        f.required = True
        f.help_text = "Nomor/ID transaksi di aplikasi SIAK untuk data yang baru diinput."
        f.error_messages["required"] = "Nomor referensi SIAK wajib diisi."
        layanan = self.objek.layanan if self.objek is not None else None
        if layanan is None or layanan.dokumen != "kk":
            self.fields.pop("no_kk_siak")
        elif layanan.alasan == "baru":
            self.fields["no_kk_siak"].required = True
            self.fields["no_kk_siak"].help_text = "Nomor KK yang diterbitkan SIAK untuk keluarga baru ini (portal tidak membuat nomor)."
            self.fields["no_kk_siak"].error_messages["required"] = "KK baru: isi No. KK yang diberikan SIAK."
        else:
            self.fields["no_kk_siak"].help_text = "Isi hanya bila SIAK menerbitkan nomor KK baru; kosongkan bila nomornya tetap."
        self.ubah_data = layanan is not None and layanan.dokumen == "kk" and layanan.alasan == "perubahan_data"
        if self.ubah_data:
            self.tambah_field_perubahan(list(self.objek.perubahan_data or []) if self.objek is not None else [])

    def clean_no_kk_siak(self):
        from apps.penduduk.models import Keluarga

        from .kk import keluarga_permohonan

        no_kk = self.cleaned_data.get("no_kk_siak") or ""
        if not no_kk:
            return no_kk
        sendiri = keluarga_permohonan(self.objek) if self.objek is not None and self.objek.layanan.alasan != "baru" else None
        lain = Keluarga.objects.filter(no_kk=no_kk).exclude(pk=getattr(sendiri, "pk", None)).select_related("kepala").first()
        if lain is not None:
            kepala = f" (kepala keluarga {lain.kepala.nama})" if lain.kepala_id else ""
            raise ValidationError(f"No. KK {no_kk} sudah dipakai keluarga lain{kepala}. Periksa kembali nomor dari SIAK.")
        return no_kk

    def clean(self):
        data = super().clean()
        if not self.ubah_data:
            return data
        from .kk import keluarga_permohonan

        keluarga = keluarga_permohonan(self.objek) if self.objek is not None else None
        self.instance.perubahan_data = self.bersihkan_perubahan(data, keluarga)
        return data

    def data_aksi(self) -> dict:
        return {}


class VerifikasiForm(AksiForm):
    """The verifier's “data sesuai”: a KK whose family is not in the register cannot go on to be
    signed (issue 8 §3); the message says what to do instead."""

    def clean(self):
        data = super().clean()
        if self.objek is not None:
            from apps.core.workflow import AksiDitolak

            from .kk import kk_periksa

            try:
                kk_periksa(self.objek)
            except AksiDitolak as exc:
                raise ValidationError(str(exc)) from exc
        return data
