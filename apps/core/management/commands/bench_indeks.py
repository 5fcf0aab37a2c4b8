"""``python manage.py bench_indeks``: queries and time of the reads of the cross-process index.

For 1 and for 6 process types and for 1,000 and 100,000 index rows (``--baris``), it fills the
index with synthetic rows (about 85 % finished, as in a running office) inside a transaction that
is rolled back at the end (the database is left as it was), then measures, as a staff user holding the roles of every process would see them:
the home page's queue counts, the status page's look-up by tracking code, and the staff search by
name and by part of a NIK. Each line gives the number of SQL queries and the mean milliseconds.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.core.indeks import (
    cari_global,
    cari_kode_lacak,
    hitung_antrian,
    peran_baca_penuh,
    peran_di_status,
    token_peran,
)
from apps.core.kode import buat_kode_lacak
from apps.core.models import IndeksProses
from apps.core.peta import teks_kode
from apps.core.workflow import model_proses, peran_proses, status_alur

NAMA = ["SITI AMINAH", "BUDI SANTOSO", "DEWI LESTARI", "AHMAD FAUZI", "NUR HIDAYAH", "EKO PRASETYO"]


class _Batal(Exception):
    """Raised to roll the synthetic rows back."""


def _isi(models: list, jumlah: int, rng: random.Random) -> list[str]:
    """``jumlah`` synthetic rows spread over ``models``; returns a sample of their tracking codes."""
    jenis = ContentType.objects.get_for_models(*models)
    sekarang = timezone.now()
    hari_ini = timezone.localdate()
    status = {m: status_alur(m) for m in models}
    akhir = {m: [s for s in status[m] if s in m.STATUS_AKHIR] or status[m] for m in models}
    terbuka = {m: [s for s in status[m] if s not in m.STATUS_AKHIR] or status[m] for m in models}
    label = {m: dict((str(k), str(v)) for k, v in m.status_field().flatchoices) for m in models}
    baca = {m: token_peran(peran_baca_penuh(m)) for m in models}
    antre = {(m, s): token_peran(peran_di_status(m, s)) for m in models for s in status[m]}
    kode, baris = [], []
    for i in range(jumlah):
        m = models[i % len(models)]
        # As in a running office: most requests are finished, about one in seven is open.
        s = rng.choice(akhir[m] if rng.random() < 0.85 else terbuka[m])
        k = buat_kode_lacak()
        if i % 997 == 0:
            kode.append(k)
        baris.append(IndeksProses(
            content_type_id=jenis[m].pk, object_id=i + 1, kode_proses=teks_kode(m), layanan=str(m._meta.verbose_name),
            kode_lacak=k, dilacak_pemohon=m.DILACAK_PEMOHON, nik=f"357501{rng.randrange(10**10):010d}",
            nama=f"{rng.choice(NAMA)} {i}", ringkasan="", status=s, status_label=label[m][s],
            selesai=s in m.STATUS_AKHIR, peran_antrian=antre[(m, s)], di_antrean=bool(antre[(m, s)]), peran_baca=baca[m],
            tenggat=hari_ini + timedelta(days=rng.randint(-10, 20)), dibuat_pada=sekarang, diperbarui_pada=sekarang,
        ))
        if len(baris) >= 5000:
            IndeksProses.objects.bulk_create(baris)
            baris = []
    IndeksProses.objects.bulk_create(baris)
    return kode


def _ukur(fungsi, ulang: int) -> tuple[int, float]:
    fungsi()  # warm caches (content types)
    with CaptureQueriesContext(connection) as q:
        fungsi()
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append((time.perf_counter() - mulai) * 1000)
    return len(q), statistics.fmean(waktu)


class Command(BaseCommand):
    help = "Mengukur kueri dan waktu baca indeks permohonan lintas proses (beranda, cek status, pencarian)."

    def add_arguments(self, parser):
        parser.add_argument("--baris", type=int, nargs="+", default=[1000, 100_000])
        parser.add_argument("--ulang", type=int, default=20, help="Pengukuran per baris keluaran (bawaan 20).")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **opts):
        rng = random.Random(opts["seed"])
        semua = model_proses()
        pengguna = get_user_model()(username="bench", is_active=True)
        pengguna._peran_cache = frozenset().union(*(peran_proses(m) for m in semua))
        self.stdout.write(f"Basis data: {connection.vendor}; peran pengguna uji: {len(pengguna._peran_cache)}")
        for jumlah_jenis in (1, 6):
            models = semua[:jumlah_jenis]
            for jumlah in opts["baris"]:
                try:
                    with transaction.atomic():
                        IndeksProses.objects.all().delete()
                        kode = _isi(models, jumlah, rng)
                        ukur = {
                            "beranda": lambda: hitung_antrian(pengguna),
                            "cek status": lambda contoh=kode[0]: cari_kode_lacak(contoh),
                            "cari nama": lambda: cari_global(pengguna, "aminah"),
                            "cari NIK": lambda: cari_global(pengguna, "3575014"),
                        }
                        bagian = []
                        for nama, fungsi in ukur.items():
                            n, ms = _ukur(fungsi, opts["ulang"])
                            bagian.append(f"{nama} {n} kueri {ms:.1f} ms")
                        self.stdout.write(f"{jumlah_jenis} jenis proses, {jumlah:>7} baris: " + "; ".join(bagian))
                        raise _Batal
                except _Batal:
                    pass
