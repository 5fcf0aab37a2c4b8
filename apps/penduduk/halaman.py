"""Reads behind the staff pages of a resident and of a family (issue 9 §5, display side).

Who may open them, what each role sees of a resident (least privilege, UU PDP), the audited
history (``RiwayatRegister``) with the request that caused each change, and the documents issued
for the person. Every read is a fixed number of queries whatever the length of the history: the
requests behind the history and the person's own requests come from the cross-process index
(``core.IndeksProses``) in one query, their documents in one more.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import NoReverseMatch

from apps.akun.roles import IZIN
from apps.core.models import AksesBerkas, IndeksProses
from apps.core.peran import peran_pengguna
from apps.core.urls import url_proses

from .models import URUTAN_HUBUNGAN, Keluarga, Penduduk, RiwayatRegister

PESAN_TANPA_AKSES = "Halaman data penduduk hanya untuk petugas yang bekerja dengan register penduduk."

# The roles whose work needs the register: those akun.roles.IZIN names with penduduk.view_penduduk
# (the roles the menu offers the register search). The system administrator's read-only view of
# every table (for Django admin) does not make it one: it keeps master data, not residents' files.
PERAN_REGISTER = frozenset(
    kode for kode, izin in IZIN.items() if isinstance(izin, list) and "penduduk.view_penduduk" in izin
)

# Roles that check or change register data (verification, SIAK input, approval, the database
# administrator) see every field. The other register readers (front office, integrated partners,
# biometric recording) look people up to take a request: they see who the person is, where they
# live and their family, and these fields masked, in the data and in the history alike.
PERAN_DATA_LENGKAP = frozenset(
    {"verifikator", "verifikator_wna", "verifikator_pendataan", "operator_siak", "kasi", "kabid", "kadis", "adb"}
)
KOLOM_TERBATAS = frozenset(
    {
        "agama", "status_perkawinan", "tanggal_perkawinan", "pekerjaan", "pendidikan", "golongan_darah",
        "nama_ayah", "nama_ibu", "no_paspor", "no_kitap",
    }
)
DISAMARKAN = "••••"


def boleh_data_lengkap(user) -> bool:
    return bool(peran_pengguna(user) & PERAN_DATA_LENGKAP)


def boleh_buka_register(user) -> bool:
    """A register role, and its group still holds the permission (revoking it closes the pages)."""
    return bool(peran_pengguna(user) & PERAN_REGISTER) and user.has_perm("penduduk.view_penduduk")


def penduduk_untuk_pengguna(user, pk) -> Penduduk:
    """The resident ``pk`` for a register reader: 403 for other users, 404 when there is none."""
    if not boleh_buka_register(user):
        raise PermissionDenied(PESAN_TANPA_AKSES)
    try:
        return Penduduk.objects.select_related("keluarga", "kelurahan__induk").get(pk=pk)
    except (Penduduk.DoesNotExist, ValueError, TypeError):
        raise Http404("Penduduk tidak ditemukan.") from None


def keluarga_untuk_pengguna(user, pk) -> Keluarga:
    """The family ``pk`` for a register reader: 403 for other users, 404 when there is none."""
    if not (boleh_buka_register(user) and user.has_perm("penduduk.view_keluarga")):
        raise PermissionDenied(PESAN_TANPA_AKSES)
    try:
        return Keluarga.objects.select_related("kepala", "kelurahan__induk").get(pk=pk)
    except (Keluarga.DoesNotExist, ValueError, TypeError):
        raise Http404("Keluarga tidak ditemukan.") from None


def akses_catat(*, request, objek) -> AksesBerkas:
    """Log a page view of personal data as file openings are logged (core.AksesBerkas): who,
    when, from where, which record (by its key, so the log does not copy the NIK)."""
    jenis = objek._meta.model_name
    return AksesBerkas.objects.create(
        oleh=request.user,
        berkas=f"register/{jenis}/{objek.pk}",
        keterangan=f"Halaman {objek._meta.verbose_name} {objek.pk} dibuka",
        alamat_ip=request.META.get("REMOTE_ADDR"),
    )


def anggota_urut(anggota) -> list[Penduduk]:
    """Members in SHDK order (head first), then by birth date."""
    return sorted(anggota, key=lambda p: (URUTAN_HUBUNGAN.get(p.hubungan, 9), p.tanggal_lahir, p.nik))


def status_anggota(p: Penduduk) -> str:
    if p.meninggal:
        return "Meninggal"
    if p.pindah_keluar:
        return "Pindah keluar"
    return "Hidup"


# -- requests from the index ------------------------------------------------------------------
@dataclass
class Permohonan:
    """A request as these pages show it: from its index row, with a link when the user's roles
    read every record of its process (otherwise the tracking code alone)."""

    baris: IndeksProses
    url: str = ""


def _boleh_baca(baris: IndeksProses, peran: frozenset[str]) -> bool:
    return any(f"|{k}|" in baris.peran_baca for k in peran)


def _url_detail(baris: IndeksProses) -> str:
    model = ContentType.objects.get_for_id(baris.content_type_id).model_class()
    if model is None:
        return ""
    try:
        return url_proses(model, "detail", baris.object_id)
    except NoReverseMatch:
        return ""


def _permohonan(baris: IndeksProses, peran: frozenset[str]) -> Permohonan:
    return Permohonan(baris=baris, url=_url_detail(baris) if _boleh_baca(baris, peran) else "")


# -- the history ------------------------------------------------------------------------------
@dataclass
class Perubahan:
    kolom: str
    sebelum: str
    sesudah: str


@dataclass
class BarisRiwayat:
    log: RiwayatRegister
    perubahan: list[Perubahan] = field(default_factory=list)
    permohonan: Permohonan | None = None


_PK_AKHIR = re.compile(r" \[[^\]]+\]$")


def _nilai(model, nama: str, nilai, *, samar: bool) -> str:
    """A stored value as staff read it: the choice's label, a row without its key, "–" for none."""
    if nilai in (None, ""):
        return "–"
    if samar:
        return DISAMARKAN
    try:
        f = model._meta.get_field(nama)
    except Exception:
        return str(nilai)
    if f.choices:
        return str(dict(f.flatchoices).get(nilai, nilai))
    if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
        try:
            return datetime.date.fromisoformat(str(nilai)).strftime("%d-%m-%Y")
        except ValueError:
            return str(nilai)
    return _PK_AKHIR.sub("", str(nilai))


def _label(model, nama: str) -> str:
    try:
        return str(model._meta.get_field(nama).verbose_name)
    except Exception:
        return nama


def riwayat_baris(logs: list[RiwayatRegister], permohonan: dict, *, lengkap: bool) -> list[BarisRiwayat]:
    """The history rows with each field's label and its before/after (masked for a role that does
    not see the field), and the request that caused it (``permohonan``: {(ct, id): Permohonan})."""
    hasil = []
    for log in logs:
        model = Penduduk if log.penduduk_id else Keluarga
        samar_model = model is Penduduk and not lengkap
        baris = BarisRiwayat(log=log, permohonan=permohonan.get((log.sebab_type_id, log.sebab_id)))
        for nama, nilai in (log.perubahan or {}).items():
            samar = samar_model and nama in KOLOM_TERBATAS
            baris.perubahan.append(Perubahan(
                kolom=_label(model, nama),
                sebelum=_nilai(model, nama, (nilai or {}).get("sebelum"), samar=samar),
                sesudah=_nilai(model, nama, (nilai or {}).get("sesudah"), samar=samar),
            ))
        hasil.append(baris)
    return hasil


def _indeks(logs: list[RiwayatRegister], *, nik: str = "") -> list[IndeksProses]:
    """One query: the index rows of the requests behind ``logs`` and of the requests for ``nik``."""
    per_ct: dict[int, set[int]] = {}
    for log in logs:
        if log.sebab_type_id and log.sebab_id:
            per_ct.setdefault(log.sebab_type_id, set()).add(log.sebab_id)
    kondisi = Q(nik=nik) if nik else Q(pk__in=[])
    for ct, ids in per_ct.items():
        kondisi |= Q(content_type_id=ct, object_id__in=sorted(ids))
    if not nik and not per_ct:
        return []
    return list(IndeksProses.objects.filter(kondisi).order_by("-dibuat_pada", "pk"))


def _dokumen(permohonan: list[Permohonan]):
    """One query: the active documents issued by the requests the user may read."""
    from apps.dokumen.models import Dokumen

    per_ct: dict[int, set[int]] = {}
    for p in permohonan:
        if p.url:
            per_ct.setdefault(p.baris.content_type_id, set()).add(p.baris.object_id)
    if not per_ct:
        return []
    kondisi = Q(pk__in=[])
    for ct, ids in per_ct.items():
        kondisi |= Q(content_type_id=ct, object_id__in=sorted(ids))
    return list(Dokumen.objects.filter(kondisi).order_by("-dibuat_pada", "-pk"))


@dataclass
class HalamanPenduduk:
    penduduk: Penduduk
    lengkap: bool
    anggota: list[Penduduk]
    riwayat: list[BarisRiwayat]
    permohonan: list[Permohonan]
    dokumen: list


def halaman_penduduk(*, user, penduduk: Penduduk) -> HalamanPenduduk:
    """Everything the resident's page shows, in five queries whatever the history's length."""
    peran = peran_pengguna(user)
    lengkap = boleh_data_lengkap(user)
    anggota = anggota_urut(penduduk.keluarga.anggota.all()) if penduduk.keluarga_id else []
    logs = list(penduduk.riwayat.select_related("oleh").order_by("-waktu", "-pk"))
    indeks = [_permohonan(b, peran) for b in _indeks(logs, nik=penduduk.nik)]
    per_kunci = {(p.baris.content_type_id, p.baris.object_id): p for p in indeks}
    # Requests that caused a change (a birth's child is not its applicant) and those filed for the NIK.
    sebab = {(log.sebab_type_id, log.sebab_id) for log in logs}
    terkait = [p for p in indeks if p.baris.nik == penduduk.nik or (p.baris.content_type_id, p.baris.object_id) in sebab]
    return HalamanPenduduk(
        penduduk=penduduk,
        lengkap=lengkap,
        anggota=anggota,
        riwayat=riwayat_baris(logs, per_kunci, lengkap=lengkap),
        permohonan=terkait,
        dokumen=_dokumen(terkait),
    )


@dataclass
class HalamanKeluarga:
    keluarga: Keluarga
    anggota: list[Penduduk]
    riwayat: list[BarisRiwayat]


def halaman_keluarga(*, user, keluarga: Keluarga) -> HalamanKeluarga:
    """The family's page: members in SHDK order, and the history of the family's own record and
    of its current members (a birth into it, a death, a KK change), in a fixed number of queries."""
    peran = peran_pengguna(user)
    anggota = anggota_urut(keluarga.anggota.all())
    logs = list(
        RiwayatRegister.objects.filter(Q(keluarga=keluarga) | Q(penduduk__keluarga=keluarga))
        .select_related("oleh", "penduduk")
        .order_by("-waktu", "-pk")
    )
    per_kunci = {(b.content_type_id, b.object_id): _permohonan(b, peran) for b in _indeks(logs)}
    return HalamanKeluarga(
        keluarga=keluarga,
        anggota=anggota,
        riwayat=riwayat_baris(logs, per_kunci, lengkap=boleh_data_lengkap(user)),
    )
