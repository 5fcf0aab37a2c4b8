"""``python manage.py buat_sertifikat_lokal``: a local CA and one PKCS#12 per signing official.

For development, demos and tests only (production signs through BSrE). Files go to
``settings.TTE_KEY_DIR`` (var/tte by default: outside the repo and the database).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.dokumen.models import Pejabat
from apps.dokumen.tte.sertifikat import buat_p12_pejabat, muat_atau_buat_ca

# The passphrase of the demo officials (README, "Tanda tangan elektronik").
PASSPHRASE_DEMO = "rahasia-tte-1"


class Command(BaseCommand):
    help = "Membuat CA lokal dan sertifikat TTE (PKCS#12) untuk setiap pejabat penandatangan aktif."

    def add_arguments(self, parser):
        parser.add_argument("--passphrase", help="Passphrase PKCS#12 (bawaan: passphrase demo bila DEBUG, selain itu ditanyakan).")
        parser.add_argument("--nip", action="append", help="Hanya pejabat dengan NIP ini (boleh diulang).")
        parser.add_argument("--ulang", action="store_true", help="Buat ulang sertifikat yang sudah ada.")
        parser.add_argument("--ca-baru", action="store_true", help="Buat ulang CA lokal (semua sertifikat lama tidak lagi tepercaya).")

    def handle(self, *args, **opts):
        direktori = Path(settings.TTE_KEY_DIR)
        direktori.mkdir(parents=True, exist_ok=True, mode=0o700)
        passphrase = opts["passphrase"] or os.environ.get("TTE_PASSPHRASE_LOKAL", "")
        if not passphrase:
            if settings.DEBUG or getattr(settings, "TESTING", False):
                passphrase = PASSPHRASE_DEMO
            elif sys.stdin.isatty():
                passphrase = getpass.getpass("Passphrase sertifikat pejabat: ")
            else:  # unattended (compose, CI): never wait on a prompt nobody sees
                raise CommandError("Passphrase belum diberikan: pakai --passphrase atau variabel lingkungan TTE_PASSPHRASE_LOKAL.")
        if len(passphrase) < 8:
            raise CommandError("Passphrase minimal 8 karakter.")
        ca_cert, ca_key, ca_dibuat = muat_atau_buat_ca(direktori, ulang=opts["ca_baru"])
        self.stdout.write(f"CA lokal {'dibuat' if ca_dibuat else 'dipakai'}: {direktori / 'ca.pem'}")
        pejabat = Pejabat.objects.filter(aktif=True)
        if opts["nip"]:
            pejabat = pejabat.filter(nip__in=opts["nip"])
        jumlah = 0
        for p in pejabat:
            if p.berkas_p12.exists() and not (opts["ulang"] or ca_dibuat):
                self.stdout.write(f"  {p.nip} {p.nama}: sudah ada")
                continue
            buat_p12_pejabat(direktori, nama=p.nama, nip=p.nip, passphrase=passphrase, ca_cert=ca_cert, ca_key=ca_key)
            jumlah += 1
            self.stdout.write(f"  {p.nip} {p.nama}: dibuat")
        self.stdout.write(self.style.SUCCESS(f"{jumlah} sertifikat pejabat dibuat di {direktori}."))
