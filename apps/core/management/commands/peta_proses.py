"""``python manage.py peta_proses [--json]``: the 33 leaf processes of the map and what implements them.

Each code is printed with the process model(s), states and transitions that declare it in
``KODE_PROSES``, or "belum" where nothing does yet. ``--json`` prints one object, code → null or
{"model": [...], "states": [...], "transitions": [...], "roles": [...]}.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from apps.core.peta import PETA_PROSES, peta_json


class Command(BaseCommand):
    help = "Peta proses bisnis: 33 proses daun dan model yang menjalankannya."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Cetak satu objek JSON kode → uraian atau null.")

    def handle(self, *args, **opts):
        peta = peta_json()
        if opts["json"]:
            self.stdout.write(json.dumps(peta, ensure_ascii=False, indent=2))
            return
        jadi = sum(1 for v in peta.values() if v)
        for kode, uraian in peta.items():
            self.stdout.write(f"{kode:<10} {PETA_PROSES[kode]}")
            if uraian is None:
                self.stdout.write("           belum")
                continue
            self.stdout.write(f"           model : {', '.join(uraian['model'])}")
            self.stdout.write(f"           status: {', '.join(uraian['states'])}")
            for t in uraian["transitions"]:
                dari = ", ".join(t["dari"])
                self.stdout.write(
                    f"           - {t['nama']} ({', '.join(t['peran'])}): {dari} → {t['ke'] or '?'}  [{t['model']}]"
                )
        self.stdout.write(f"\n{jadi} dari {len(peta)} proses sudah berjalan di portal.")
