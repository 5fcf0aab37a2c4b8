"""``python manage.py bench_dokumen``: how long a document takes to render and to sign.

Prints, per document type, the milliseconds to render (template + WeasyPrint) and to sign
(unlock the PKCS#12 + PAdES signature with the visible block), a bare one-paragraph WeasyPrint
page measured in the same run, and — when CELERY_BROKER_URL is set — documents per second through
a real Celery worker it starts.

The last line is ``ratio: N.NN`` = (render + sign of one page) / (bare page), where "one page" is
that same one-paragraph page taken through the portal's pipeline: the worker's shared font
configuration, cache and stylesheet, the closed URL fetcher, then the official's key unlocked
and the PAdES signature with its visible block (name, NIP, position, date, QR). It measures what
the pipeline costs over plain WeasyPrint. The line before it gives the same ratio for the
one-page official letter with its kop surat, which also carries the cost of its own layout.

Signing uses a throw-away CA and official in a temporary directory; the worker run uses rows it
deletes afterwards and draws no number from the real counters.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import timezone, translation
from weasyprint import HTML

from apps.dokumen.contoh import ObjekContoh
from apps.dokumen.jenis import semua_jenis
from apps.dokumen.jobs import baris_tte, konteks_dokumen, kotak_bawaan
from apps.dokumen.models import Dokumen, Pejabat
from apps.dokumen.render import render_pdf
from apps.dokumen.tte import Tampilan
from apps.dokumen.tte.lokal import BackendLokal
from apps.dokumen.tte.sertifikat import buat_p12_pejabat, muat_atau_buat_ca

PASSPHRASE_BENCH = "bench-passphrase-1"
HALAMAN_POLOS = "<p>Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan melayani administrasi kependudukan.</p>"


def _ms(fungsi, n: int) -> tuple[float, object]:
    waktu, hasil = [], None
    for _ in range(n):
        t = time.perf_counter()
        hasil = fungsi()
        waktu.append((time.perf_counter() - t) * 1000)
    return statistics.median(waktu), hasil


class Command(BaseCommand):
    help = "Mengukur waktu render dan tanda tangan per dokumen, dan dokumen per detik melalui worker Celery."

    def add_arguments(self, parser):
        parser.add_argument("-n", type=int, default=20, help="Ulangan per pengukuran (median dilaporkan).")
        parser.add_argument("--dokumen-worker", type=int, default=30, help="Jumlah dokumen untuk uji worker.")
        parser.add_argument("--tte-massal", type=int, default=100, help="Jumlah berkas TTE massal (2 proses worker); 0 = lewati.")

    def handle(self, *args, **opts):
        n = opts["n"]
        with tempfile.TemporaryDirectory() as tmp, override_settings(TTE_KEY_DIR=Path(tmp)):
            ca_cert, ca_key, _ = muat_atau_buat_ca(Path(tmp))
            pejabat = Pejabat(nama="Pejabat Uji Kinerja", nip="199901012025011001", jabatan="Kepala Dinas")
            buat_p12_pejabat(Path(tmp), nama=pejabat.nama, nip=pejabat.nip, passphrase=PASSPHRASE_BENCH, ca_cert=ca_cert, ca_key=ca_key)
            backend = BackendLokal()

            # Warm up: fonts found and parsed once per process, as in a worker.
            for _ in range(3):
                HTML(string=HALAMAN_POLOS).write_pdf()
            polos, _ = _ms(lambda: HTML(string=HALAMAN_POLOS).write_pdf(), n)

            self.stdout.write(f"{'jenis':<16}{'kertas':<16}{'render ms':>10}{'sign ms':>10}{'total ms':>10}")
            hasil_surat = None
            for jenis in semua_jenis():
                dokumen = Dokumen(jenis=jenis.kode, judul=jenis.judul, nomor="BENCH/1", tahun=timezone.localdate().year,
                                  urut=1, perlu_tte=True, ditandatangani_oleh=pejabat, dibuat_pada=timezone.now())
                objek = ObjekContoh(jenis=jenis)

                def render(dokumen=dokumen, objek=objek, jenis=jenis):
                    with translation.override("id"):
                        html = render_to_string(jenis.template, konteks_dokumen(dokumen, objek))
                    return render_pdf(html)

                for _ in range(2):
                    render()
                t_render, hasil = _ms(render, n)
                halaman, kotak = (hasil.halaman_tte, hasil.kotak_tte) if hasil.kotak_tte else kotak_bawaan(hasil)
                tampilan = Tampilan(halaman=halaman, kotak=kotak, baris=baris_tte(dokumen, timezone.now()), url_qr=dokumen.url_verifikasi)
                t_sign, _ = _ms(lambda hasil=hasil, tampilan=tampilan: backend.tandatangani(
                    hasil.pdf, pejabat=pejabat, passphrase=PASSPHRASE_BENCH, tampilan=tampilan), n)
                self.stdout.write(f"{jenis.kode:<16}{jenis.kertas:<16}{t_render:>10.1f}{t_sign:>10.1f}{t_render + t_sign:>10.1f}")
                if jenis.kode == "surat":
                    hasil_surat = (t_render, t_sign)

            # The same one-paragraph page through the portal's pipeline, signed.
            for _ in range(2):
                render_pdf(HALAMAN_POLOS)
            t_render_1, hasil_1 = _ms(lambda: render_pdf(HALAMAN_POLOS), n)
            halaman_1, kotak_1 = kotak_bawaan(hasil_1)
            dokumen_1 = Dokumen(jenis="surat", judul="Halaman", nomor="BENCH/1", tahun=timezone.localdate().year, urut=1,
                                perlu_tte=True, ditandatangani_oleh=pejabat, dibuat_pada=timezone.now())
            tampilan_1 = Tampilan(halaman=halaman_1, kotak=kotak_1, baris=baris_tte(dokumen_1, timezone.now()), url_qr=dokumen_1.url_verifikasi)
            t_sign_1, _ = _ms(lambda: backend.tandatangani(hasil_1.pdf, pejabat=pejabat, passphrase=PASSPHRASE_BENCH, tampilan=tampilan_1), n)

            self.stdout.write(f"halaman polos WeasyPrint (satu paragraf): {polos:.1f} ms")
            self._worker(opts["dokumen_worker"])
            if opts["tte_massal"]:
                self._tte_massal(opts["tte_massal"])
            t_render, t_sign = hasil_surat
            self.stdout.write(
                f"surat satu halaman (kop, isi, blok TTE): render {t_render:.1f} ms + tanda tangan {t_sign:.1f} ms"
                f" = {(t_render + t_sign) / polos:.2f}x halaman polos"
            )
            self.stdout.write(
                f"halaman satu paragraf lewat pipeline portal: render {t_render_1:.1f} ms + tanda tangan {t_sign_1:.1f} ms"
            )
            self.stdout.write(f"ratio: {(t_render_1 + t_sign_1) / polos:.2f}")

    def _tte_massal(self, jumlah: int) -> None:
        """Bulk TTE of ``jumlah`` files through 2 worker processes: the batch's transitions, each
        document rendered, signed and mailed (to files). In a throw-away PostgreSQL database, on the
        kernel's small test process (DUKCAPIL_TESTING=1 installs it), so no real record, number or
        index row is touched."""
        from django.apps import apps as django_apps
        from django.db import connection

        broker = os.environ.get("CELERY_BROKER_URL") or settings.CELERY_BROKER_URL
        if not broker or connection.vendor != "postgresql" or not django_apps.is_installed("tests.kernel_app"):
            self.stdout.write("TTE massal: dilewati (perlu CELERY_BROKER_URL, PostgreSQL dan DUKCAPIL_TESTING=1)")
            return
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.db import transaction

        from apps.dokumen import massal
        from dukcapil.celery import app
        from tests.kernel_app.models import ContohDokumen

        nama_lama = connection.settings_dict["NAME"]
        antrean = f"bench-massal-{uuid.uuid4().hex[:8]}"
        connection.settings_dict.setdefault("TEST", {})["NAME"] = antrean.replace("-", "_")
        nama_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        proses = None
        try:
            with tempfile.TemporaryDirectory() as tmp:
                ca_cert, ca_key, _ = muat_atau_buat_ca(Path(tmp))
                user = get_user_model().objects.create_user(username="bench-kabid", password=None)
                user.groups.add(Group.objects.get_or_create(name="kabid")[0])
                pejabat = Pejabat.objects.create(user=user, nama="Pejabat Uji Kinerja", nip="199901012025011003", jabatan="Kepala Bidang")
                buat_p12_pejabat(Path(tmp), nama=pejabat.nama, nip=pejabat.nip, passphrase=PASSPHRASE_BENCH, ca_cert=ca_cert, ca_key=ca_key)
                db = connection.settings_dict
                env = {
                    **os.environ, "CELERY_BROKER_URL": broker, "CELERY_TASK_ALWAYS_EAGER": "0", "DUKCAPIL_TESTING": "1",
                    "CELERY_TASK_DEFAULT_QUEUE": antrean, "TTE_KEY_DIR": tmp, "TTE_BACKEND": "lokal",
                    "DATABASE_URL": f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{nama_db}",
                    "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": str(Path(tmp) / "email"),
                    "MEDIA_ROOT": str(Path(tmp) / "media"),
                    "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "dukcapil.settings"),
                }
                log = Path(tmp) / "worker.log"
                proses = subprocess.Popen(
                    [sys.executable, "-m", "celery", "-A", "dukcapil", "worker", "-c", "2", "-Q", antrean, "-n", f"{antrean}@bench",
                     "-l", "WARNING", "--without-mingle", "--without-gossip", "--without-heartbeat"],
                    cwd=settings.BASE_DIR, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                )
                daftar = [ContohDokumen.objects.create(email=f"warga{i}@contoh.id") for i in range(jumlah)]
                batas = time.monotonic() + 60
                while not app.control.ping([f"{antrean}@bench"], timeout=0.5):
                    if proses.poll() is not None or time.monotonic() > batas:
                        self.stdout.write(f"TTE massal: worker gagal mulai\n{log.read_text()[-1500:]}")
                        return
                app.conf.task_always_eager = False
                app.conf.task_default_queue = antrean
                mulai = time.perf_counter()
                with transaction.atomic():
                    batch = massal.tte_massal_mulai(
                        pengguna=user, pilihan=[massal.kunci_pilihan(ContohDokumen, o.pk) for o in daftar], passphrase=PASSPHRASE_BENCH
                    )
                batas = time.monotonic() + 600
                while (h := massal.tte_massal_hitung(batch))["sisa"] or h["terkirim"] < h["ditandatangani"]:
                    if time.monotonic() > batas:
                        break
                    time.sleep(0.1)
                lama = time.perf_counter() - mulai
                self.stdout.write(
                    f"TTE massal (2 proses worker): {h['ditandatangani']}/{jumlah} berkas ditandatangani dan {h['terkirim']} "
                    f"email dalam {lama:.2f} s = {h['ditandatangani'] / lama:.1f} dokumen/detik"
                )
        finally:
            if proses is not None:
                proses.terminate()
                try:
                    proses.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proses.kill()
            connection.creation.destroy_test_db(nama_lama, verbosity=0)

    def _worker(self, jumlah: int) -> None:
        broker = os.environ.get("CELERY_BROKER_URL") or settings.CELERY_BROKER_URL
        if not broker:
            self.stdout.write("worker Celery: dilewati (CELERY_BROKER_URL belum diatur)")
            return
        from django.contrib.contenttypes.models import ContentType
        from django.db import transaction

        from apps.dokumen import tasks
        from apps.dokumen.sandi import bungkus_passphrase
        from dukcapil.celery import app

        with tempfile.TemporaryDirectory() as tmp:
            # The worker signs with keys of its own directory, passed through its environment.
            ca_cert, ca_key, _ = muat_atau_buat_ca(Path(tmp))
            user_model = Pejabat._meta.get_field("user").related_model
            user, _ = user_model.objects.get_or_create(username="bench-pejabat", defaults={"is_active": False})
            pejabat, _ = Pejabat.objects.get_or_create(user=user, defaults={"nama": "Pejabat Uji Kinerja", "nip": "199901012025011002", "jabatan": "Kepala Dinas", "aktif": False})
            buat_p12_pejabat(Path(tmp), nama=pejabat.nama, nip=pejabat.nip, passphrase=PASSPHRASE_BENCH, ca_cert=ca_cert, ca_key=ca_key)
            antrean = f"bench-{uuid.uuid4().hex[:8]}"
            env = {**os.environ, "CELERY_BROKER_URL": broker, "CELERY_TASK_ALWAYS_EAGER": "0", "TTE_KEY_DIR": tmp,
                   "TTE_BACKEND": "lokal", "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "dukcapil.settings")}
            log = Path(tmp) / "worker.log"
            konkuren = str(os.cpu_count() or 1)
            proses = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "dukcapil", "worker", "-c", konkuren, "-Q", antrean, "-n", f"{antrean}@bench",
                 "-l", "WARNING", "--without-mingle", "--without-gossip", "--without-heartbeat"],
                cwd=settings.BASE_DIR, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
            )
            dibuat: list[int] = []
            try:
                ct = ContentType.objects.get_for_model(Pejabat)
                with transaction.atomic():
                    for i in range(jumlah):
                        d = Dokumen.objects.create(
                            content_type=ct, object_id=pejabat.pk, jenis="surat", judul="Surat (uji kinerja)", kunci_nomor=f"bench:{antrean}",
                            tahun=timezone.localdate().year, urut=i + 1, nomor=f"BENCH/{i + 1}", perlu_tte=True, ditandatangani_oleh=pejabat, aktif=False,
                        )
                        dibuat.append(d.pk)
                token = {pk: bungkus_passphrase(PASSPHRASE_BENCH, dokumen_id=pk) for pk in dibuat}
                # Ready when it answers a ping.
                batas = time.monotonic() + 60
                while not app.control.ping([f"{antrean}@bench"], timeout=0.5):
                    if proses.poll() is not None or time.monotonic() > batas:
                        self.stdout.write(f"worker Celery: gagal mulai\n{log.read_text()[-1500:]}")
                        return
                app.conf.task_always_eager = False
                mulai = time.perf_counter()
                for pk in dibuat:
                    tasks.proses_dokumen.apply_async(args=[pk], kwargs={"token": token[pk]}, queue=antrean)
                batas = time.monotonic() + 300
                while Dokumen.objects.filter(pk__in=dibuat, status__in=["menunggu", "diproses"]).exists():
                    if time.monotonic() > batas:
                        break
                    time.sleep(0.05)
                lama = time.perf_counter() - mulai
                selesai = Dokumen.objects.filter(pk__in=dibuat, status="selesai").count()
                self.stdout.write(f"worker Celery ({konkuren} proses): {selesai}/{jumlah} dokumen bertanda tangan dalam {lama:.2f} s = {selesai / lama:.1f} dokumen/detik")
            finally:
                proses.terminate()
                try:
                    proses.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proses.kill()
                for d in Dokumen.objects.filter(pk__in=dibuat):
                    if d.berkas:
                        d.berkas.delete(save=False)
                Dokumen.objects.filter(pk__in=dibuat).delete()
