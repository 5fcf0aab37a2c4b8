"""Reads of the citizen's status page: a request by its tracking code, whatever its process."""

from __future__ import annotations

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist

from apps.core.indeks import letak_kode_lacak
from apps.core.kueri import PENANDA_ID, KueriTetap, kolom_model
from apps.core.models import Proses, RiwayatStatus


def proses_dari_kode(kode: str) -> Proses | None:
    """The citizen's request with tracking code ``kode`` in any process model that citizens
    follow (P.4, P.5, ...: ``DILACAK_PEMOHON``), or None.

    One look-up in the cross-process index, then the record itself (with its service, which the
    page names): the same two queries however many process types there are."""
    letak = letak_kode_lacak(kode)
    model = letak and ContentType.objects.get_for_id(letak[0]).model_class()
    if model is None:
        return None
    objek = _rekaman(model, letak[1])
    if objek is not None:
        objek.indeks_ada_dokumen = letak[2]  # read by dokumen_publik_permohonan
    return objek


def _rekaman(model, pk: int) -> Proses | None:
    """The record as ``model.objects.select_related("layanan").get(pk=pk)`` would give it (None if
    gone), through SQL compiled once per model."""
    kueri, kolom, layanan, kolom_layanan = _kueri_rekaman(model)
    baris = kueri.baris(pk)
    if not baris:
        return None
    using = kueri.using
    objek = model.from_db(using, kolom, baris[0][: len(kolom)])
    if layanan is not None:
        nilai = baris[0][len(kolom):]
        objek._state.fields_cache[layanan.name] = (
            None if nilai[0] is None else layanan.related_model.from_db(using, kolom_layanan, nilai)
        )
    return objek


@cache
def _kueri_rekaman(model):
    kolom = kolom_model(model)
    layanan = _layanan_fk(model)
    kolom_layanan = kolom_model(layanan.related_model) if layanan else []
    kueri = KueriTetap(
        lambda pk: model._default_manager.filter(pk=pk).order_by()
        .values_list(*kolom, *[f"{layanan.name}__{k}" for k in kolom_layanan]),
        penanda=PENANDA_ID[:1],
    )
    return kueri, kolom, layanan, kolom_layanan


@cache
def _layanan_fk(model):
    """The record's service (P.4.1 requests), which the page names, or None."""
    try:
        field = model._meta.get_field("layanan")
    except FieldDoesNotExist:
        return None
    return field if field.many_to_one else None


def langkah_sekarang(objek: Proses) -> str:
    """The current step in plain Indonesian (the model's STATUS_PUBLIK, else its state label)."""
    return getattr(objek, "STATUS_PUBLIK", {}).get(objek.status) or objek.status_label


def linimasa_publik(objek: Proses) -> list[dict]:
    """The timeline as the citizen sees it: date, a public label, the reason of a return.

    No staff names, roles or internal notes: only notes the step marks as public (returns). A
    model may name some steps for the public by action (``AKSI_PUBLIK``), e.g. a reprint, which
    otherwise reads as the state it goes back to."""
    model = type(objek)
    aksi_publik = getattr(model, "AKSI_PUBLIK", {})
    hasil = []
    label = dict(model.status_field().choices)
    baris = _LINIMASA.baris(ContentType.objects.get_for_model(objek).pk, objek.pk)
    for aksi, ke, waktu, catatan, publik in baris:
        teks = "Permohonan diterima" if aksi == "buat" else (aksi_publik.get(aksi) or label.get(ke, ke))
        hasil.append({"waktu": waktu, "label": teks, "alasan": catatan if publik else "", "ke": ke})
    return hasil


_LINIMASA = KueriTetap(
    lambda ct, pk: RiwayatStatus.objects.filter(content_type_id=ct, object_id=pk)
    .values_list("aksi", "ke", "waktu", "catatan", "catatan_publik"),
    penanda=PENANDA_ID,
)


def alasan_dikembalikan(linimasa: list[dict], objek: Proses) -> str:
    """The public reason of the latest return, while the request is still waiting on it."""
    if not linimasa or not linimasa[-1]["alasan"] or linimasa[-1]["ke"] != objek.status:
        return ""
    return linimasa[-1]["alasan"]


def persyaratan_belum_ada(objek: Proses) -> list[str]:
    """While a request waits on its applicant: the mandatory requirements still missing, from the
    list it was filed under (a process without requirement lists: none)."""
    kurang = getattr(objek, "persyaratan_kurang", None)
    if objek.status != "dikembalikan" or kurang is None:
        return []
    return [p.nama for p in kurang()]


def dokumen_publik_permohonan(objek: Proses) -> list:
    """The signed documents of the request the citizen may download (ready and active)."""
    from apps.dokumen.jenis import semua_jenis
    from apps.dokumen.models import Dokumen

    if not getattr(objek, "indeks_ada_dokumen", True):  # its index row says none was issued
        return []
    milik_pemohon = [j.kode for j in semua_jenis() if j.untuk_pemohon]
    # Ready (Dokumen.siap) is checked in SQL, and only what the page and the download read is
    # loaded: this runs on every status page view.
    return list(
        Dokumen.untuk(objek)
        .filter(aktif=True, ditandatangani_pada__isnull=False, jenis__in=milik_pemohon, status=Dokumen.Status.SELESAI)
        .exclude(berkas="")
        .only("jenis", "judul", "nomor", "berkas", "status", "ditandatangani_pada")
        .order_by("pk")
    )

