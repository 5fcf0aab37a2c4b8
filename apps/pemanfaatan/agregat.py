"""The DKB snapshot: aggregates of the register as of a semester's cut-off, computed by the
database (one GROUP BY query per dimension, never a loop over residents), and the public tables
made from the stored cells with the small-cell rule.

Who is counted as of date D (the cut-off): born on or before D, not dead on D, not moved out of
Kota Pasuruan on D. Age is reckoned on D from the birth date. Marital status and education are
those the register holds now (SIAK keeps no history of them here): the snapshot is frozen at the
cut-off run, so the semester keeps what the register said then.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Case, CharField, Count, Exists, Max, OuterRef, Q, Sum, Value, When
from django.db.models.functions import Substr

from apps.penduduk.models import Agama, Keluarga, Pendidikan, Penduduk, StatusPerkawinan, Wilayah

from .models.publikasi import AgregatDKB, SnapshotDKB, awal_semester, tanggal_semester

# Dimensions in the order of the book and the public page: (code, title).
DIMENSI = [
    ("jenis_kelamin", "Penduduk menurut jenis kelamin"),
    ("umur5", "Penduduk menurut kelompok umur lima tahunan"),
    ("umur_kebijakan", "Penduduk menurut kelompok umur kebijakan"),
    ("agama", "Penduduk menurut agama"),
    ("pendidikan", "Penduduk menurut pendidikan terakhir"),
    ("pekerjaan", "Penduduk menurut pekerjaan"),
    ("status_perkawinan", "Penduduk menurut status perkawinan"),
    ("keluarga", "Jumlah keluarga (KK)"),
    ("wajib_ktp", "Penduduk wajib KTP-el"),
    ("akta_kelahiran", "Kepemilikan akta kelahiran (anak di bawah 17 tahun)"),
    ("kia", "Kepemilikan KIA (anak di bawah 17 tahun)"),
    ("peristiwa", "Kelahiran dan kematian dalam semester"),
]
JUDUL_DIMENSI = dict(DIMENSI)
UMUR5 = [(f"{a}–{a + 4}", a) for a in range(0, 75, 5)] + [("75+", 75)]
UMUR_KEBIJAKAN = [("0–14 (usia muda)", 0), ("15–64 (usia produktif)", 15), ("65+ (lanjut usia)", 65)]


def ambang_bawaan() -> int:
    """Cells from 1 up to below this are suppressed on public outputs (UU 27/2022, PDP)."""
    return int(getattr(settings, "PEMANFAATAN_AMBANG_SEL_KECIL", 5))


def mundur_tahun(d: date, tahun: int) -> date:
    try:
        return d.replace(year=d.year - tahun)
    except ValueError:  # 29 February
        return d.replace(year=d.year - tahun, day=28)


def penduduk_pada(d: date):
    """Residents of Kota Pasuruan on date ``d``."""
    return Penduduk.objects.filter(tanggal_lahir__lte=d).filter(
        Q(tanggal_meninggal__isnull=True, status_hidup=Penduduk.StatusHidup.HIDUP) | Q(tanggal_meninggal__gt=d),
        Q(tanggal_pindah__isnull=True) | Q(tanggal_pindah__gt=d),
    )


def _kelompok_umur(d: date, kelompok: list[tuple[str, int]]) -> Case:
    """The age group on ``d`` as SQL: age >= a exactly when born on or before d minus a years."""
    whens = [When(tanggal_lahir__lte=mundur_tahun(d, a), then=Value(label)) for label, a in reversed(kelompok)]
    return Case(*whens, default=Value(kelompok[0][0]), output_field=CharField())


def _pilihan(field: str, choices) -> Case:
    return Case(*[When(**{field: k}, then=Value(str(v))) for k, v in choices], default=Value("Tidak diisi"),
                output_field=CharField())


def _hitung(qs, ekspresi, dimensi: str, urutan: dict[str, int] | None = None) -> list[tuple]:
    rows = qs.annotate(k=ekspresi).values("kelurahan_id", "k").annotate(n=Count("pk")).order_by()
    return [(r["kelurahan_id"], dimensi, r["k"], (urutan or {}).get(r["k"], 0), r["n"]) for r in rows]


def hitung_agregat(tahun: int, semester: int) -> list[tuple]:
    """Cells (kelurahan_id, dimension, category, order, count) as of the semester's cut-off."""
    d, awal = tanggal_semester(tahun, semester), awal_semester(tahun, semester)
    dasar = penduduk_pada(d)
    sel: list[tuple] = []
    sel += _hitung(dasar, _pilihan("jenis_kelamin", [("L", "Laki-laki"), ("P", "Perempuan")]), "jenis_kelamin",
                   {"Laki-laki": 0, "Perempuan": 1})
    sel += _hitung(dasar, _kelompok_umur(d, UMUR5), "umur5", {k: i for i, (k, _) in enumerate(UMUR5)})
    sel += _hitung(dasar, _kelompok_umur(d, UMUR_KEBIJAKAN), "umur_kebijakan",
                   {k: i for i, (k, _) in enumerate(UMUR_KEBIJAKAN)})
    sel += _hitung(dasar, _pilihan("agama", Agama.choices), "agama", {str(v): i for i, (_, v) in enumerate(Agama.choices)})
    sel += _hitung(dasar, _pilihan("pendidikan", Pendidikan.choices), "pendidikan",
                   {str(v): i for i, (_, v) in enumerate(Pendidikan.choices)})
    sel += _hitung(dasar, Substr("pekerjaan", 1, 60), "pekerjaan")
    sel += _hitung(dasar, _pilihan("status_perkawinan", StatusPerkawinan.choices), "status_perkawinan",
                   {str(v): i for i, (_, v) in enumerate(StatusPerkawinan.choices)})
    # Families with at least one member living here on the cut-off.
    kk = (Keluarga.objects.filter(Exists(dasar.filter(keluarga=OuterRef("pk"))))
          .values("kelurahan_id").annotate(n=Count("pk")).order_by())
    sel += [(r["kelurahan_id"], "keluarga", "Jumlah KK", 0, r["n"]) for r in kk]
    tujuh_belas = mundur_tahun(d, 17)
    wajib = dasar.filter(Q(tanggal_lahir__lte=tujuh_belas) | ~Q(status_perkawinan=StatusPerkawinan.BELUM_KAWIN))
    sel += _hitung(wajib, Value("Wajib KTP-el", output_field=CharField()), "wajib_ktp")
    anak = dasar.filter(tanggal_lahir__gt=tujuh_belas)
    punya = [("Memiliki", 0), ("Belum memiliki", 1)]
    sel += _hitung(anak, Case(When(no_akta_kelahiran="", then=Value("Belum memiliki")), default=Value("Memiliki"),
                              output_field=CharField()), "akta_kelahiran", dict(punya))
    from apps.dokumen.models import Dokumen

    kia = Dokumen.objects.filter(jenis="kia", status=Dokumen.Status.SELESAI, pemilik_nik=OuterRef("nik"),
                                 dibuat_pada__date__lte=d)
    sel += _hitung(anak, Case(When(Exists(kia), then=Value("Memiliki")), default=Value("Belum memiliki"),
                              output_field=CharField()), "kia", dict(punya))
    lahir = Penduduk.objects.filter(tanggal_lahir__gte=awal, tanggal_lahir__lte=d)
    sel += _hitung(lahir, Value("Kelahiran", output_field=CharField()), "peristiwa", {"Kelahiran": 0})
    mati = Penduduk.objects.filter(tanggal_meninggal__gte=awal, tanggal_meninggal__lte=d)
    sel += _hitung(mati, Value("Kematian", output_field=CharField()), "peristiwa", {"Kematian": 1})
    return sel


def snapshot_bekukan(tahun: int, semester: int, oleh=None) -> SnapshotDKB:
    """Freeze the semester's DKB: the cells are computed and stored with the snapshot in one
    transaction; a semester is frozen once (the unique constraint refuses a second)."""
    mulai = time.perf_counter()
    sel = hitung_agregat(tahun, semester)
    kecamatan = dict(Wilayah.objects.filter(tingkat=Wilayah.Tingkat.KELURAHAN).values_list("kode", "induk_id"))
    durasi = time.perf_counter() - mulai
    jumlah = sum(n for _, dim, _, _, n in sel if dim == "jenis_kelamin")
    with transaction.atomic():
        snapshot = SnapshotDKB.objects.create(
            tahun=tahun, semester=semester, tanggal_data=tanggal_semester(tahun, semester),
            jumlah_penduduk=jumlah, jumlah_baris=len(sel), durasi_detik=round(durasi, 3), dibuat_oleh=oleh)
        AgregatDKB.objects.bulk_create([
            AgregatDKB(snapshot=snapshot, kelurahan_id=kel, kecamatan_id=kecamatan[kel], dimensi=dim, kategori=kat,
                       urutan=urut, jumlah=n)
            for kel, dim, kat, urut, n in sel
        ], batch_size=2000)
    return snapshot


# -- public tables ------------------------------------------------------------------------------
@dataclass
class Tabel:
    dimensi: str
    judul: str
    kategori: list[str]
    baris: list[dict] = field(default_factory=list)  # {"wilayah": name, "kode": code, "sel": [int|None], "total": int|None}
    total: dict = field(default_factory=dict)  # the "Jumlah" row
    disamarkan: int = 0

    @property
    def tinggi_grafik(self) -> int:
        return max(220, 22 * len(self.kategori) + 60) if len(self.kategori) > 6 else 260

    @property
    def wilayah(self) -> list[str]:
        return [b["wilayah"] for b in self.baris]

    @property
    def per_kategori(self) -> list[dict]:
        """The table turned: one row per category, one column per region, then the total (the
        book and the page print it this way; categories are many, regions few)."""
        return [{"kategori": k, "sel": [b["sel"][i] for b in self.baris], "total": self.total["sel"][i]}
                for i, k in enumerate(self.kategori)]

    @property
    def grafik(self) -> dict:
        """Chart data: the categories and the totals row (suppressed cells as null)."""
        return {"label": self.kategori, "nilai": self.total.get("sel", [])}


def _samarkan(matriks: list[list[int]], ambang: int) -> list[list[int | None]]:
    """Primary suppression of cells 1..ambang-1, then secondary: a row or column with exactly one
    hidden cell hides its next smallest non-zero cell too, so no hidden cell can be worked back
    from the totals."""
    hasil: list[list[int | None]] = [[None if 0 < n < ambang else n for n in baris] for baris in matriks]
    if not hasil:
        return hasil
    berubah = True
    while berubah:
        berubah = False
        garis = [[(i, j) for j in range(len(hasil[0]))] for i in range(len(hasil))]
        garis += [[(i, j) for i in range(len(hasil))] for j in range(len(hasil[0]))]
        for sel in garis:
            tersembunyi = [(i, j) for i, j in sel if hasil[i][j] is None]
            if len(tersembunyi) != 1 or len(sel) < 2:
                continue
            calon = [(matriks[i][j], i, j) for i, j in sel if hasil[i][j] is not None and matriks[i][j] > 0]
            if calon:
                _, i, j = min(calon)
                hasil[i][j] = None
                berubah = True
    return hasil


def tabel_publik(snapshot: SnapshotDKB, *, kecamatan: str = "", kelurahan: str = "",
                 ambang: int | None = None, dimensi: list[str] | None = None) -> list[Tabel]:
    """The tables of a snapshot at city level by kecamatan, at kecamatan level by kelurahan, or for
    one kelurahan; cells below the threshold suppressed. One query for all dimensions."""
    ambang = ambang_bawaan() if ambang is None else ambang
    qs = AgregatDKB.objects.filter(snapshot=snapshot)
    if dimensi:
        qs = qs.filter(dimensi__in=dimensi)
    if kelurahan:
        qs, kunci = qs.filter(kelurahan_id=kelurahan), "kelurahan"
    elif kecamatan:
        qs, kunci = qs.filter(kecamatan_id=kecamatan), "kelurahan"
    else:
        kunci = "kecamatan"
    rows = (qs.values("dimensi", "kategori", f"{kunci}_id", f"{kunci}__nama")
            .annotate(n=Sum("jumlah"), u=Max("urutan")).order_by())
    per_dim: dict[str, dict] = defaultdict(lambda: {"kat": {}, "wil": {}, "n": defaultdict(int)})
    for r in rows:
        t = per_dim[r["dimensi"]]
        t["kat"][r["kategori"]] = r["u"]
        t["wil"][r[f"{kunci}_id"]] = r[f"{kunci}__nama"]
        t["n"][(r[f"{kunci}_id"], r["kategori"])] += r["n"]
    hasil = []
    for kode, judul in DIMENSI:
        if kode not in per_dim:
            continue
        t = per_dim[kode]
        kategori = sorted(t["kat"], key=lambda k: (t["kat"][k], k))
        wilayah = sorted(t["wil"])
        matriks = [[t["n"][(w, k)] for k in kategori] for w in wilayah]
        # The totals row and column take part in the suppression as cells of the table.
        total_kolom = [sum(kol) for kol in zip(*matriks, strict=True)] if matriks else []
        total_baris = [sum(b) for b in matriks]
        penuh = [b + [tb] for b, tb in zip(matriks, total_baris, strict=True)] + [total_kolom + [sum(total_baris)]]
        samar = _samarkan(penuh, ambang)
        tabel = Tabel(dimensi=kode, judul=judul, kategori=kategori)
        for w, baris in zip(wilayah, samar[:-1], strict=True):
            tabel.baris.append({"kode": w, "wilayah": t["wil"][w], "sel": baris[:-1], "total": baris[-1]})
        tabel.total = {"wilayah": "Jumlah", "sel": samar[-1][:-1], "total": samar[-1][-1]}
        tabel.disamarkan = sum(1 for b in samar for n in b if n is None)
        hasil.append(tabel)
    return hasil
