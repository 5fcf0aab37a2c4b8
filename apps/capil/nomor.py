"""Numbers SIAK gives a civil-registry event, as the operator types them at the SIAK step: the
nomor akta of a deed and the NIK of a newborn.

The portal never mints either (DOMAIN.md "Numbers"): a locally minted NIK can collide with a real
one held by someone who moved away, and it would be printed on a signed deed. Here they are only
checked: the shape (errors), what looks odd but may be right (warnings, kept on the record and
shown to the verifiers), and that no other resident or deed already holds them. The demo data's
generator lives in ``demo.py``.
"""

from __future__ import annotations

import re
import string
from datetime import date

from django.core.exceptions import ValidationError

from apps.penduduk.validators import periksa_nik, validasi_nik

from . import aturan

# A nomor akta of any format (older deeds differ): letters, digits and the usual separators.
_BENTUK_NOMOR_AKTA = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./\- ]{2,39}$")
_CONTOH_TANGGAL = date(2000, 12, 31)


def nomor_akta_format(*, kode: str, tanggal: date, urut: int) -> str:
    """``3575-LU-25112026-0001`` with the default pattern (*unverified*, see aturan.POLA_NOMOR_AKTA)."""
    return aturan.pola_nomor_akta().format(kota=aturan.kode_kota(), kode=kode, tanggal=tanggal, urut=urut)


def pola_regex(kode: str | None = None) -> re.Pattern:
    """The configured pattern as a regular expression: ``{kota}`` literal, ``{kode}`` the given
    type code (any code when None), ``{tanggal:...}`` as many digits as its format gives, ``{urut}``
    digits."""
    bagian = []
    for teks, nama, spek, _ in string.Formatter().parse(aturan.pola_nomor_akta()):
        bagian.append(re.escape(teks))
        if nama is None:
            continue
        if nama == "kota":
            bagian.append(re.escape(aturan.kode_kota()))
        elif nama == "kode":
            bagian.append(re.escape(kode) if kode else "[A-Z]{1,4}")
        elif nama == "tanggal":
            panjang = len(format(_CONTOH_TANGGAL, spek or "%Y-%m-%d"))
            bagian.append(rf"\d{{{panjang}}}")
        else:
            bagian.append(r"\d+")
    return re.compile("^" + "".join(bagian) + "$")


def periksa_nomor_akta(nomor: str, *, kode: str, abaikan_pencatatan=None) -> list[str]:
    """Warnings about a nomor akta typed from SIAK (an empty list when it follows the pattern with
    the expected type code). Raises ValidationError when it is unusable or already held by a
    deed in the register or by another open request."""
    from .models import PencatatanSipil, RegisterAkta, Status

    nomor = (nomor or "").strip()
    if not _BENTUK_NOMOR_AKTA.match(nomor):
        raise ValidationError(
            "Nomor akta hanya berisi huruf, angka, titik, garis miring atau tanda hubung (3–40 karakter), "
            "sesuai yang diberikan SIAK.", code="bentuk",
        )
    if RegisterAkta.objects.filter(nomor_akta__iexact=nomor).exists():
        raise ValidationError(f"Nomor akta {nomor} sudah tercatat di register akta untuk akta lain.", code="dipakai")
    lain = PencatatanSipil.objects.filter(nomor_akta__iexact=nomor).exclude(
        status__in=[Status.DITOLAK, Status.DIBATALKAN])
    if abaikan_pencatatan is not None and abaikan_pencatatan.pk:
        lain = lain.exclude(pk=abaikan_pencatatan.pk)
    if lain.exists():
        raise ValidationError(
            f"Nomor akta {nomor} sudah dipakai pelaporan lain ({lain.first().kode_lacak}).", code="dipakai")
    if pola_regex(kode).match(nomor):
        return []
    if pola_regex().match(nomor):
        return [f"Kode jenis pada nomor akta {nomor} bukan {kode} seperti yang diharapkan untuk peristiwa ini."]
    contoh = nomor_akta_format(kode=kode, tanggal=_CONTOH_TANGGAL, urut=1)
    return [f"Nomor akta {nomor} tidak mengikuti pola yang berlaku (mis. {contoh}); pastikan sama dengan SIAK "
            "(format lama tetap diterima)."]


def periksa_nik_anak(nik: str, *, tanggal_lahir: date | None, jenis_kelamin: str | None,
                     abaikan_kelahiran=None) -> list[str]:
    """Warnings about a newborn's NIK typed from SIAK (region, date/sex against the birth).
    Raises ValidationError when it is not 16 digits or a resident or another birth holds it."""
    from apps.penduduk.models import Penduduk

    from .models import Kelahiran, Status

    validasi_nik(nik)  # 16 digits, not all the same digit
    pemilik = Penduduk.objects.filter(nik=nik).first()
    if pemilik is not None:
        raise ValidationError(f"NIK {nik} sudah dimiliki penduduk lain ({pemilik.nama}).", code="dipakai")
    lain = Kelahiran.objects.filter(nik_anak=nik).exclude(
        pencatatan__status__in=[Status.DITOLAK, Status.DIBATALKAN])
    if abaikan_kelahiran is not None and abaikan_kelahiran.pk:
        lain = lain.exclude(pk=abaikan_kelahiran.pk)
    if lain.exists():
        raise ValidationError(f"NIK {nik} sudah dipakai pelaporan kelahiran lain.", code="dipakai")
    return periksa_nik(nik, tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin)
