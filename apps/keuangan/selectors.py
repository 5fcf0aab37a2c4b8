"""Reads of the keuangan pages: budget realisation, version diffs, the score trend."""

from __future__ import annotations

import difflib
from collections import defaultdict

from django.db.models import QuerySet

from .models import (
    BarisDPA,
    JenisLaporanKinerja,
    LaporanKinerja,
    StatusLaporanKinerja,
    StatusPerencanaan,
    VersiPerencanaan,
)
from .uang import NOL

# Who reads the budget realisation (P.3.1): the finance officers, planning, the head of office.
PERAN_REALISASI = ("pptk", "bendahara", "verifikator_keuangan", "ppk", "subbag_perencanaan", "kadis", "sekretaris")
# Who reads the performance score trend (P.2.2.1).
PERAN_TREN = ("subbag_perencanaan", "kadis", "sekretaris", "kabid")


def realisasi_dpa(*, tahun: int | None = None) -> QuerySet[BarisDPA]:
    """Every line of an approved DPA with budget, committed, paid and remaining: one query."""
    qs = BarisDPA.objects.filter(dokumen__status__in=[StatusPerencanaan.DISETUJUI, StatusPerencanaan.DITERBITKAN])
    if tahun:
        qs = qs.filter(dokumen__tahun=tahun)
    return qs.select_related("dokumen").dengan_realisasi().order_by("-dokumen__tahun", "kode_rekening")


def total_realisasi(baris) -> dict:
    total = {"pagu": NOL, "terikat": NOL, "dibayar": NOL, "sisa": NOL}
    for b in baris:
        for k in total:
            total[k] += getattr(b, k)
    return total


def beda_versi(lama: VersiPerencanaan, baru: VersiPerencanaan) -> list[tuple[str, str]]:
    """Line-by-line difference: (kind, text) with kind "sama", "hapus" or "tambah"."""
    hasil = []
    for baris in difflib.ndiff(lama.isi.splitlines(), baru.isi.splitlines()):
        kode, teks = baris[:2], baris[2:]
        if kode == "  ":
            hasil.append(("sama", teks))
        elif kode == "- ":
            hasil.append(("hapus", teks))
        elif kode == "+ ":
            hasil.append(("tambah", teks))
    return hasil


def tren_kinerja() -> tuple[list[int], list[dict]]:
    """The Inspektorat's scores per year (SAKIP value and grade, RB, LKjIP), each with its change
    from the previous scored year: ([years], [{jenis, label, nilai: [(tahun, nilai, predikat, selisih)]}])."""
    nilai = defaultdict(dict)
    for jenis, tahun, n, predikat in (
        LaporanKinerja.objects.filter(status=StatusLaporanKinerja.DINILAI, nilai__isnull=False)
        .order_by("tahun", "pk").values_list("jenis", "tahun", "nilai", "predikat")
    ):
        nilai[jenis][tahun] = (n, predikat)
    tahun_semua = sorted({t for per in nilai.values() for t in per})
    baris = []
    for jenis, label in JenisLaporanKinerja.choices:
        sel, sebelumnya = [], None
        for t in tahun_semua:
            n, predikat = nilai[jenis].get(t, (None, ""))
            selisih = n - sebelumnya if n is not None and sebelumnya is not None else None
            sel.append({"tahun": t, "nilai": n, "predikat": predikat, "selisih": selisih})
            if n is not None:
                sebelumnya = n
        baris.append({"jenis": jenis, "label": label, "sel": sel})
    return tahun_semua, baris
