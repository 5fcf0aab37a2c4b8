"""Writes to the register and what the register hands to other parts of the portal.

Every change of a resident or a family goes through ``penduduk_ubah`` / ``keluarga_ubah`` (and the
member helpers built on them): one ``RiwayatRegister`` row per change with each field's value
before and after, the request that caused it (any process record), who and when. Used when a KK is
signed (P.4.1.2), by P.5.1 for births, deaths, marriages and divorces, and later by
P.4.5/P.4.6/P.6.3. SIAK stays the record of truth: the numbers written here (NIK, No. KK) are the
ones SIAK issued, typed by the officer who recorded the SIAK step.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction

from .models import Keluarga, KonfirmasiPeringatan, Penduduk, RiwayatRegister
from .validators import periksa_nik


def _teks(nilai) -> str | None:
    """A value as the audit row keeps it (JSON): dates ISO, model rows by their str and pk."""
    if nilai is None:
        return None
    if isinstance(nilai, models.Model):
        return f"{nilai} [{nilai.pk}]"
    if isinstance(nilai, datetime.date):
        return nilai.isoformat()
    return str(nilai)


def _sebab_kolom(sebab) -> dict:
    if sebab is None or getattr(sebab, "pk", None) is None:
        return {"sebab_type": None, "sebab_id": None}
    return {"sebab_type": ContentType.objects.get_for_model(sebab), "sebab_id": sebab.pk}


def _ubah(objek, perubahan: dict, *, sebab, oleh, alasan: str, kunci: str) -> RiwayatRegister | None:
    """Apply ``perubahan`` ({field name: new value}; a foreign key by name with a row or None) to
    ``objek``, validate the changed fields (format, uniqueness), save them and write the audit row.
    Returns None when nothing changes. Raises ValidationError (by field) and writes nothing."""
    model = type(objek)
    beda: dict[str, dict] = {}
    kolom: list[str] = []
    for nama, baru in perubahan.items():
        field = model._meta.get_field(nama)
        lama = getattr(objek, nama)
        if (lama.pk if isinstance(lama, models.Model) else lama) == (baru.pk if isinstance(baru, models.Model) else baru):
            continue
        beda[nama] = {"sebelum": _teks(lama), "sesudah": _teks(baru)}
        setattr(objek, nama, baru)
        kolom.append(field.name)
    if not beda:
        return None
    nama_field = [n for n in beda]
    tidak_diperiksa = [f.name for f in model._meta.fields if f.name not in nama_field]
    objek.clean_fields(exclude=tidak_diperiksa)
    objek.validate_unique(exclude=tidak_diperiksa)
    if any(f.name == "diperbarui_pada" for f in model._meta.fields):
        kolom.append("diperbarui_pada")
    objek.save(update_fields=kolom)
    return RiwayatRegister.objects.create(
        **{kunci: objek}, perubahan=beda, oleh=oleh, alasan=alasan[:300], **_sebab_kolom(sebab)
    )


def penduduk_ubah(*, penduduk: Penduduk, perubahan: dict, sebab=None, oleh=None, alasan: str = "") -> RiwayatRegister | None:
    """Change a resident's data (``perubahan``: {field: new value}) with an audit row.

    ``sebab``: the request whose step makes the change (a process record), or None for an
    administrator's correction; ``oleh``: the acting user; ``alasan``: free text. Returns the
    ``RiwayatRegister`` row, or None when the values are already so. Raises ``ValidationError``
    (e.g. a NIK another resident holds) and changes nothing then.
    """
    with transaction.atomic():
        if penduduk.pk:
            Penduduk.objects.select_for_update().filter(pk=penduduk.pk).first()
        return _ubah(penduduk, perubahan, sebab=sebab, oleh=oleh, alasan=alasan, kunci="penduduk")


def keluarga_ubah(*, keluarga: Keluarga, perubahan: dict, sebab=None, oleh=None, alasan: str = "") -> RiwayatRegister | None:
    """Change a family's data (No. KK from SIAK, address, head ``kepala``) with an audit row; as
    ``penduduk_ubah``. A No. KK another family holds is refused (ValidationError on ``no_kk``)."""
    with transaction.atomic():
        if keluarga.pk:
            Keluarga.objects.select_for_update().filter(pk=keluarga.pk).first()
        return _ubah(keluarga, perubahan, sebab=sebab, oleh=oleh, alasan=alasan, kunci="keluarga")


def keluarga_buat(*, no_kk: str, data: dict, sebab=None, oleh=None, alasan: str = "") -> Keluarga:
    """A new family with the No. KK SIAK issued (never minted here), audited as a change from
    nothing. ``data``: alamat, rt, rw, kelurahan (row), kode_pos, tanggal_terbit."""
    with transaction.atomic():
        keluarga = Keluarga(no_kk=no_kk, **data)
        keluarga.full_clean(exclude=["kepala"])
        keluarga.save()
        RiwayatRegister.objects.create(
            keluarga=keluarga, oleh=oleh, alasan=alasan[:300], **_sebab_kolom(sebab),
            perubahan={n: {"sebelum": None, "sesudah": _teks(getattr(keluarga, n))} for n in ("no_kk", *data)},
        )
    return keluarga


def penduduk_buat(*, data: dict, sebab=None, oleh=None, alasan: str = "") -> Penduduk:
    """A new resident (e.g. a birth recorded by P.5.1) with the NIK SIAK issued, audited as a
    change from nothing. Raises ValidationError for a malformed or taken NIK."""
    with transaction.atomic():
        penduduk = Penduduk(**data)
        penduduk.full_clean()
        penduduk.save()
        RiwayatRegister.objects.create(
            penduduk=penduduk, oleh=oleh, alasan=alasan[:300], **_sebab_kolom(sebab),
            perubahan={n: {"sebelum": None, "sesudah": _teks(v)} for n, v in data.items()},
        )
    return penduduk


def keluarga_tambah_anggota(*, keluarga: Keluarga, penduduk: Penduduk, hubungan: str, sebab=None, oleh=None,
                            alasan: str = "") -> RiwayatRegister | None:
    """Put a resident on a family's card with his or her relation (SHDK); a head also becomes the
    family's ``kepala``."""
    with transaction.atomic():
        log = penduduk_ubah(penduduk=penduduk, perubahan={"keluarga": keluarga, "hubungan": hubungan},
                            sebab=sebab, oleh=oleh, alasan=alasan)
        if hubungan == "kepala":
            keluarga_ubah(keluarga=keluarga, perubahan={"kepala": penduduk}, sebab=sebab, oleh=oleh, alasan=alasan)
    return log


def keluarga_keluarkan_anggota(*, penduduk: Penduduk, sebab=None, oleh=None, alasan: str = "") -> RiwayatRegister | None:
    """Take a resident off his or her family's card (moved to another KK or away); a family whose
    head leaves keeps no head until a new one is named (``keluarga_tambah_anggota``)."""
    with transaction.atomic():
        keluarga = penduduk.keluarga
        log = penduduk_ubah(penduduk=penduduk, perubahan={"keluarga": None, "hubungan": ""},
                            sebab=sebab, oleh=oleh, alasan=alasan)
        if keluarga is not None and keluarga.kepala_id == penduduk.pk:
            keluarga_ubah(keluarga=keluarga, perubahan={"kepala": None}, sebab=sebab, oleh=oleh, alasan=alasan)
    return log


def konfirmasi_catat(*, objek, konfirmasi: dict | None, oleh) -> KonfirmasiPeringatan | None:
    """Keep on ``objek`` (any saved record) what an intake officer confirmed despite warnings
    (``KonfirmasiPeringatanMixin.konfirmasi()``); nothing when there was no warning."""
    if not konfirmasi:
        return None
    return KonfirmasiPeringatan.objects.create(
        content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk,
        peringatan=list(konfirmasi["peringatan"]), alasan=konfirmasi["alasan"], oleh=oleh,
    )


def penduduk_info(*, penduduk: Penduduk) -> dict:
    """The fields an intake form prefills (P.4, P.5 intake), with the NIK's warnings. Expects
    ``keluarga`` and ``kelurahan__induk`` already selected (``penduduk_dari_nik``)."""
    kelurahan = penduduk.kelurahan
    kecamatan = kelurahan.induk
    return {
        "nik": penduduk.nik,
        "nama": penduduk.nama,
        "tempat_lahir": penduduk.tempat_lahir,
        "tanggal_lahir": penduduk.tanggal_lahir.isoformat(),
        "jenis_kelamin": penduduk.jenis_kelamin,
        "jenis_kelamin_label": penduduk.get_jenis_kelamin_display(),
        "no_kk": penduduk.keluarga.no_kk if penduduk.keluarga_id else "",
        "hubungan": penduduk.hubungan,
        "alamat": penduduk.alamat,
        "rt": penduduk.rt,
        "rw": penduduk.rw,
        "kelurahan": kelurahan.nama,
        "kode_kelurahan": kelurahan.kode,
        "kecamatan": kecamatan.nama if kecamatan else "",
        "kode_kecamatan": kecamatan.kode if kecamatan else "",
        "status_hidup": penduduk.status_hidup,
        "status_hidup_label": penduduk.get_status_hidup_display(),
        "peringatan": periksa_nik(penduduk.nik, tanggal_lahir=penduduk.tanggal_lahir, jenis_kelamin=penduduk.jenis_kelamin),
    }


__all__ = [
    "ValidationError",
    "keluarga_buat",
    "keluarga_keluarkan_anggota",
    "keluarga_tambah_anggota",
    "keluarga_ubah",
    "konfirmasi_catat",
    "penduduk_buat",
    "penduduk_info",
    "penduduk_ubah",
]
