"""``python manage.py bekukan_dkb [--tahun --semester]``: freeze the last ended semester's DKB
(what admin PIAK does from the DKB page), e.g. from a cron job on 1 January and 1 July."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from apps.pemanfaatan.agregat import snapshot_bekukan
from apps.pemanfaatan.models import SnapshotDKB
from apps.pemanfaatan.models.publikasi import semester_terakhir


class Command(BaseCommand):
    help = "Bekukan snapshot DKB semester terakhir yang sudah berakhir."

    def add_arguments(self, parser):
        parser.add_argument("--tahun", type=int)
        parser.add_argument("--semester", type=int, choices=[1, 2])

    def handle(self, *args, **opts):
        tahun, semester = semester_terakhir(timezone.localdate())
        tahun, semester = opts["tahun"] or tahun, opts["semester"] or semester
        if SnapshotDKB.objects.filter(tahun=tahun, semester=semester).exists():
            raise CommandError(f"DKB semester {semester}/{tahun} sudah dibekukan.")
        s = snapshot_bekukan(tahun, semester)
        self.stdout.write(f"{s}: {s.jumlah_penduduk} penduduk, {s.jumlah_baris} sel, {s.durasi_detik:.2f} s")
