"""Refreshing the dashboard's daily aggregates (``RekapHarian``, ``RekapDurasi``, ``RekapPetugas``).

A day is rebuilt from the cross-process index and the timeline only: the requests indexed as filed
that day, and the timeline rows written that day (arrivals in a final state, time spent in the
state left, actions per officer). The process tables are never read. A day's rows are replaced in
one transaction, so a refresh by beat and one asked for on the dashboard give the same rows however
often they run.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from apps.core.models import IndeksProses, RiwayatStatus
from apps.core.peta import teks_kode

from .models import CiriPermohonan, Kanal, RekapDurasi, RekapHarian, RekapHariSegar, RekapPetugas

# Upper edges (hours) of the time-in-state buckets; the last bucket is open. Medians and p90 are
# read from the merged buckets (linear inside a bucket), so they are estimates to a bucket's width.
BATAS_JAM = (0.5, 1, 2, 4, 8, 16, 24, 48, 72, 96, 120, 168, 240, 336, 504, 720, 1080, 1440, 2160)
UKURAN_POTONG = 2000
# A single refresh covers at most this many days (the dashboard's longest period).
HARI_MAKS = 400


def ember(jam: float) -> int:
    return bisect.bisect_left(BATAS_JAM, jam)


def persentil(histogram: list[int], p: float) -> float | None:
    """The ``p`` quantile (0–1), in hours, of a histogram over ``BATAS_JAM``; None when empty."""
    total = sum(histogram)
    if not total:
        return None
    target = p * total
    kumulatif = 0
    for i, n in enumerate(histogram):
        if n and kumulatif + n >= target:
            bawah = BATAS_JAM[i - 1] if i > 0 else 0.0
            if i >= len(BATAS_JAM):
                return float(bawah)
            atas = BATAS_JAM[i]
            return bawah + (atas - bawah) * (target - kumulatif) / n
        kumulatif += n
    return float(BATAS_JAM[-1])


def gabung_histogram(daftar) -> list[int]:
    hasil = [0] * (len(BATAS_JAM) + 1)
    for h in daftar:
        for i, n in enumerate(h[: len(hasil)]):
            hasil[i] += n
    return hasil


def batas_hari(tanggal: date) -> tuple[datetime, datetime]:
    awal = timezone.make_aware(datetime.combine(tanggal, time.min))
    return awal, timezone.make_aware(datetime.combine(tanggal + timedelta(days=1), time.min))


@cache
def _model_per_ct() -> dict[int, type]:
    from apps.core.workflow import model_proses

    return {ContentType.objects.get_for_model(m).pk: m for m in model_proses()}


def model_per_ct() -> dict[int, type]:
    return _model_per_ct()


def kanal_dari(*, model, dilacak_pemohon: bool, peran_pembuat: str | None) -> str:
    """The channel a record came in by: the model's own ``KANAL`` when it has one; otherwise
    from the roles of whoever recorded it (an integration partner's officer, a front-office
    officer, or a citizen online, i.e. nobody from the Dinas). Internal processes (letters,
    plans) are "internal"."""
    tetap = getattr(model, "KANAL", None) if model is not None else None
    if tetap:
        return str(tetap)
    if not dilacak_pemohon:
        return Kanal.INTERNAL
    if peran_pembuat is None:  # no creation row (older or generated records): the counter
        return Kanal.LOKET
    peran = {p.strip() for p in (peran_pembuat or "").split(",") if p.strip()}
    if "petugas_integrasi" in peran:
        return Kanal.MITRA
    if not (peran - {"pemohon"}):
        return Kanal.DARING
    return Kanal.LOKET


def _per_objek(pasangan) -> Q:
    per_ct = defaultdict(list)
    for ct, oid in pasangan:
        per_ct[ct].append(oid)
    kondisi = Q(pk__in=[])
    for ct, ids in per_ct.items():
        kondisi |= Q(content_type_id=ct, object_id__in=ids)
    return kondisi


def _potong(daftar, ukuran=UKURAN_POTONG):
    daftar = list(daftar)
    for i in range(0, len(daftar), ukuran):
        yield daftar[i : i + ukuran]


def ciri_lengkapi(*, ukuran: int = UKURAN_POTONG) -> int:
    """Write the channel and kelurahan of the indexed records that have none yet; returns how
    many. A few queries per ``ukuran`` records (index, creation rows, register)."""
    from apps.penduduk.models import Penduduk

    ada = CiriPermohonan.objects.filter(content_type_id=OuterRef("content_type_id"), object_id=OuterRef("object_id"))
    models = model_per_ct()
    total, terakhir = 0, 0
    while True:
        # A cursor on the index's key: each batch starts where the last one ended, so a first run
        # over a large index does not scan the rows already done again.
        baris = list(
            IndeksProses.objects.filter(~Exists(ada), pk__gt=terakhir)
            .order_by("pk")
            .values("pk", "content_type_id", "object_id", "nik", "dilacak_pemohon")[:ukuran]
        )
        if not baris:
            return total
        terakhir = baris[-1]["pk"]
        kunci = [(b["content_type_id"], b["object_id"]) for b in baris]
        pembuat = {
            (r["content_type_id"], r["object_id"]): r["peran"]
            for r in RiwayatStatus.objects.filter(_per_objek(kunci), aksi="buat")
            .values("content_type_id", "object_id", "peran")
        }
        nik = {b["nik"] for b in baris if b["nik"]}
        wilayah = {
            p["nik"]: (p["kelurahan_id"] or "", p["kelurahan__induk_id"] or "")
            for p in Penduduk.objects.filter(nik__in=nik).values("nik", "kelurahan_id", "kelurahan__induk_id")
        } if nik else {}
        baru = []
        for b in baris:
            k = (b["content_type_id"], b["object_id"])
            kel, kec = wilayah.get(b["nik"], ("", ""))
            baru.append(CiriPermohonan(
                content_type_id=k[0], object_id=k[1], kelurahan=kel, kecamatan=kec,
                kanal=kanal_dari(model=models.get(k[0]), dilacak_pemohon=b["dilacak_pemohon"], peran_pembuat=pembuat.get(k)),
            ))
        CiriPermohonan.objects.bulk_create(baru, ignore_conflicts=True)
        total += len(baru)


def _indeks_dan_ciri(pasangan) -> tuple[dict, dict]:
    indeks, ciri = {}, {}
    for potong in _potong(pasangan):
        kondisi = _per_objek(potong)
        for r in IndeksProses.objects.filter(kondisi).values(
            "content_type_id", "object_id", "kode_proses", "layanan", "tenggat"
        ):
            indeks[(r["content_type_id"], r["object_id"])] = r
        for c in CiriPermohonan.objects.filter(kondisi).values(
            "content_type_id", "object_id", "kanal", "kelurahan", "kecamatan"
        ):
            ciri[(c["content_type_id"], c["object_id"])] = c
    return indeks, ciri


def rekap_hari(tanggal: date) -> dict[str, int]:
    """Rebuild the aggregates of one day (local time); returns the rows written per table."""
    awal, akhir = batas_hari(tanggal)
    models = model_per_ct()
    kosong = {"kanal": Kanal.INTERNAL, "kelurahan": "", "kecamatan": ""}

    masuk = list(
        IndeksProses.objects.filter(dibuat_pada__gte=awal, dibuat_pada__lt=akhir).values(
            "content_type_id", "object_id", "kode_proses", "layanan"
        )
    )
    langkah = list(
        RiwayatStatus.objects.filter(waktu__gte=awal, waktu__lt=akhir)
        .order_by("waktu", "pk")
        .values("pk", "content_type_id", "object_id", "aksi", "dari", "ke", "oleh_id", "waktu")
    )
    pasangan = {(r["content_type_id"], r["object_id"]) for r in masuk} | {
        (r["content_type_id"], r["object_id"]) for r in langkah
    }
    indeks, ciri = _indeks_dan_ciri(pasangan)

    harian: dict[tuple, Counter] = defaultdict(Counter)
    for r in masuk:
        c = ciri.get((r["content_type_id"], r["object_id"]), kosong)
        harian[(r["kode_proses"], r["layanan"], c["kanal"], c["kelurahan"], c["kecamatan"])]["masuk"] += 1

    # When each record entered the state it left today: its previous timeline row.
    disentuh = {(r["content_type_id"], r["object_id"]) for r in langkah if r["dari"]}
    waktu_per_objek: dict[tuple, list] = defaultdict(list)
    for potong in _potong(disentuh):
        for r in RiwayatStatus.objects.filter(_per_objek(potong), waktu__lt=akhir).order_by("waktu", "pk").values(
            "pk", "content_type_id", "object_id", "waktu"
        ):
            waktu_per_objek[(r["content_type_id"], r["object_id"])].append((r["waktu"], r["pk"]))

    durasi: dict[tuple, list[int]] = {}
    label: dict[tuple, str] = {}
    petugas: Counter = Counter()
    for r in langkah:
        k = (r["content_type_id"], r["object_id"])
        i = indeks.get(k)
        model = models.get(r["content_type_id"])
        if i is None or model is None:
            continue
        c = ciri.get(k, kosong)
        kunci_layanan = (i["kode_proses"], i["layanan"])
        if r["oleh_id"]:
            petugas[(r["oleh_id"], *kunci_layanan, c["kanal"])] += 1
        akhir_model = model.STATUS_AKHIR
        if r["dari"] and r["ke"] in akhir_model and r["dari"] not in akhir_model:
            h = harian[(*kunci_layanan, c["kanal"], c["kelurahan"], c["kecamatan"])]
            h["selesai"] += 1
            if i["tenggat"]:
                h["selesai_diukur"] += 1
                if timezone.localtime(r["waktu"]).date() <= i["tenggat"]:
                    h["selesai_tepat"] += 1
        if r["dari"] and r["dari"] != r["ke"]:
            # The row before this one (same instant: the earlier row by its id).
            sebelum = [w for w, pk in waktu_per_objek.get(k, ()) if (w, pk) < (r["waktu"], r["pk"])]
            if sebelum:
                jam = (r["waktu"] - sebelum[-1]).total_seconds() / 3600
                kd = (*kunci_layanan, r["dari"], c["kanal"])
                hist = durasi.setdefault(kd, [0] * (len(BATAS_JAM) + 1))
                hist[ember(jam)] += 1
                if kd not in label:
                    label[kd] = str(dict(model.status_field().flatchoices).get(r["dari"], r["dari"]))

    with transaction.atomic():
        RekapHarian.objects.filter(tanggal=tanggal).delete()
        RekapDurasi.objects.filter(tanggal=tanggal).delete()
        RekapPetugas.objects.filter(tanggal=tanggal).delete()
        RekapHarian.objects.bulk_create([
            RekapHarian(tanggal=tanggal, kode_proses=k[0], layanan=k[1], kanal=k[2], kelurahan=k[3], kecamatan=k[4],
                        masuk=n["masuk"], selesai=n["selesai"], selesai_diukur=n["selesai_diukur"],
                        selesai_tepat=n["selesai_tepat"])
            for k, n in harian.items()
        ])
        RekapDurasi.objects.bulk_create([
            RekapDurasi(tanggal=tanggal, kode_proses=k[0], layanan=k[1], status=k[2], kanal=k[3],
                        status_label=label[k][:200], jumlah=sum(h), histogram=h)
            for k, h in durasi.items()
        ])
        RekapPetugas.objects.bulk_create([
            RekapPetugas(tanggal=tanggal, oleh_id=k[0], kode_proses=k[1], layanan=k[2], kanal=k[3], jumlah=n)
            for k, n in petugas.items()
        ])
        RekapHariSegar.objects.update_or_create(tanggal=tanggal, defaults={"disegarkan_pada": timezone.now()})
    return {"harian": len(harian), "durasi": len(durasi), "petugas": len(petugas)}


def rekap_segarkan(*, dari: date, sampai: date) -> int:
    """Fill in the records' channel and region, then rebuild every day from ``dari`` to
    ``sampai`` (at most ``HARI_MAKS`` days, never past today); returns the days rebuilt."""
    sampai = min(sampai, timezone.localdate())
    dari = max(dari, sampai - timedelta(days=HARI_MAKS - 1))
    ciri_lengkapi()
    hari = 0
    d = dari
    while d <= sampai:
        rekap_hari(d)
        hari += 1
        d += timedelta(days=1)
    return hari


def kode_proses_model(model) -> str:
    return teks_kode(model)[:60]
