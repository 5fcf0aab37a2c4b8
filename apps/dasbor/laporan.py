"""The monthly service report to the Walikota: its figures (from the daily aggregates, the whole
Dinas) and the context of its document template."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date

from django.db.models import Sum

from .models import NAMA_KANAL_LAPORAN, RekapDurasi, RekapHarian
from .rekap import gabung_histogram, persentil

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]


def batas_bulan(tahun: int, bulan: int) -> tuple[date, date]:
    return date(tahun, bulan, 1), date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def _pct(a, b):
    return round(100 * a / b, 1) if b else None


def isi_laporan(awal: date, akhir: date) -> dict:
    """The figures of the month, as JSON (frozen on the report when compiled)."""
    per_layanan = defaultdict(lambda: {"masuk": 0, "selesai": 0, "diukur": 0, "tepat": 0})
    per_kanal = defaultdict(int)
    for r in (
        RekapHarian.objects.filter(tanggal__gte=awal, tanggal__lte=akhir)
        .values("kode_proses", "layanan", "kanal")
        .annotate(masuk=Sum("masuk"), selesai=Sum("selesai"), diukur=Sum("selesai_diukur"), tepat=Sum("selesai_tepat"))
        .order_by()
    ):
        b = per_layanan[(r["kode_proses"], r["layanan"])]
        for k in ("masuk", "selesai", "diukur", "tepat"):
            b[k] += r[k]
        per_kanal[r["kanal"]] += r["masuk"]
    hist = defaultdict(list)
    for r in RekapDurasi.objects.filter(tanggal__gte=awal, tanggal__lte=akhir).values("kode_proses", "layanan", "histogram"):
        hist[(r["kode_proses"], r["layanan"])].append(r["histogram"])
    layanan = []
    for (kode, nama), b in sorted(per_layanan.items()):
        h = gabung_histogram(hist.get((kode, nama), []))
        total_jam = persentil(h, 0.5)
        layanan.append({
            "kode": kode, "layanan": nama, "masuk": b["masuk"], "selesai": b["selesai"],
            "bertenggat": b["diukur"], "tepat": b["tepat"], "persen_tepat": _pct(b["tepat"], b["diukur"]),
            "median_jam_per_langkah": round(total_jam, 1) if total_jam is not None else None,
        })
    jumlah = {k: sum(x[k] for x in layanan) for k in ("masuk", "selesai", "bertenggat", "tepat")}
    jumlah["persen_tepat"] = _pct(jumlah["tepat"], jumlah["bertenggat"])
    return {
        "awal": awal.isoformat(), "akhir": akhir.isoformat(), "layanan": layanan, "jumlah": jumlah,
        "kanal": [{"kanal": NAMA_KANAL_LAPORAN.get(k, k), "masuk": n} for k, n in sorted(per_kanal.items())],
    }


def konteks(tahun: int, bulan: int, data: dict) -> dict:
    periode = f"{BULAN[bulan - 1]} {tahun}"
    return {
        "perihal": f"Laporan Bulanan Pelayanan Administrasi Kependudukan Bulan {periode}",
        "kepada": "Wali Kota Pasuruan\ndi\nPasuruan",
        "sifat": "Penting",
        "periode": periode,
        "isi_data": data,
        "tembusan": ["Sekretaris Daerah Kota Pasuruan"],
    }


def data_dokumen(laporan) -> dict:
    return konteks(laporan.tahun, laporan.bulan, laporan.data or {})


CONTOH_LAPORAN = konteks(2026, 10, {
    "awal": "2026-10-01", "akhir": "2026-10-31",
    "layanan": [
        {"kode": "P.4.1.2", "layanan": "KK perubahan data", "masuk": 412, "selesai": 398, "bertenggat": 398,
         "tepat": 371, "persen_tepat": 93.2, "median_jam_per_langkah": 5.5},
        {"kode": "P.5.1", "layanan": "Pencatatan sipil", "masuk": 230, "selesai": 221, "bertenggat": 221,
         "tepat": 215, "persen_tepat": 97.3, "median_jam_per_langkah": 3.1},
    ],
    "jumlah": {"masuk": 642, "selesai": 619, "bertenggat": 619, "tepat": 586, "persen_tepat": 94.7},
    "kanal": [{"kanal": "Loket (front office)", "masuk": 501}, {"kanal": "Mitra integrasi", "masuk": 141}],
})
