"""``python manage.py bersihkan_berkas [--umur-jam 24] [--coba]``: remove orphaned attachment files.

``Lampiran.simpan`` writes the file before its row; when the surrounding transaction rolls back
(a refused action, a conflict) the file stays behind with no row. Files under ``lampiran/`` in the
attachments' storage (the local disk or the S3 bucket) with no ``Lampiran`` row are deleted once
they are older than the given age (a day by default), so a file whose transaction is still running
is never touched. Run it daily (cron or a Celery beat entry).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from apps.core.models import Lampiran
from dukcapil.penyimpanan import berkas_di_bawah, di_disk

UKURAN_KELOMPOK = 500
AKAR = "lampiran"


class Command(BaseCommand):
    help = "Menghapus berkas lampiran yatim (tanpa baris Lampiran) yang lebih tua dari batas umur."

    def add_arguments(self, parser):
        parser.add_argument("--umur-jam", type=float, default=24, help="Hanya berkas yang lebih tua dari ini (jam).")
        parser.add_argument("--coba", action="store_true", help="Hanya menampilkan, tidak menghapus.")

    def handle(self, *args, umur_jam, coba, **opts):
        storage = Lampiran._meta.get_field("berkas").storage
        semua = berkas_di_bawah(AKAR, storage)
        if semua is None:
            self.stdout.write("Tidak ada folder lampiran.")
            return
        batas = timezone.now() - timedelta(hours=umur_jam)
        calon = [nama for nama, waktu in semua if waktu < batas]

        yatim: list[str] = []
        for i in range(0, len(calon), UKURAN_KELOMPOK):
            kelompok = calon[i : i + UKURAN_KELOMPOK]
            terpakai = set(Lampiran.objects.filter(berkas__in=kelompok).values_list("berkas", flat=True))
            yatim.extend(nama for nama in kelompok if nama not in terpakai)

        for nama in yatim:
            self.stdout.write(f"{'akan dihapus' if coba else 'dihapus'}: {nama}")
            if not coba:
                storage.delete(nama)
        if not coba and di_disk(storage):
            # Month folders left empty go too (deepest first); the lampiran root stays. A bucket
            # has no folders to leave behind.
            akar = Path(storage.path(AKAR))
            for folder in sorted((d for d in akar.rglob("*") if d.is_dir()), key=lambda d: len(d.parts), reverse=True):
                if not any(folder.iterdir()):
                    folder.rmdir()
        self.stdout.write(
            self.style.SUCCESS(f"{len(yatim)} berkas yatim {'ditemukan' if coba else 'dihapus'} dari {len(calon)} berkas yang diperiksa.")
        )
