"""Reads of the citizen's status page: a request by its tracking code, whatever its process."""

from __future__ import annotations

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist

from apps.core.indeks import letak_kode_lacak
from apps.core.models import Proses, RiwayatStatus


def proses_dari_kode(kode: str) -> Proses | None:
    """The citizen's request with tracking code ``kode`` in any process model that citizens
    follow (P.4, P.5, ...: ``DILACAK_PEMOHON``), or None.

    One look-up in the cross-process index, then the record itself: the same two queries however
    many process types there are."""
    letak = letak_kode_lacak(kode)
    model = letak and ContentType.objects.get_for_id(letak[0]).model_class()
    if model is None:
        return None
    qs = model._default_manager.filter(pk=letak[1])
    if _layanan_fk(model):  # the page names the service (P.4.1 requests): read with the record
        qs = qs.select_related("layanan")
    objek = next(iter(qs), None)
    if objek is not None:
        objek.indeks_ada_dokumen = letak[2]  # read by dokumen_publik_permohonan
    return objek


@cache
def _layanan_fk(model) -> bool:
    try:
        return model._meta.get_field("layanan").many_to_one
    except FieldDoesNotExist:
        return False


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
    baris = RiwayatStatus.objects.filter(content_type=ContentType.objects.get_for_model(objek), object_id=objek.pk)
    label = dict(model.status_field().choices)
    for aksi, ke, waktu, catatan, publik in baris.values_list("aksi", "ke", "waktu", "catatan", "catatan_publik"):
        teks = "Permohonan diterima" if aksi == "buat" else (aksi_publik.get(aksi) or label.get(ke, ke))
        hasil.append({"waktu": waktu, "label": teks, "alasan": catatan if publik else "", "ke": ke})
    return hasil


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

