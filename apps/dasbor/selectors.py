"""What the leaders' dashboard shows, read in a fixed number of queries whatever the number of
requests: the daily aggregates for the period (volume, SLA, time in state, officers) and the
cross-process index for what is open now (backlog per state and role queue, overdue)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.db.models import Count, Exists, Min, OuterRef, Q, Sum
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from apps.akun.roles import NAMA_PERAN
from apps.core.indeks import peran_baca_penuh
from apps.core.models import IndeksProses
from apps.core.peran import peran_pengguna
from apps.core.peta import teks_kode

from .models import CiriPermohonan, Kanal, RekapDurasi, RekapHarian, RekapHariSegar, RekapPetugas
from .rekap import gabung_histogram, persentil

PERAN_DASBOR = frozenset({"kabid", "kadis", "sekretaris"})
# The kadis sees every process; a kabid or the sekretaris those their role reads in full.
PERAN_SEMUA = frozenset({"kadis"})
NAMA_KANAL = dict(Kanal.choices)
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]


def boleh_dasbor(user) -> bool:
    return bool(peran_pengguna(user) & PERAN_DASBOR)


def model_per_kode() -> dict[str, type]:
    from apps.core.workflow import model_proses

    return {teks_kode(m)[:60]: m for m in model_proses()}


def cakupan(user) -> frozenset[str] | None:
    """The process codes the user's dashboard covers; None: all of them (the kadis)."""
    milik = peran_pengguna(user)
    if milik & PERAN_SEMUA:
        return None
    return frozenset(k for k, m in model_per_kode().items() if milik & peran_baca_penuh(m))


@dataclass
class Saringan:
    dari: date
    sampai: date
    satuan: str = "hari"
    layanan: str = ""
    kanal: str = ""
    kecamatan: str = ""
    kelurahan: str = ""

    @classmethod
    def dari_data(cls, data: dict) -> Saringan:
        return cls(**{k: data.get(k) or "" for k in ("layanan", "kanal", "kecamatan", "kelurahan")},
                   dari=data["dari"], sampai=data["sampai"], satuan=data.get("satuan") or "hari")

    def query(self, **lain) -> str:
        nilai = {"dari": self.dari.isoformat(), "sampai": self.sampai.isoformat(), "satuan": self.satuan,
                 "layanan": self.layanan, "kanal": self.kanal, "kecamatan": self.kecamatan, "kelurahan": self.kelurahan}
        nilai.update(lain)
        return urlencode({k: v for k, v in nilai.items() if v})


@dataclass
class Tabel:
    """A dashboard table and, when it has one, its chart (the same rows)."""

    kode: str
    judul: str
    kolom: list[str]
    baris: list[list] = field(default_factory=list)
    grafik: dict | None = None
    catatan: str = ""


def _saring_rekap(qs, user, s: Saringan, *, wilayah: bool):
    lingkup = cakupan(user)
    qs = qs.filter(tanggal__gte=s.dari, tanggal__lte=s.sampai)
    if lingkup is not None:
        qs = qs.filter(kode_proses__in=sorted(lingkup))
    if s.layanan:
        qs = qs.filter(layanan=s.layanan)
    if s.kanal:
        qs = qs.filter(kanal=s.kanal)
    if wilayah:
        if s.kelurahan:
            qs = qs.filter(kelurahan=s.kelurahan)
        elif s.kecamatan:
            qs = qs.filter(kecamatan=s.kecamatan)
    return qs


def indeks_tersaring(user, s: Saringan):
    """Index rows in the user's scope matching the service, channel and region filters."""
    lingkup = cakupan(user)
    qs = IndeksProses.objects.all()
    if lingkup is not None:
        qs = qs.filter(kode_proses__in=sorted(lingkup))
    if s.layanan:
        qs = qs.filter(layanan=s.layanan)
    ciri = {}
    if s.kanal:
        ciri["kanal"] = s.kanal
    if s.kelurahan:
        ciri["kelurahan"] = s.kelurahan
    elif s.kecamatan:
        ciri["kecamatan"] = s.kecamatan
    if ciri:
        qs = qs.filter(Exists(CiriPermohonan.objects.filter(
            content_type_id=OuterRef("content_type_id"), object_id=OuterRef("object_id"), **ciri)))
    return qs


def pilihan_layanan(user) -> list[str]:
    qs = RekapHarian.objects.all()
    lingkup = cakupan(user)
    if lingkup is not None:
        qs = qs.filter(kode_proses__in=sorted(lingkup))
    return list(qs.order_by("layanan").values_list("layanan", flat=True).distinct())


def _kunci_periode(d: date, satuan: str) -> str:
    if satuan == "bulan":
        return f"{d:%Y-%m}"
    if satuan == "minggu":
        return (d - timedelta(days=d.weekday())).isoformat()
    return d.isoformat()


def _periode(s: Saringan) -> list[str]:
    hasil, d = [], s.dari
    while d <= s.sampai:
        k = _kunci_periode(d, s.satuan)
        if not hasil or hasil[-1] != k:
            hasil.append(k)
        d += timedelta(days=1)
    return hasil


def _url_antrean(model, user, s: Saringan | None = None, *, periode: bool = False, **param) -> str:
    """The queue a bar opens: the bar's own key (state, service) plus the dashboard's filters, so
    the queue lists the records the bar counts. The period goes along only for the charts that
    count requests filed in it; backlog and overdue are what is open now, whenever filed."""
    from apps.core.workflow import peran_proses

    if model is None or not (peran_pengguna(user) & peran_proses(model)):
        return ""
    try:
        url = reverse(f"{model._meta.app_label}:{model._meta.model_name}-antrian")
    except NoReverseMatch:
        return ""
    saring = {}
    if s is not None:
        saring = {"nama_layanan": s.layanan, "kanal": s.kanal}
        # The dashboard reads the kelurahan when both are chosen; so does the queue.
        saring["kelurahan" if s.kelurahan else "kecamatan"] = s.kelurahan or s.kecamatan
        if periode:
            saring.update(dari=s.dari.isoformat(), sampai=s.sampai.isoformat())
    if "layanan" in param:  # "layanan" is some queues' own filter (a service's id)
        param["nama_layanan"] = param.pop("layanan")
    nilai = {"semua": 1, **saring, **param}
    return f"{url}?{urlencode({k: v for k, v in nilai.items() if v})}"


# The dashboard filters a queue honours (apps/core AntrianView, through saring_antrean).
PARAM_ANTREAN = ("nama_layanan", "kanal", "kecamatan", "kelurahan", "dari", "sampai", "terlambat")


def saring_antrean(model, qs, data) -> tuple:
    """A process queue narrowed by the dashboard's filters a bar click carries: service, filing
    period and overdue through the cross-process index, channel and region through the records'
    traits. Returns the queryset and the (label, value) pairs applied, for the page to say so.
    Subqueries only: the queue keeps its number of queries."""
    from django.contrib.contenttypes.models import ContentType

    from .rekap import batas_hari

    nilai = {k: (data.get(k) or "").strip() for k in PARAM_ANTREAN}
    if not any(nilai.values()):
        return qs, []
    ct = ContentType.objects.get_for_model(model).pk
    indeks = IndeksProses.objects.filter(content_type_id=ct, object_id=OuterRef("pk"))
    pakai_indeks = False
    keterangan = []
    if nilai["nama_layanan"]:
        indeks, pakai_indeks = indeks.filter(layanan=nilai["nama_layanan"]), True
        keterangan.append(("Layanan", nilai["nama_layanan"]))
    dari, sampai = _tanggal(nilai["dari"]), _tanggal(nilai["sampai"])
    if dari:
        indeks, pakai_indeks = indeks.filter(dibuat_pada__gte=batas_hari(dari)[0]), True
        keterangan.append(("Diajukan sejak", f"{dari:%d-%m-%Y}"))
    if sampai:
        indeks, pakai_indeks = indeks.filter(dibuat_pada__lt=batas_hari(sampai)[1]), True
        keterangan.append(("Diajukan sampai", f"{sampai:%d-%m-%Y}"))
    if nilai["terlambat"]:
        indeks, pakai_indeks = indeks.filter(selesai=False, tenggat__lt=timezone.localdate()), True
        keterangan.append(("Tenggat", "terlambat"))
    if pakai_indeks:
        qs = qs.filter(Exists(indeks))
    ciri = {}
    if nilai["kanal"] in NAMA_KANAL:
        ciri["kanal"] = nilai["kanal"]
        keterangan.append(("Kanal", NAMA_KANAL[nilai["kanal"]]))
    wilayah = nilai["kelurahan"] or nilai["kecamatan"]
    if wilayah:
        from apps.penduduk.models import Wilayah

        tingkat = "kelurahan" if nilai["kelurahan"] else "kecamatan"
        ciri[tingkat] = wilayah
        nama = Wilayah.objects.filter(kode=wilayah).values_list("nama", flat=True).first() or wilayah
        keterangan.append((tingkat.capitalize(), nama))
    if ciri:
        qs = qs.filter(Exists(CiriPermohonan.objects.filter(content_type_id=ct, object_id=OuterRef("pk"), **ciri)))
    return qs, keterangan


def _tanggal(teks: str) -> date | None:
    """A date from the address, or None when it is missing or not a date (the filter is dropped)."""
    from django.utils.dateparse import parse_date

    try:
        return parse_date(teks) if teks else None
    except ValueError:
        return None


def _pct(a: int, b: int) -> float | None:
    return round(100 * a / b, 1) if b else None


def data_dasbor(user, s: Saringan) -> dict:
    """Every table of the dashboard for ``user`` under filters ``s``."""
    per_kode = model_per_kode()
    hari_ini = timezone.localdate()

    # 1. The daily aggregates: volume per period, service and channel; SLA per service and month.
    harian = list(
        _saring_rekap(RekapHarian.objects.all(), user, s, wilayah=True)
        .values("tanggal", "kode_proses", "layanan", "kanal")
        .annotate(masuk=Sum("masuk"), selesai=Sum("selesai"), diukur=Sum("selesai_diukur"), tepat=Sum("selesai_tepat"))
        .order_by()
    )
    periode = _periode(s)
    kanal_ada = [k for k, _ in Kanal.choices]
    vol = {p: defaultdict(int) for p in periode}
    per_layanan: dict[tuple, dict] = {}
    sla: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in harian:
        p = _kunci_periode(r["tanggal"], s.satuan)
        if p in vol:
            vol[p][r["kanal"]] += r["masuk"]
        lay = per_layanan.setdefault((r["kode_proses"], r["layanan"]), {"masuk": 0, "selesai": 0, **{k: 0 for k in kanal_ada}})
        lay["masuk"] += r["masuk"]
        lay["selesai"] += r["selesai"]
        lay[r["kanal"]] += r["masuk"]
        b = sla[(f"{r['tanggal']:%Y-%m}", r["kode_proses"], r["layanan"])]
        b[0] += r["selesai"]
        b[1] += r["diukur"]
        b[2] += r["tepat"]

    tabel = []
    volume = Tabel("volume", f"Permohonan masuk {dict(SATUAN_JUDUL)[s.satuan]}", ["Periode", "Jumlah", *[NAMA_KANAL[k] for k in kanal_ada]])
    # The table lists the newest period first; the chart reads left to right in time.
    for p in reversed(periode):
        volume.baris.append([p, sum(vol[p].values()), *[vol[p][k] for k in kanal_ada]])
    volume.grafik = {
        "jenis": "bar", "tumpuk": True, "label": periode,
        "data": [{"label": NAMA_KANAL[k], "data": [vol[p][k] for p in periode]} for k in kanal_ada],
    }
    tabel.append(volume)

    layanan = Tabel("layanan", "Volume per layanan dan kanal", ["Proses", "Layanan", "Masuk", "Selesai", *[NAMA_KANAL[k] for k in kanal_ada]])
    urut = sorted(per_layanan.items(), key=lambda kv: (-kv[1]["masuk"], kv[0]))
    url = []
    for (kode, nama), n in urut:
        layanan.baris.append([kode, nama, n["masuk"], n["selesai"], *[n[k] for k in kanal_ada]])
        url.append(_url_antrean(per_kode.get(kode), user, s, periode=True, layanan=nama))
    layanan.grafik = {"jenis": "bar", "label": [b[1] for b in layanan.baris],
                      "data": [{"label": "Masuk", "data": [b[2] for b in layanan.baris]},
                               {"label": "Selesai", "data": [b[3] for b in layanan.baris]}], "url": url}
    tabel.append(layanan)

    # 2. The index: what is open now, per state and role queue, and what is overdue.
    terbuka = list(
        indeks_tersaring(user, s).filter(selesai=False)
        .values("kode_proses", "layanan", "status", "status_label", "peran_antrian")
        .annotate(jumlah=Count("pk"), terlambat=Count("pk", filter=Q(tenggat__lt=hari_ini)))
        .order_by()
    )
    per_status: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    per_peran: dict[str, int] = defaultdict(int)
    lambat: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for r in terbuka:
        st = per_status[(r["kode_proses"], r["status"], r["status_label"])]
        st[0] += r["jumlah"]
        st[1] += r["terlambat"]
        for kode in filter(None, r["peran_antrian"].split("|")):
            per_peran[kode] += r["jumlah"]
        lt = lambat[(r["kode_proses"], r["layanan"])]
        lt[0] += r["terlambat"]
        lt[1] += r["jumlah"]

    backlog = Tabel("backlog", "Berkas terbuka per status", ["Proses", "Status", "Jumlah", "Terlambat"])
    url = []
    for (kode, status, label), (n, t) in sorted(per_status.items(), key=lambda kv: (kv[0][0], -kv[1][0])):
        backlog.baris.append([kode, label, n, t])
        url.append(_url_antrean(per_kode.get(kode), user, s, status=status))
    backlog.grafik = {"jenis": "bar", "label": [f"{b[0]} {b[1]}" for b in backlog.baris],
                      "data": [{"label": "Terbuka", "data": [b[2] for b in backlog.baris]}], "url": url}
    tabel.append(backlog)

    antrean = Tabel("antrean", "Berkas menunggu per antrean peran", ["Peran", "Jumlah"])
    for kode, n in sorted(per_peran.items(), key=lambda kv: -kv[1]):
        antrean.baris.append([NAMA_PERAN.get(kode, kode), n])
    antrean.grafik = {"jenis": "bar", "label": [b[0] for b in antrean.baris],
                      "data": [{"label": "Menunggu", "data": [b[1] for b in antrean.baris]}]}
    tabel.append(antrean)

    terlambat = Tabel("terlambat", "Berkas melewati tenggat (hari kerja) per layanan", ["Proses", "Layanan", "Terlambat", "Terbuka"])
    url = []
    for (kode, nama), (t, n) in sorted(lambat.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if t:
            terlambat.baris.append([kode, nama, t, n])
            url.append(_url_antrean(per_kode.get(kode), user, s, layanan=nama, terlambat=1))
    terlambat.grafik = {"jenis": "bar", "label": [b[1] for b in terlambat.baris],
                        "data": [{"label": "Terlambat", "data": [b[2] for b in terlambat.baris]}], "url": url}
    tabel.append(terlambat)

    # 3. Time in state: histograms of the period, merged per service and state.
    hist: dict[tuple, list] = defaultdict(list)
    for r in _saring_rekap(RekapDurasi.objects.all(), user, s, wilayah=False).values(
        "kode_proses", "layanan", "status_label", "histogram"
    ):
        hist[(r["kode_proses"], r["layanan"], r["status_label"])].append(r["histogram"])
    durasi = Tabel("durasi", "Lama di tiap status (jam)", ["Proses", "Layanan", "Status", "Langkah", "Median", "P90"],
                   catatan="Perkiraan dari kelompok durasi: tepat sampai lebar kelompoknya.")
    for (kode, nama, label), daftar in sorted(hist.items()):
        h = gabung_histogram(daftar)
        med, p90 = persentil(h, 0.5), persentil(h, 0.9)
        durasi.baris.append([kode, nama, label, sum(h), round(med, 1) if med is not None else None,
                             round(p90, 1) if p90 is not None else None])
    durasi.grafik = {"jenis": "bar", "label": [f"{b[1]}: {b[2]}" for b in durasi.baris],
                     "data": [{"label": "Median (jam)", "data": [b[4] for b in durasi.baris]},
                              {"label": "P90 (jam)", "data": [b[5] for b in durasi.baris]}]}
    tabel.append(durasi)

    kepatuhan = Tabel("sla", "Kepatuhan SLA: selesai dalam target per layanan dan bulan",
                      ["Bulan", "Proses", "Layanan", "Selesai", "Bertenggat", "Tepat waktu", "% tepat"])
    for (bulan, kode, nama), (n, d, t) in sorted(sla.items()):
        if n:
            kepatuhan.baris.append([bulan, kode, nama, n, d, t, _pct(t, d)])
    kepatuhan.grafik = {"jenis": "bar", "label": [f"{b[0]} {b[2]}" for b in kepatuhan.baris],
                        "data": [{"label": "% tepat waktu", "data": [b[6] for b in kepatuhan.baris]}], "maks": 100}
    tabel.append(kepatuhan)

    # 4. Per-officer throughput (the dashboard is for leaders only).
    petugas = Tabel("petugas", "Tindakan per petugas", ["Petugas", "Nama", "Tindakan", "Hari aktif", "Rata-rata per hari aktif"])
    for r in (
        _saring_rekap(RekapPetugas.objects.all(), user, s, wilayah=False)
        .values("oleh_id", "oleh__username", "oleh__first_name", "oleh__last_name")
        .annotate(jumlah=Sum("jumlah"), hari=Count("tanggal", distinct=True))
        .order_by("-jumlah", "oleh__username")
    ):
        nama = f"{r['oleh__first_name']} {r['oleh__last_name']}".strip()
        petugas.baris.append([r["oleh__username"], nama, r["jumlah"], r["hari"], round(r["jumlah"] / r["hari"], 1)])
    petugas.grafik = {"jenis": "bar", "label": [b[0] for b in petugas.baris],
                      "data": [{"label": "Tindakan", "data": [b[2] for b in petugas.baris]}]}
    tabel.append(petugas)

    tabel.extend(_tabel_tambahan(user, s))
    segar = RekapHariSegar.objects.filter(tanggal__gte=s.dari, tanggal__lte=s.sampai).aggregate(
        tertua=Min("disegarkan_pada"), hari=Count("pk")
    )
    hari_periode = (min(s.sampai, hari_ini) - s.dari).days + 1
    return {"tabel": tabel, "segar_tertua": segar["tertua"], "hari_belum_direkap": max(0, hari_periode - segar["hari"])}


SATUAN_JUDUL = [("hari", "per hari"), ("minggu", "per minggu"), ("bulan", "per bulan")]


def _baris_umum(hasil) -> tuple[list[str], list[list]]:
    """Rows of a provider's answer: a mapping, a list of mappings or a list of sequences."""
    if hasattr(hasil, "items") and not isinstance(hasil, list):
        return ["Uraian", "Nilai"], [[k, v] for k, v in hasil.items()]
    hasil = list(hasil or [])
    if hasil and hasattr(hasil[0], "keys"):
        kolom = list(hasil[0].keys())
        return [str(k).replace("_", " ").capitalize() for k in kolom], [[r.get(k) for k in kolom] for r in hasil]
    return ["Uraian", "Nilai"], [list(r) for r in hasil]


# Figures other parts of the portal provide, shown once they exist: (code, title, dotted path).
SUMBER_TAMBAHAN = [
    ("blangko", "Stok blangko", "apps.pendaftaran.selectors.stok_blangko"),
]


def _tabel_ikm(user, s: Saringan) -> Tabel | None:
    """The IKM (SKM answers, apps.piak) of the period per service in the user's scope, and of all."""
    try:
        from apps.piak.selectors import ikm, ikm_per_layanan
    except ImportError:
        return None
    lingkup = cakupan(user)
    t = Tabel("ikm", "Indeks Kepuasan Masyarakat (IKM)", ["Proses", "Layanan", "Responden", "IKM", "Mutu", "Kinerja"],
              catatan="Dari jawaban SKM dalam periode (Permenpan RB 14/2017).")
    for kode, layanan, h in ikm_per_layanan(s.dari, s.sampai):
        if lingkup is None or kode in lingkup:
            t.baris.append([kode, layanan, h.responden, h.ikm, h.mutu, h.kinerja])
    if lingkup is None:
        semua = ikm(s.dari, s.sampai)
        t.baris.append(["", "Semua layanan", semua.responden, semua.ikm, semua.mutu, semua.kinerja])
    t.grafik = {"jenis": "bar", "label": [b[1] for b in t.baris],
                "data": [{"label": "IKM", "data": [float(b[3]) if b[3] is not None else None for b in t.baris]}], "maks": 100}
    return t


def _tabel_tambahan(user, s: Saringan) -> list[Tabel]:
    hasil = []
    for kode, judul, jalur in SUMBER_TAMBAHAN:
        try:
            fungsi = import_string(jalur)
        except ImportError:
            continue
        try:
            isi = fungsi(dari=s.dari, sampai=s.sampai)
        except TypeError:
            isi = fungsi()
        kolom, baris = _baris_umum(isi)
        hasil.append(Tabel(kode, judul, kolom, baris))
    ikm_tabel = _tabel_ikm(user, s)
    if ikm_tabel is not None:
        hasil.append(ikm_tabel)
    return hasil


def tabel_dasbor(user, s: Saringan, kode: str) -> Tabel | None:
    for t in data_dasbor(user, s)["tabel"]:
        if t.kode == kode:
            return t
    return None
