"""``python manage.py siapkan_demo``: demo accounts for every role, then each app's demo data.

Called by ``make run`` after ``migrate``. Each app that has demo data provides
``apps/<app>/demo.py`` with ``isi_demo(stdout) -> None`` (idempotent, small); they run in
dependency order: the register first, documents next, then the business apps as INSTALLED_APPS
lists them. Running the command again changes nothing.
"""

from __future__ import annotations

import importlib
import importlib.util
import traceback
from collections.abc import Callable

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.akun.demo_akun import SANDI_DEMO, akun_demo_siapkan
from apps.akun.roles import NAMA_PERAN

# Apps whose demo data others build on, in this order; the rest follow INSTALLED_APPS.
URUTAN_AWAL = ["apps.penduduk", "apps.dokumen"]


def hook_demo() -> list[tuple[str, Callable]]:
    """(app module, isi_demo) of every installed app that has a ``demo.py``, in run order."""
    nama_app = [cfg.name for cfg in apps.get_app_configs()]
    urut = [n for n in URUTAN_AWAL if n in nama_app] + [n for n in nama_app if n not in URUTAN_AWAL]
    hasil = []
    for nama in urut:
        if importlib.util.find_spec(f"{nama}.demo") is None:
            continue
        modul = importlib.import_module(f"{nama}.demo")
        isi = getattr(modul, "isi_demo", None)
        if callable(isi):
            hasil.append((nama, isi))
    return hasil


class Command(BaseCommand):
    help = "Membuat akun demo untuk setiap peran dan mengisi data demo setiap aplikasi (aman diulang)."

    def add_arguments(self, parser):
        parser.add_argument("--tanpa-data", action="store_true", help="Hanya akun demo, tanpa data demo aplikasi.")

    def handle(self, *args, **opts):
        akun = akun_demo_siapkan()
        baru = sum(1 for _, dibuat in akun if dibuat)
        self.stdout.write(self.style.SUCCESS(f"Akun demo: {len(akun)} peran ({baru} baru)."))

        gagal = []
        if not opts["tanpa_data"]:
            for nama, isi in hook_demo():
                self.stdout.write(f"Data demo {nama} …")
                try:
                    # All or nothing per app: a failed hook leaves no half-made records behind.
                    with transaction.atomic():
                        isi(self.stdout)
                except Exception:
                    # One app's broken demo must not hide the others' nor stop the portal from
                    # starting; the command still fails at the end so that tests and CI notice.
                    gagal.append(nama)
                    self.stderr.write(self.style.ERROR(f"Data demo {nama} gagal:\n{traceback.format_exc()}"))

        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Akun demo (nama pengguna = kode peran):"))
        for user, _ in akun:
            self.stdout.write(f"  {user.username:<22} {NAMA_PERAN.get(user.username, '')}  [{user.get_full_name()}]")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Kata sandi semua akun demo: {SANDI_DEMO}"))
        self.stdout.write("Admin Django: /admin/ (akun 'admin'). Email terkirim ditulis ke var/email/.")
        if gagal:
            raise CommandError(f"Data demo gagal untuk: {', '.join(gagal)}")
