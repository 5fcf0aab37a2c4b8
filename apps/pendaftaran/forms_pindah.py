"""P.4.6 forms: the intake (online or at the counter) and the origin office's approval."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError

from apps.core.asupan import AsupanMixin
from apps.core.forms import AksiForm
from apps.core.lampiran import LampiranField
from apps.penduduk.models import Agama, Hubungan, JenisKelamin, StatusPerkawinan
from apps.penduduk.validators import validasi_nik, validasi_no_kk

from .models.pindah_masuk import KantorDukcapil, PindahMasuk

PETUNJUK_ANGGOTA = (
    "Satu baris per orang, dipisah titik koma: NIK; nama; hubungan (kepala/istri/anak/...); tanggal lahir "
    "(TTTT-BB-HH); tempat lahir; L/P; agama; status kawin; pekerjaan; punya akta kelahiran (ya/tidak)."
)
KOLOM = ("nik", "nama", "hubungan", "tanggal_lahir", "tempat_lahir", "jenis_kelamin", "agama",
         "status_perkawinan", "pekerjaan", "punya_akta")


def baca_anggota(teks: str) -> list[dict]:
    """The family list typed as lines; every error names its line, so the citizen can fix it."""
    hasil, galat = [], []
    pilihan = {"hubungan": Hubungan.values, "jenis_kelamin": JenisKelamin.values, "agama": Agama.values,
               "status_perkawinan": StatusPerkawinan.values}
    for i, baris in enumerate([b for b in teks.splitlines() if b.strip()], start=1):
        bagian = [x.strip() for x in baris.split(";")]
        if len(bagian) != len(KOLOM):
            galat.append(f"Baris {i}: harus {len(KOLOM)} isian dipisah titik koma.")
            continue
        a = dict(zip(KOLOM, bagian, strict=True))
        a["agama"], a["status_perkawinan"], a["hubungan"] = (a["agama"].lower(), a["status_perkawinan"].lower().replace(" ", "_"),
                                                            a["hubungan"].lower())
        a["jenis_kelamin"] = a["jenis_kelamin"].upper()
        try:
            validasi_nik(a["nik"])
        except ValidationError:
            galat.append(f"Baris {i}: NIK harus 16 angka.")
        try:
            datetime.date.fromisoformat(a["tanggal_lahir"])
        except ValueError:
            galat.append(f"Baris {i}: tanggal lahir harus berbentuk TTTT-BB-HH.")
        for kunci, sah in pilihan.items():
            if a[kunci] not in sah:
                galat.append(f"Baris {i}: {kunci.replace('_', ' ')} “{a[kunci]}” tidak dikenal.")
        a["punya_akta"] = a["punya_akta"].lower() in ("ya", "y", "sudah")
        hasil.append(a)
    if galat:
        raise ValidationError(galat)
    if not hasil:
        raise ValidationError("Isi minimal satu anggota keluarga.")
    return hasil


class PindahMasukForm(AsupanMixin, forms.ModelForm):
    daftar_anggota = forms.CharField(label="Anggota keluarga yang pindah", help_text=PETUNJUK_ANGGOTA,
                                     widget=forms.Textarea(attrs={"rows": 4}))

    class Meta:
        model = PindahMasuk
        fields = ["nik", "nama", "no_kk_asal", "alamat_asal", "kantor_asal", "alamat_tujuan", "rt", "rw",
                  "kelurahan", "email", "telepon"]
        error_messages = {"nik": {"required": "NIK wajib diisi."}, "nama": {"required": "Nama wajib diisi."},
                          "email": {"required": "Email wajib diisi: kode lacak dan kabar permohonan dikirim ke sini."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kantor_asal"].queryset = KantorDukcapil.objects.filter(aktif=True)

    def clean_nik(self):
        nik = self.cleaned_data["nik"]
        validasi_nik(nik)
        return nik

    def clean_no_kk_asal(self):
        no_kk = self.cleaned_data["no_kk_asal"]
        validasi_no_kk(no_kk)
        return no_kk

    def clean_daftar_anggota(self):
        return baca_anggota(self.cleaned_data["daftar_anggota"])

    def save(self, commit=True):
        self.instance.anggota = self.cleaned_data["daftar_anggota"]
        return super().save(commit=commit)


class SKPWNIForm(AksiForm):
    """The origin office's approval: the SKPWNI number and scan, and the No. KK SIAK issued here."""

    nomor_skpwni = forms.CharField(label="Nomor SKPWNI", max_length=40,
                                   error_messages={"required": "Nomor SKPWNI wajib diisi."})
    no_kk_baru = forms.CharField(label="No. KK baru (dari SIAK)", max_length=16,
                                 error_messages={"required": "No. KK baru wajib diisi."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lampiran"] = LampiranField(label="Pindaian SKPWNI", required=True,
                                                error_messages={"required": "Unggah pindaian SKPWNI."})

    def clean_no_kk_baru(self):
        no_kk = self.cleaned_data["no_kk_baru"]
        validasi_no_kk(no_kk)
        from apps.penduduk.models import Keluarga

        if Keluarga.objects.filter(no_kk=no_kk).exists():
            raise ValidationError("No. KK ini sudah terdaftar.")
        return no_kk

    def daftar_lampiran(self) -> list:
        return [(self.cleaned_data["lampiran"], "SKPWNI dari Dukcapil asal")]
