"""``python manage.py contoh_dokumen --out DIR``: one signed sample of every document type."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from apps.dokumen.contoh import buat_contoh, pejabat_contoh
from apps.dokumen.jenis import semua_jenis

from .buat_sertifikat_lokal import PASSPHRASE_DEMO


class Command(BaseCommand):
    help = "Menulis satu contoh PDF bertanda tangan elektronik untuk setiap jenis dokumen (CA lokal, data demo)."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="Direktori tujuan.")
        parser.add_argument("--passphrase", default=PASSPHRASE_DEMO, help="Passphrase sertifikat pejabat (bawaan: passphrase demo).")

    def handle(self, *args, **opts):
        out = Path(opts["out"])
        out.mkdir(parents=True, exist_ok=True)
        settings.TTE_BACKEND = "lokal"  # samples are always signed with the local CA
        pejabat = pejabat_contoh()
        if not pejabat.berkas_p12.exists():
            call_command("buat_sertifikat_lokal", nip=[pejabat.nip], passphrase=opts["passphrase"], stdout=self.stdout)
        for jenis in semua_jenis():
            sampel = [(jenis.kode, None), *((f"{jenis.kode}-{n}", d) for n, d in (jenis.contoh_varian or {}).items())]
            for nama, data in sampel:
                dokumen, pdf = buat_contoh(jenis, pejabat=pejabat, passphrase=opts["passphrase"], data=data)
                path = out / f"{nama}.pdf"
                path.write_bytes(pdf)
                self.stdout.write(f"{path}  {dokumen.nomor}  {dokumen.url_verifikasi}")
        self.stdout.write(self.style.SUCCESS(f"{len(semua_jenis())} contoh dokumen ditulis ke {out}. Percayai CA: {Path(settings.TTE_KEY_DIR) / 'ca.pem'}"))
