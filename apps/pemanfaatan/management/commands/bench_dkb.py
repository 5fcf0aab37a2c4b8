"""``python manage.py bench_dkb``: seconds to freeze a DKB snapshot of the register as it is.

Fill the register first (``manage.py buat_register --jumlah 210000 --hapus``). The snapshot of the
last ended semester is computed and stored inside a transaction that is rolled back, so the bench
leaves no snapshot behind; the line printed is what the issue asks for (under 60 s on PostgreSQL).
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from apps.pemanfaatan.agregat import snapshot_bekukan
from apps.pemanfaatan.models.publikasi import semester_terakhir
from apps.penduduk.models import Penduduk


class _Batal(Exception):
    pass


class Command(BaseCommand):
    help = "Ukur lama pembekuan snapshot DKB dari register (tanpa menyimpan)."

    def add_arguments(self, parser):
        parser.add_argument("--tahun", type=int)
        parser.add_argument("--semester", type=int, choices=[1, 2])

    def handle(self, *args, **opts):
        tahun, semester = semester_terakhir(timezone.localdate())
        tahun, semester = opts["tahun"] or tahun, opts["semester"] or semester
        jumlah = Penduduk.objects.count()
        mulai = time.perf_counter()
        try:
            with transaction.atomic():
                s = snapshot_bekukan(tahun, semester)
                hasil = (s.jumlah_penduduk, s.jumlah_baris, s.durasi_detik)
                raise _Batal
        except _Batal:
            pass
        total = time.perf_counter() - mulai
        self.stdout.write(
            f"bench_dkb {connection.vendor}: register {jumlah} penduduk; DKB semester {semester}/{tahun}: "
            f"{hasil[0]} penduduk terhitung, {hasil[1]} sel; agregat {hasil[2]:.2f} s, dengan penyimpanan {total:.2f} s"
        )
