"""NIK and No. KK: what is an error, what is only a warning, and how a form shows both.

Errors (``validasi_nik``, ``validasi_no_kk``) are about the shape only: 16 digits. Everything else
is a **warning** (``periksa_nik``, ``periksa_no_kk``), because a NIK is permanent even when the date
encoded in it is wrong (PP 40/2019 Pasal 30(2)) and a resident may carry a NIK from any region of
Indonesia. A NIK is ``PPKKCC DDMMYY SSSS``: the kecamatan of the *first* registration, the date of
birth with 40 added to the day for women, and a serial from 0001.

- A region prefix outside the four kecamatan of Kota Pasuruan (357501–357504) is *tidak dikenal*
  (unknown), never invalid. Panggungrejo (357504) was split off in 2012, so older NIKs of its
  residents carry 357501–357503: those are known prefixes and give no warning.
- python-stdnum's ``stdnum.id.nik`` region list (dated) is used only to name a foreign region in
  the warning.

Using it in a form (any app's intake form)::

    from apps.penduduk.validators import NIKField, NoKKField, PeringatanNomorMixin

    class PermohonanForm(PeringatanNomorMixin, forms.ModelForm):
        nik = NIKField(tanggal_lahir="tanggal_lahir", jenis_kelamin="jenis_kelamin")
        no_kk = NoKKField(required=False)

``NIKField``/``NoKKField`` strip spaces, dots and dashes, then reject anything but 16 digits with a
message next to the field. After ``is_valid()`` the mixin fills ``form.peringatan`` (a dict
``{"nik": ["…"]}``; empty when all is well) using the sibling fields named by ``tanggal_lahir`` and
``jenis_kelamin`` (values "L"/"P"), and the field's widget shows each warning right under the input,
so ``{{ form|crispy }}``, ``{{ form.as_div }}``, ``{{ form.nik }}`` and Django admin all display it
without template changes. A warning never blocks saving; a view may repeat ``form.semua_peringatan()``
as a message after the redirect. ``penduduk/_peringatan.html`` renders a list of warnings anywhere
else (``{% include "penduduk/_peringatan.html" with peringatan=form.peringatan.nik %}``).
"""

from __future__ import annotations

import csv
import datetime
from functools import cache
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError

PANJANG_NOMOR = 16
KODE_KOTA = "3575"  # Kota Pasuruan (35.75)
KODE_PANGGUNGREJO = "357504"
# The kecamatan Panggungrejo was formed from in 2012: its older residents' NIKs carry these codes.
KODE_ASAL_PANGGUNGREJO = ("357501", "357502", "357503")

_CSV_WILAYAH = Path(__file__).resolve().parents[2] / "data" / "wilayah-kota-pasuruan.csv"
_PEMISAH = " .-"


@cache
def kecamatan_kota() -> dict[str, str]:
    """{"357501": "Gadingrejo", …} from the same CSV as migration 0002 (no query per check)."""
    with _CSV_WILAYAH.open(newline="", encoding="utf-8") as f:
        return {b["kode"].replace(".", ""): b["nama"] for b in csv.DictReader(f) if b["tingkat"] == "kecamatan"}


def bersihkan_nomor(nilai) -> str:
    """What a user types ("3575 0141 0790 0003", "3575-01-...") → the bare digits string."""
    s = "" if nilai is None else str(nilai).strip()
    for c in _PEMISAH:
        s = s.replace(c, "")
    return s


def _validasi_16_digit(nilai: str, nama: str) -> None:
    s = "" if nilai is None else str(nilai)
    if s and not (s.isascii() and s.isdigit()):
        raise ValidationError(
            "%(nama)s harus 16 digit angka; jangan ada huruf atau tanda lain.", code="bukan_angka", params={"nama": nama}
        )
    if len(s) != PANJANG_NOMOR:
        raise ValidationError(
            "%(nama)s harus 16 digit angka; yang diisi %(panjang)d digit.",
            code="panjang",
            params={"nama": nama, "panjang": len(s)},
        )
    if len(set(s)) == 1:
        # 0000000000000000, 1111… are placeholders typed to get past a form, never a real number.
        raise ValidationError(
            "%(nama)s %(nilai)s tidak sah: semua angkanya sama.", code="angka_sama", params={"nama": nama, "nilai": s}
        )


def validasi_nik(nik: str) -> None:
    """Error when the NIK is not exactly 16 digits (the only thing that makes a NIK unusable)."""
    _validasi_16_digit(nik, "NIK")


def validasi_no_kk(no_kk: str) -> None:
    """Error when the No. KK is not exactly 16 digits."""
    _validasi_16_digit(no_kk, "No. KK")


def _bentuk_benar(nilai) -> bool:
    s = "" if nilai is None else str(nilai)
    return len(s) == PANJANG_NOMOR and s.isascii() and s.isdigit() and len(set(s)) > 1


def _nama_wilayah_nasional(prefiks: str) -> str:
    """Province and kab/kota names from python-stdnum's (dated) list, or "" when it knows none."""
    try:
        from stdnum import numdb

        bagian = numdb.get("id/loc").info(prefiks[:4])
    except Exception:  # the cross-check is optional: a missing or changed list only loses the name
        return ""
    nama = [info.get("name_id", "") for _, info in bagian if info.get("name_id")]
    return ", ".join(n.title() if n.isupper() else n for n in reversed(nama))


def _peringatan_wilayah(nomor: str, jenis: str) -> list[str]:
    prefiks = nomor[:6]
    if prefiks in kecamatan_kota():
        return []
    if prefiks.startswith(KODE_KOTA):
        return [f"Kode kecamatan {prefiks} pada {jenis} tidak dikenal di Kota Pasuruan (357501–357504)."]
    nama = _nama_wilayah_nasional(prefiks)
    asal = f" ({nama} menurut daftar wilayah nasional)" if nama else ""
    return [f"Kode wilayah {prefiks} pada {jenis} tidak dikenal: di luar Kota Pasuruan{asal}. Pastikan asal penduduk."]


def tanggal_nik(nik: str) -> tuple[int, int, int, str | None]:
    """(day, month, two-digit year, sex "L"/"P" or None) as encoded in a well-formed NIK."""
    hari, bulan, tahun = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if 1 <= hari <= 31:
        return hari, bulan, tahun, "L"
    if 41 <= hari <= 71:
        return hari - 40, bulan, tahun, "P"
    return hari, bulan, tahun, None


def _tanggal_ada(hari: int, bulan: int, tahun2: int) -> bool:
    """True if DD-MM-YY is a real date in 19YY or 20YY (29-02-00 is, 2000 being a leap year)."""
    for abad in (1900, 2000):
        try:
            datetime.date(abad + tahun2, bulan, hari)
            return True
        except ValueError:
            continue
    return False


def periksa_nik(
    nik: str, *, tanggal_lahir: datetime.date | None = None, jenis_kelamin: str | None = None
) -> list[str]:
    """Warnings about a NIK (never errors): unknown region, encoded date that is not a real date,
    mismatch with the given birth date or sex ("L"/"P"), serial 0000. A malformed NIK gives no
    warnings: ``validasi_nik`` reports it."""
    if not _bentuk_benar(nik):
        return []
    peringatan = _peringatan_wilayah(nik, "NIK")
    hari, bulan, tahun2, jk_nik = tanggal_nik(nik)
    teks_tanggal = nik[6:12]
    if jk_nik is None:
        peringatan.append(
            f"Tanggal lahir dalam NIK ({teks_tanggal[:2]}-{teks_tanggal[2:4]}-{teks_tanggal[4:]}) tidak terbaca: "
            "hari harus 01–31 (laki-laki) atau 41–71 (perempuan)."
        )
    elif not _tanggal_ada(hari, bulan, tahun2):
        peringatan.append(f"Tanggal lahir dalam NIK ({hari:02d}-{bulan:02d}-{tahun2:02d}) bukan tanggal yang ada.")
    elif tanggal_lahir is not None and (tanggal_lahir.day, tanggal_lahir.month, tanggal_lahir.year % 100) != (
        hari,
        bulan,
        tahun2,
    ):
        peringatan.append(
            f"Tanggal lahir dalam NIK ({hari:02d}-{bulan:02d}-{tahun2:02d}) berbeda dengan tanggal lahir "
            f"{tanggal_lahir:%d-%m-%Y}."
        )
    jk = _jenis_kelamin(jenis_kelamin)
    if jk_nik is not None and jk is not None and jk != jk_nik:
        tercatat = "laki-laki" if jk == "L" else "perempuan"
        menurut = "perempuan (hari lahir ditambah 40)" if jk_nik == "P" else "laki-laki (hari lahir tanpa tambahan 40)"
        peringatan.append(f"NIK menunjukkan {menurut}, tetapi jenis kelamin yang diisi {tercatat}.")
    if nik[12:] == "0000":
        peringatan.append("Nomor urut NIK 0000 tidak dipakai; nomor urut dimulai dari 0001.")
    return peringatan


def periksa_no_kk(no_kk: str) -> list[str]:
    """Warnings about a No. KK: only an unknown region prefix (its date layout is unverified)."""
    if not _bentuk_benar(no_kk):
        return []
    return _peringatan_wilayah(no_kk, "No. KK")


def _jenis_kelamin(nilai) -> str | None:
    s = str(nilai or "").strip().upper()
    if s in ("L", "LAKI-LAKI", "LAKI_LAKI"):
        return "L"
    if s in ("P", "PEREMPUAN", "W", "WANITA"):
        return "P"
    return None


# --- Forms -----------------------------------------------------------------------------------


class NomorInput(forms.TextInput):
    """A text input that lists its field's warnings right under itself."""

    template_name = "penduduk/widgets/nomor.html"

    def __init__(self, attrs=None):
        base = {"inputmode": "numeric", "autocomplete": "off", "maxlength": "24", "spellcheck": "false"}
        super().__init__({**base, **(attrs or {})})
        self.peringatan: list[str] = []

    def get_context(self, name, value, attrs):
        konteks = super().get_context(name, value, attrs)
        konteks["widget"]["peringatan"] = self.peringatan
        return konteks


class _NomorField(forms.CharField):
    widget = NomorInput
    _validator = staticmethod(validasi_nik)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", None)
        super().__init__(**kwargs)
        self.validators.append(self._validator)

    def to_python(self, value):
        return bersihkan_nomor(super().to_python(value))

    def peringatan(self, nilai: str, cleaned_data: dict) -> list[str]:
        raise NotImplementedError


class NIKField(_NomorField):
    """A NIK: 16 digits or an error; warnings from ``periksa_nik`` against sibling fields."""

    _validator = staticmethod(validasi_nik)

    def __init__(self, *, tanggal_lahir: str | None = None, jenis_kelamin: str | None = None, **kwargs):
        kwargs.setdefault("label", "NIK")
        super().__init__(**kwargs)
        self.field_tanggal_lahir = tanggal_lahir
        self.field_jenis_kelamin = jenis_kelamin

    def peringatan(self, nilai: str, cleaned_data: dict) -> list[str]:
        tanggal = cleaned_data.get(self.field_tanggal_lahir) if self.field_tanggal_lahir else None
        jk = cleaned_data.get(self.field_jenis_kelamin) if self.field_jenis_kelamin else None
        return periksa_nik(nilai, tanggal_lahir=tanggal if isinstance(tanggal, datetime.date) else None, jenis_kelamin=jk)


class NoKKField(_NomorField):
    """A No. KK: 16 digits or an error; warnings from ``periksa_no_kk``."""

    _validator = staticmethod(validasi_no_kk)

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "No. KK")
        super().__init__(**kwargs)

    def peringatan(self, nilai: str, cleaned_data: dict) -> list[str]:
        return periksa_no_kk(nilai)


class PeringatanNomorMixin:
    """Fills ``self.peringatan`` ({field name: [warnings]}) for every NIKField/NoKKField after
    cleaning, and hands the warnings to the field's widget so they show under the input."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.peringatan: dict[str, list[str]] = {}

    def _post_clean(self):
        super()._post_clean()
        self.peringatan = {}
        data = getattr(self, "cleaned_data", {}) or {}
        for nama, field in self.fields.items():
            if not isinstance(field, _NomorField):
                continue
            nilai = data.get(nama)
            pesan = field.peringatan(nilai, data) if nama not in self.errors and nilai else []
            field.widget.peringatan = pesan
            if pesan:
                self.peringatan[nama] = pesan

    def semua_peringatan(self) -> list[str]:
        """Every warning as one flat list (e.g. for ``messages.warning`` after the redirect)."""
        return [p for pesan in self.peringatan.values() for p in pesan]


class KonfirmasiPeringatanMixin(PeringatanNomorMixin):
    """Warnings must be confirmed, refusals stop the save (intake forms of P.4.1, P.5.1, …).

    On top of ``PeringatanNomorMixin`` (NIK/No. KK warnings under their inputs):

    - ``periksa_register_nik``: names of NIK fields whose resident is checked against the register
      (``pemeriksaan.periksa_register``): a refusal (*tolak*, e.g. deceased) is an error next to the
      field, a *konfirmasi* (e.g. moved out) joins the field's warnings;
    - ``masalah_tambahan(cleaned_data)``: a hook returning ``{field: [Masalah]}`` for a form's own
      checks (``Masalah.tolak`` / ``Masalah.konfirmasi``);
    - when any warning remains, the form is valid only with ``konfirmasi_peringatan`` ticked and
      ``alasan_konfirmasi`` given. ``form.konfirmasi()`` then returns ``{"peringatan": [...],
      "alasan": "..."}`` (``None`` without warnings), which ``services.konfirmasi_catat`` stores on
      the saved record for the verifier.
    """

    periksa_register_nik: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["konfirmasi_peringatan"] = forms.BooleanField(
            label="Saya sudah memeriksa peringatan di atas dan tetap melanjutkan", required=False,
            help_text="Hanya perlu dicentang bila ada peringatan.",
        )
        self.fields["alasan_konfirmasi"] = forms.CharField(
            label="Alasan melanjutkan", required=False, max_length=500,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text="Mis. “NIK sesuai KTP-el asli yang ditunjukkan pemohon.” Dibaca oleh verifikator.",
        )

    def masalah_tambahan(self, cleaned_data: dict) -> dict:
        return {}

    def _post_clean(self):
        super()._post_clean()
        from .pemeriksaan import periksa_register

        data = getattr(self, "cleaned_data", {}) or {}
        masalah: dict[str, list] = {}
        for nama in self.periksa_register_nik:
            if data.get(nama) and nama not in self.errors:
                masalah.setdefault(nama, []).extend(periksa_register(data[nama]))
        for nama, daftar in (self.masalah_tambahan(data) or {}).items():
            masalah.setdefault(nama, []).extend(daftar)
        for nama, daftar in masalah.items():
            for m in daftar:
                if m.tolak:
                    self.add_error(nama if nama in self.fields else None, m.pesan)
                else:
                    self.peringatan.setdefault(nama, []).append(m.pesan)
                    widget = self.fields[nama].widget if nama in self.fields else None
                    if widget is not None and hasattr(widget, "peringatan") and m.pesan not in widget.peringatan:
                        widget.peringatan = [*widget.peringatan, m.pesan]
        if self.peringatan:
            if not data.get("konfirmasi_peringatan"):
                self.add_error(
                    "konfirmasi_peringatan",
                    "Ada peringatan pada isian ini. Periksa kembali, lalu centang konfirmasi dan tulis alasannya untuk menyimpan.",
                )
            elif not (data.get("alasan_konfirmasi") or "").strip():
                self.add_error("alasan_konfirmasi", "Tulis alasan melanjutkan meskipun ada peringatan.")

    def konfirmasi(self) -> dict | None:
        """What the officer confirmed, to be kept on the record; None when there was no warning."""
        if not self.peringatan:
            return None
        return {"peringatan": self.semua_peringatan(), "alasan": self.cleaned_data.get("alasan_konfirmasi", "").strip()}
