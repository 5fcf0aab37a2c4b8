"""The cross-process index (``IndeksProses``): writing it, rebuilding it, and reading it.

Every process record has one row, written by ``Proses.save`` in the same transaction as the
record (creation, every transition, any data edit). Readers get, with one query whatever the
number of process types or rows:
- ``hitung_antrian``: the home page's counts per process for the user's roles;
- ``cari_kode_lacak``: the status page's look-up of a citizen's request by its tracking code;
- ``cari_global``: the staff search by tracking code, partial NIK or name across processes.

Who may read a row is decided per role, from the model itself: a role *reads every record* of a
process when ``Model.untuk_pengguna`` gives that role the whole table (``peran_baca``). Roles whose
access is narrowed to some records (an integrated partner's own filings, a disposition's target,
the courier's letters out for delivery) are not in ``peran_baca``: their rows are counted and
searched through the model's own ``untuk_pengguna`` (``model_terbatas``), never from the index.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import capfirst

from .kode import normalkan_kode_lacak, varian_kode_lacak
from .kueri import KueriTetap
from .models import IndeksProses, Proses
from .peran import peran_pengguna
from .peta import teks_kode

BATAS_CARI = 50


def token_peran(kode) -> str:
    """{"kabid", "kadis"} → "|kabid|kadis|" (empty set → "")."""
    kode = sorted(set(kode))
    return f"|{'|'.join(kode)}|" if kode else ""


def ada_peran(field: str, kode) -> Q:
    """Rows whose role list ``field`` holds any of ``kode`` (one LIKE per role, one query)."""
    kondisi = Q(pk__in=[])
    for k in sorted(set(kode)):
        kondisi |= Q(**{f"{field}__contains": f"|{k}|"})
    return kondisi


@cache
def peran_baca_penuh(model: type[Proses]) -> frozenset[str]:
    """The roles of ``model``'s process for which ``untuk_pengguna`` is the whole table.

    Read from the model's own rule, by asking it for a user holding only that role."""
    from .workflow import peran_proses

    penuh = set()
    for kode in peran_proses(model):
        pengguna = get_user_model()(username=f"~{kode}", is_active=True)
        pengguna._peran_cache = frozenset({kode})
        try:
            qs = model.untuk_pengguna(pengguna)
        except Exception:  # a rule that needs a saved user narrows access: not a full reader
            continue
        if not qs.query.is_empty() and not qs.query.where:
            penuh.add(kode)
    return frozenset(penuh)


def peran_di_status(model: type[Proses], status: str) -> set[str]:
    """Roles that have an action in ``status``: the queues the record is in."""
    from .workflow import aksi_model

    return {p for a in aksi_model(model).values() if status in a.sumber for p in a.peran}


def pemohon(objek: Proses) -> tuple[str, str]:
    """(NIK, name) of the person the request is for or from, read from the usual fields."""
    if hasattr(objek, "pemohon_indeks"):
        return objek.pemohon_indeks()
    for nik, nama in (("nik", "nama"), ("pelapor_nik", "pelapor_nama")):
        if hasattr(objek, nik) or hasattr(objek, nama):
            return str(getattr(objek, nik, "") or ""), str(getattr(objek, nama, "") or "")
    return "", ""


def email_untuk_indeks(objek: Proses) -> str:
    """The applicant's email of a citizen's request (``email_indeks()`` or the ``email`` field),
    lower-cased; "" for internal processes, whose ``email`` fields are staff or office addresses."""
    if not type(objek).DILACAK_PEMOHON:
        return ""
    nilai = objek.email_indeks() if hasattr(objek, "email_indeks") else getattr(objek, "email", "")
    return str(nilai or "").strip().lower()


def nama_layanan(objek: Proses) -> str:
    layanan = getattr(objek, "layanan", None)
    if getattr(layanan, "nama", None):
        return str(layanan.nama)
    return capfirst(str(objek._meta.verbose_name))


def data_indeks(objek: Proses) -> dict:
    """The index row of ``objek`` (everything but its key).

    Reading the summary may fetch related rows; what it caches on the instance is dropped again,
    so that the caller's record looks as before the save (a detail row created right after it, a
    capil event for instance, is then found instead of a cached "none")."""
    model = type(objek)
    cache = objek._state.fields_cache
    sudah = set(cache)
    try:
        nik, nama = pemohon(objek)
        layanan = nama_layanan(objek)
        try:
            ringkasan = str(objek.ringkasan)
        except Exception:  # a summary that cannot be built yet must not block the save of the record
            ringkasan = str(objek)
    finally:
        for kunci in set(cache) - sudah:
            del cache[kunci]
    return {
        "kode_proses": teks_kode(model)[:60],
        "layanan": layanan[:200],
        "kode_lacak": objek.kode_lacak,
        "dilacak_pemohon": bool(model.DILACAK_PEMOHON),
        "nik": nik[:16],
        "nama": nama[:200],
        "email": email_untuk_indeks(objek)[:254],
        "ringkasan": ringkasan[:300],
        "status": objek.status,
        "status_label": str(objek.status_label)[:200],
        "selesai": objek.status in model.STATUS_AKHIR,
        "peran_antrian": token_peran(peran_di_status(model, objek.status)),
        "di_antrean": bool(peran_di_status(model, objek.status)),
        "peran_baca": token_peran(peran_baca_penuh(model)),
        "tenggat": objek.tenggat,
        "dibuat_pada": objek.dibuat_pada,
        "diperbarui_pada": timezone.now(),
    }


def indeks_tulis(objek: Proses) -> None:
    """Write ``objek``'s row: one UPDATE, or an INSERT the first time (caller's transaction)."""
    ct = ContentType.objects.get_for_model(objek)
    data = data_indeks(objek)
    if not IndeksProses.objects.filter(content_type=ct, object_id=objek.pk).update(**data):
        IndeksProses.objects.create(content_type=ct, object_id=objek.pk, **data)


def indeks_hapus(sender, instance, **kwargs) -> None:
    """post_delete: a deleted process record leaves the index."""
    if isinstance(instance, Proses):
        IndeksProses.objects.filter(
            content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
        ).delete()


def indeks_bangun(*, models=None, ukuran: int = 2000) -> dict[str, int]:
    """Rebuild the index from the process tables; idempotent (same rows however often it runs).

    Per model in one transaction: rows of records that no longer exist are removed, the others
    rewritten. Returns {model label: rows}."""
    from .workflow import model_proses

    hasil = {}
    for model in models or model_proses():
        ct = ContentType.objects.get_for_model(model)
        with transaction.atomic():
            ada = set(IndeksProses.objects.filter(content_type=ct).values_list("object_id", flat=True))
            baru, jumlah = [], 0
            pk_sekarang = set()
            for objek in model._default_manager.select_related().order_by("pk").iterator(chunk_size=ukuran):
                pk_sekarang.add(objek.pk)
                jumlah += 1
                data = data_indeks(objek)
                if objek.pk in ada:
                    IndeksProses.objects.filter(content_type=ct, object_id=objek.pk).update(**data)
                else:
                    baru.append(IndeksProses(content_type=ct, object_id=objek.pk, **data))
                if len(baru) >= ukuran:
                    IndeksProses.objects.bulk_create(baru)
                    baru = []
            IndeksProses.objects.bulk_create(baru)
            tandai_dokumen(IndeksProses.objects.filter(content_type=ct))
            hilang = ada - pk_sekarang
            if hilang:
                IndeksProses.objects.filter(content_type=ct, object_id__in=hilang).delete()
        hasil[model._meta.label] = jumlah
    return hasil


def tandai_dokumen(baris) -> None:
    """Set ``ada_dokumen`` on the index rows ``baris`` from the documents issued (one UPDATE)."""
    from django.db.models import Exists, OuterRef

    from apps.dokumen.models import Dokumen

    baris.update(ada_dokumen=Exists(Dokumen.objects.filter(
        content_type_id=OuterRef("content_type_id"), object_id=OuterRef("object_id"))))


# -- reading ------------------------------------------------------------------------------------
def model_terbatas(user) -> list[type[Proses]]:
    """Process models in which the user's roles take part but none of them reads every record:
    their queues and searches go through the model's ``untuk_pengguna``, not the index."""
    from .workflow import model_proses, peran_proses

    milik = peran_pengguna(user)
    return [m for m in model_proses() if milik & peran_proses(m) and not milik & peran_baca_penuh(m)]


def indeks_untuk_pengguna(user):
    """Index rows of the processes the user's roles read in full (one condition, no per-model query)."""
    milik = peran_pengguna(user)
    if not milik:
        return IndeksProses.objects.none()
    return IndeksProses.objects.filter(ada_peran("peran_baca", milik))


def hitung_antrian(user) -> dict[int, dict[str, int]]:
    """{content type id: {"jumlah", "terlambat"}} of the records waiting for the user's roles,
    in one query over the index."""
    milik = peran_pengguna(user)
    if not milik:
        return {}
    baris = (
        indeks_untuk_pengguna(user)
        .filter(ada_peran("peran_antrian", milik), di_antrean=True)
        .values("content_type_id")
        .annotate(
            jumlah=Count("pk"),
            terlambat=Count("pk", filter=Q(selesai=False, tenggat__lt=timezone.localdate())),
        )
        .order_by()
    )
    hasil: dict[int, dict[str, int]] = defaultdict(lambda: {"jumlah": 0, "terlambat": 0})
    for b in baris:
        hasil[b["content_type_id"]] = {"jumlah": b["jumlah"], "terlambat": b["terlambat"]}
    return hasil


def letak_kode_lacak(kode: str) -> tuple[int, int, bool] | None:
    """(content type id, record id, whether a document was issued) of the citizen's request with
    tracking code ``kode``, or None: the status page's look-up, which needs no other column."""
    kode = normalkan_kode_lacak(kode)
    if not kode:
        return None
    baris = _LETAK.baris(kode)
    return (baris[0][0], baris[0][1], bool(baris[0][2])) if baris else None


# Compiled once per process: every view of the public status page runs it, and building it with
# the ORM cost several times the query itself (README, "Page figures").
_LETAK = KueriTetap(
    lambda kode: IndeksProses.objects.filter(kode_lacak=kode, dilacak_pemohon=True).order_by("pk")
    .values_list("content_type_id", "object_id", "ada_dokumen")[:1],
    penanda=("~",),
)


def cari_kode_lacak(kode: str) -> IndeksProses | None:
    """The index row of the citizen's request with tracking code ``kode`` (status page), or None."""
    kode = normalkan_kode_lacak(kode)
    if not kode:
        return None
    return IndeksProses.objects.filter(kode_lacak=kode, dilacak_pemohon=True).order_by("pk").first()


def kondisi_cari(q: str) -> Q:
    """A tracking code (whole or any 3+ characters of it), a NIK (any part of at least 4 digits), or a name."""
    q = " ".join(q.split())
    kondisi = Q(nama__icontains=q) | Q(ringkasan__icontains=q)
    for pola in varian_kode_lacak(q):
        kondisi |= Q(kode_lacak__contains=pola)
    angka = q.replace(" ", "")
    if angka.isdigit() and len(angka) >= 4:
        kondisi |= Q(nik__contains=angka)
    return kondisi


def cari_global(user, q: str, *, batas: int = BATAS_CARI) -> list[IndeksProses]:
    """The staff search across processes: rows matching ``q`` that the user's roles may read."""
    q = (q or "").strip()
    if len(q) < 3:
        return []
    return list(indeks_untuk_pengguna(user).filter(kondisi_cari(q)).order_by("-dibuat_pada", "pk")[:batas])
