"""``python manage.py bersihkan_berkas [--umur-jam 24] [--coba]``: remove orphaned attachment files.

``Lampiran.simpan`` writes the file before its row; when the surrounding transaction rolls back
(a refused action, a conflict) the file stays behind with no row. Files under
``MEDIA_ROOT/lampiran`` with no ``Lampiran`` row are deleted once they are older than the given age
(a day by default), so a file whose transaction is still running is never touched. Run it daily
(cron or a Celery beat entry).
"""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from apps.core.models import Lampiran

UKURAN_KELOMPOK = 500


class Command(BaseCommand):
    help = "Menghapus berkas lampiran yatim (tanpa baris Lampiran) yang lebih tua dari batas umur."

    def add_arguments(self, parser):
        parser.add_argument("--umur-jam", type=float, default=24, help="Hanya berkas yang lebih tua dari ini (jam).")
        parser.add_argument("--coba", action="store_true", help="Hanya menampilkan, tidak menghapus.")

    def handle(self, *args, umur_jam, coba, **opts):
        media = Path(settings.MEDIA_ROOT)
        akar = media / "lampiran"
        if not akar.is_dir():
            self.stdout.write("Tidak ada folder lampiran.")
            return
        batas = time.time() - umur_jam * 3600
        calon = [p for p in akar.rglob("*") if p.is_file() and p.stat().st_mtime < batas]

        yatim: list[Path] = []
        for i in range(0, len(calon), UKURAN_KELOMPOK):
            kelompok = {p.relative_to(media).as_posix(): p for p in calon[i : i + UKURAN_KELOMPOK]}
            terpakai = set(Lampiran.objects.filter(berkas__in=list(kelompok)).values_list("berkas", flat=True))
            yatim.extend(p for nama, p in kelompok.items() if nama not in terpakai)

        for p in yatim:
            self.stdout.write(f"{'akan dihapus' if coba else 'dihapus'}: {p.relative_to(media).as_posix()}")
            if not coba:
                p.unlink(missing_ok=True)
        if not coba:
            # Month folders left empty go too (deepest first); the lampiran root stays.
            for folder in sorted((d for d in akar.rglob("*") if d.is_dir()), key=lambda d: len(d.parts), reverse=True):
                if not any(folder.iterdir()):
                    folder.rmdir()
        self.stdout.write(
            self.style.SUCCESS(f"{len(yatim)} berkas yatim {'ditemukan' if coba else 'dihapus'} dari {len(calon)} berkas yang diperiksa.")
        )
