"""Exports of every queue, search result and dashboard table as CSV or XLSX.

A source is described by a small dict (``sumber``) so that the same rows can be produced in the
web request or, past ``BATAS_LANGSUNG`` rows, by a Celery job (``tasks.ekspor_jalankan``) that
reads the source again as the user who asked: a queue by its URL and filters (the queue's own view
builds the queryset, with its access rule), the staff search by its words, a dashboard table by
its code and filters.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.text import slugify

FORMAT = ("csv", "xlsx")
BATAS_LANGSUNG = 10_000
SETIAP = 500  # rows between two progress updates of a job
JENIS_MIME = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Parameters of the export itself, kept apart from the queue's own filters.
PARAM_JALUR, PARAM_FORMAT = "_jalur", "_format"


@dataclass
class TabelEkspor:
    judul: str
    kolom: list[str]
    baris: Iterable[Sequence]
    total: int


def _sel(nilai):
    """A cell as text or number; text that a spreadsheet would run as a formula is quoted."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, datetime):
        return timezone.localtime(nilai).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(nilai) else nilai.strftime("%Y-%m-%d %H:%M")
    if isinstance(nilai, date):
        return nilai.isoformat()
    if isinstance(nilai, int | float):
        return nilai
    teks = str(nilai)
    if teks[:1] in ("=", "+", "-", "@", "\t", "\r"):
        teks = "'" + teks
    return teks


def tulis(tabel: TabelEkspor, format: str, keluar, *, kemajuan: Callable[[int], None] | None = None) -> int:
    """Write ``tabel`` to the binary file ``keluar``; returns the rows written."""
    n = 0
    if format == "csv":
        teks = io.TextIOWrapper(keluar, encoding="utf-8-sig", newline="")
        w = csv.writer(teks)
        w.writerow(tabel.kolom)
        for baris in tabel.baris:
            w.writerow([_sel(v) for v in baris])
            n += 1
            if kemajuan and n % SETIAP == 0:
                kemajuan(n)
        teks.flush()
        teks.detach()
        return n
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=slugify(tabel.judul)[:31] or "data")
    ws.append(tabel.kolom)
    for baris in tabel.baris:
        ws.append([_sel(v) for v in baris])
        n += 1
        if kemajuan and n % SETIAP == 0:
            kemajuan(n)
    wb.save(keluar)
    return n


def nama_berkas(judul: str, format: str) -> str:
    return f"{slugify(judul)[:60] or 'ekspor'}-{timezone.localdate():%Y%m%d}.{format}"


def tanggapan(tabel: TabelEkspor, format: str) -> HttpResponse:
    buf = io.BytesIO()
    tulis(tabel, format, buf)
    resp = HttpResponse(buf.getvalue(), content_type=JENIS_MIME[format])
    resp["Content-Disposition"] = f'attachment; filename="{nama_berkas(tabel.judul, format)}"'
    return resp


# -- sources ------------------------------------------------------------------------------------
def _permintaan(pengguna, jalur: str, query: str) -> HttpRequest:
    req = HttpRequest()
    req.method = "GET"
    req.path = req.path_info = jalur
    req.GET = QueryDict(query)
    req.user = pengguna
    req.META["SERVER_NAME"], req.META["SERVER_PORT"] = "localhost", "80"
    return req


def tabel_antrean(pengguna, jalur: str, query: str) -> TabelEkspor:
    """The rows of a process queue as its page filters them (``jalur`` is the queue's URL)."""
    from apps.core.views import AntrianView

    try:
        cocok = resolve(jalur)
    except Resolver404:
        raise Http404("Antrean tidak dikenal.") from None
    kelas = getattr(cocok.func, "view_class", None)
    if kelas is None or not issubclass(kelas, AntrianView):
        raise Http404("Antrean tidak dikenal.")
    view = kelas(**cocok.func.view_initkwargs)
    view.setup(_permintaan(pengguna, jalur, query), *cocok.args, **cocok.kwargs)
    view.periksa_peran()
    qs = view.get_queryset()
    model = view.model
    kolom = ["Kode lacak", "Ringkasan", "Status", "Diajukan pada", "Di status sejak", "Tenggat", "Terlambat"]

    def baris():
        for o in qs.iterator(chunk_size=1000):
            yield [o.kode_lacak, o.ringkasan, o.status_label, o.dibuat_pada, o.status_sejak, o.tenggat, o.terlambat]

    return TabelEkspor(f"antrean {model._meta.verbose_name_plural}", kolom, baris(), qs.count())


def tabel_cari(pengguna, q: str) -> TabelEkspor:
    """Every match of the staff search (the page itself shows the newest 50)."""
    from apps.core.indeks import indeks_untuk_pengguna, kondisi_cari
    from apps.core.peran import peran_pengguna

    if not (peran_pengguna(pengguna) - {"pemohon"}):
        raise PermissionDenied("Pencarian berkas hanya untuk petugas Dinas.")
    q = (q or "").strip()[:100]
    if len(q) < 3:
        qs = indeks_untuk_pengguna(pengguna).none()
    else:
        qs = indeks_untuk_pengguna(pengguna).filter(kondisi_cari(q)).order_by("-dibuat_pada", "pk")
    kolom = ["Kode lacak", "Kode proses", "Layanan", "Nama pemohon", "NIK pemohon", "Status", "Diajukan pada", "Tenggat", "Terlambat"]

    def baris():
        for r in qs.iterator(chunk_size=2000):
            yield [r.kode_lacak, r.kode_proses, r.layanan, r.nama, r.nik, r.status_label, r.dibuat_pada, r.tenggat, r.terlambat]

    return TabelEkspor(f"hasil cari {q}", kolom, baris(), qs.count())


def tabel_dasbor(pengguna, kode: str, query: str) -> TabelEkspor:
    from .forms import baca_saringan
    from .selectors import boleh_dasbor
    from .selectors import tabel_dasbor as ambil

    if not boleh_dasbor(pengguna):
        raise PermissionDenied("Dasbor hanya untuk pimpinan.")
    form, saringan = baca_saringan(QueryDict(query), pengguna)
    if saringan is None:
        raise Http404("Saringan tidak sah.")
    t = ambil(pengguna, saringan, kode)
    if t is None:
        raise Http404("Tabel tidak dikenal.")
    return TabelEkspor(f"dasbor {t.judul}", t.kolom, t.baris, len(t.baris))


def tabel_dari_sumber(pengguna, sumber: dict) -> TabelEkspor:
    jenis = sumber.get("jenis")
    if jenis == "antrian":
        return tabel_antrean(pengguna, sumber["jalur"], sumber.get("query", ""))
    if jenis == "cari":
        return tabel_cari(pengguna, sumber.get("q", ""))
    if jenis == "dasbor":
        return tabel_dasbor(pengguna, sumber["tabel"], sumber.get("query", ""))
    raise Http404("Sumber ekspor tidak dikenal.")


def ekspor(request, *, sumber: dict, format: str) -> HttpResponse:
    """The file now, or past ``BATAS_LANGSUNG`` rows a job and its progress page."""
    from django.shortcuts import redirect

    from .services import ekspor_antrekan

    if format not in FORMAT:
        raise Http404("Format tidak dikenal.")
    tabel = tabel_dari_sumber(request.user, sumber)
    if tabel.total > BATAS_LANGSUNG:
        berkas = ekspor_antrekan(pengguna=request.user, sumber=sumber, format=format, judul=tabel.judul, total=tabel.total)
        return redirect("dasbor:ekspor-status", pk=berkas.pk)
    return tanggapan(tabel, format)
