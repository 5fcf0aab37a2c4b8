"""``python manage.py bangun_indeks``: rebuild the cross-process index from the process tables.

Idempotent: every record gets exactly one up-to-date row, rows of deleted records go. Run it
after loading data with bulk writes (which bypass ``Proses.save``) or after a restore.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from apps.core.indeks import indeks_bangun


class Command(BaseCommand):
    help = "Bangun ulang indeks permohonan lintas proses (IndeksProses)."

    def handle(self, *args, **opts):
        mulai = time.perf_counter()
        hasil = indeks_bangun()
        for label, jumlah in hasil.items():
            self.stdout.write(f"{label}: {jumlah} baris")
        self.stdout.write(f"Indeks dibangun ulang: {sum(hasil.values())} baris dalam {time.perf_counter() - mulai:.1f} detik.")
