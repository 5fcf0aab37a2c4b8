"""``python manage.py bench_register``: how fast the register answers its everyday look-ups.

Over the register as it is (fill it with ``buat_register``): the row counts, then the mean and 95th
percentile in milliseconds of a NIK look-up, of a search page by name prefix (capped count + first
25 rows, as ``penduduk:cari`` does), of a one-letter name prefix (the worst case of that page) and of a No. KK look-up with its members. Samples are taken by
primary key, so preparing the bench does not scan the tables either. ``--jelaskan`` prints the
PostgreSQL plan of each query, to check that an index serves it.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Max, Min

from apps.penduduk.management.commands.buat_register import angka
from apps.penduduk.models import Keluarga, Penduduk
from apps.penduduk.selectors import keluarga_dari_no_kk, penduduk_cari, penduduk_dari_nik
from apps.penduduk.views import PaginatorTerbatas


def _ukur(fungsi: Callable[[str], object], masukan: list[str]) -> tuple[float, float]:
    waktu = []
    for m in masukan:
        mulai = time.perf_counter()
        fungsi(m)
        waktu.append((time.perf_counter() - mulai) * 1000)
    waktu.sort()
    return statistics.fmean(waktu), waktu[min(len(waktu) - 1, int(len(waktu) * 0.95))]


def _sampel(model, kolom: str, n: int, rng: random.Random) -> list:
    batas = model.objects.aggregate(a=Min("pk"), b=Max("pk"))
    if batas["a"] is None:
        return []
    ids = [rng.randint(batas["a"], batas["b"]) for _ in range(n * 2)]
    return list(model.objects.filter(pk__in=ids).values_list(kolom, flat=True)[:n])


def _halaman_cari(awalan: str) -> None:
    halaman = PaginatorTerbatas(penduduk_cari(q=awalan), 25).get_page(1)
    list(halaman)


def _keluarga(no_kk: str) -> None:
    kk = keluarga_dari_no_kk(no_kk)
    list(kk.anggota.all())


class Command(BaseCommand):
    help = "Mengukur kecepatan pencarian register penduduk (NIK, awal nama, No. KK)."

    def add_arguments(self, parser):
        parser.add_argument("--ulang", type=int, default=200, help="Jumlah pencarian per jenis (bawaan 200).")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--jelaskan", action="store_true", help="Tampilkan rencana kueri PostgreSQL (EXPLAIN).")

    def handle(self, *args, ulang, seed, jelaskan, **opts):
        rng = random.Random(seed)
        n_penduduk = Penduduk.objects.count()
        n_keluarga = Keluarga.objects.count()
        self.stdout.write(f"Register ({connection.vendor}): {angka(n_penduduk)} penduduk, {angka(n_keluarga)} keluarga")
        if not n_penduduk:
            self.stdout.write("Register kosong: isi dulu dengan `manage.py buat_register --jumlah N`.")
            return
        nik = _sampel(Penduduk, "nik", ulang, rng)
        nama = _sampel(Penduduk, "nama", ulang, rng)
        awalan = [n[:4].rstrip() for n in nama]
        huruf = [n[0] for n in nama]
        no_kk = _sampel(Keluarga, "no_kk", ulang, rng)

        for judul, fungsi, masukan in [
            ("Cari NIK (tepat)", penduduk_dari_nik, nik),
            ("Halaman cari awal nama (4 huruf)", _halaman_cari, awalan),
            ("Halaman cari awal nama (1 huruf)", _halaman_cari, huruf),
            ("Halaman cari NIK (tepat, lewat penduduk:cari)", _halaman_cari, nik),
            ("No. KK + anggota", _keluarga, no_kk),
        ]:
            fungsi(masukan[0])  # warm the connection and the plan cache
            rata, p95 = _ukur(fungsi, masukan)
            self.stdout.write(f"  {judul:<48} {rata:7.2f} ms rata-rata, {p95:7.2f} ms p95 ({len(masukan)} kali)")

        if jelaskan and connection.vendor == "postgresql":
            for judul, qs in [
                ("NIK", Penduduk.objects.filter(nik=nik[0])),
                ("awal nama", penduduk_cari(q=awalan[0])[:25]),
                ("NIK lewat penduduk:cari", penduduk_cari(q=nik[0])[:25]),
                ("anggota KK", Penduduk.objects.filter(keluarga__no_kk=no_kk[0])),
            ]:
                self.stdout.write(f"-- {judul}\n{qs.explain(analyze=True)}")
