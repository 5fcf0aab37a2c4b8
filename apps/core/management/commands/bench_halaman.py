"""``python manage.py bench_halaman --skala 1000,1000000``: req/s, p50/p99 and SQL queries of the
portal's busiest pages, against a bare Django template page served the same way.

For each size it first tops the database up to that many requests (``buat_permohonan``; rows
already there count, nothing is deleted), then, through one gunicorn (``--pekerja`` sync workers,
DEBUG off, the portal's middleware) on 127.0.0.1 and ``--klien`` client processes, requests for
``--detik`` seconds each page:

- ``polos``: a 20-item template page (the yardstick, ``_bench_urls.polos``);
- ``status``: the public status page of the newest open request of the ``--antrean`` process,
  opened with its code and PIN (signed cookie); ``status-selesai``: the same for its newest
  finished request; ``status-cari``: the code + PIN form itself (POST, answered by a redirect);
- ``antrean``: a front-office queue (``--antrean``, default the KTP-el requests) as petugas_fo;
- ``beranda``: the staff home page with its queue counts, as petugas_fo;
- ``detail``: a request's detail page, as petugas_fo;
- ``dasbor``: the leaders' dashboard as kadis ("-" when the portal has none).

It prints per page and size the SQL query count (measured in-process with the test client),
req/s, p50 and p99 in milliseconds, then ``ratio <page>: N.NN`` (the page's req/s divided by the
bare page's, at the last size) and, with two sizes, the queue's p50 growth and query counts.
Use PostgreSQL (DATABASE_URL) and, as in production, Redis as the cache (CACHE_URL, which also
puts sessions in it) for figures that mean anything; the generated requests stay.
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from apps.core.models import IndeksProses

HALAMAN = ["status", "status-selesai", "status-cari", "antrean", "beranda", "detail", "dasbor"]
RASIO = ["status", "antrean", "beranda", "detail", "dasbor"]


@dataclass
class Permintaan:
    metode: str
    path: str
    kuki: dict[str, str]
    isi: str = ""
    harap: int = 200


def url_proses(model, jenis: str, *args) -> str:
    """A process page (``<app>:<model>-antrian|detail``, the names of ``core.urls.proses_urls``)."""
    return reverse(f"{model._meta.app_label}:{model._meta.model_name}-{jenis}", args=args)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kirim(port: int, p: Permintaan) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    header = {"Host": "127.0.0.1", "Connection": "close"}
    if p.kuki:
        header["Cookie"] = "; ".join(f"{k}={v}" for k, v in p.kuki.items())
    if p.isi:
        header["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(p.metode, p.path, body=p.isi or None, headers=header)
    r = conn.getresponse()
    r.read()
    conn.close()
    return r.status


def _beban(argumen) -> tuple[list[float], int]:
    """One client process: requests one after another until the deadline; latencies in s."""
    port, p, akhir = argumen
    lat, salah = [], 0
    while time.monotonic() < akhir:
        t = time.perf_counter()
        try:
            status = _kirim(port, p)
        except OSError:
            status = 0
        lat.append(time.perf_counter() - t)
        salah += status != p.harap
    return lat, salah


def _persentil(nilai: list[float], q: float) -> float:
    urut = sorted(nilai)
    return urut[min(len(urut) - 1, int(q * len(urut)))] if urut else 0.0


class Command(BaseCommand):
    help = "Mengukur req/s, p50/p99 dan jumlah kueri halaman utama portal terhadap halaman Django polos."

    def add_arguments(self, parser):
        parser.add_argument("--skala", default="1000", help="jumlah permohonan, dipisah koma (mis. 1000,1000000)")
        parser.add_argument("--detik", type=float, default=5.0, help="lama pengukuran per halaman")
        parser.add_argument("--klien", type=int, default=4, help="proses klien serentak")
        parser.add_argument("--pekerja", type=int, default=2, help="worker gunicorn")
        parser.add_argument("--antrean", default="pendaftaran.PermohonanTanpaVerifikasi",
                            help="model proses yang antreannya diukur (app_label.Model)")

    def handle(self, *args, skala: str, detik: float, klien: int, pekerja: int, antrean: str, **opsi):
        ukuran = [int(s.replace("_", "")) for s in skala.split(",") if s.strip()]
        if not ukuran:
            raise CommandError("--skala kosong.")
        from django.apps import apps

        try:
            self.model_antrean = apps.get_model(antrean)
        except (LookupError, ValueError):
            raise CommandError(f"Model {antrean} tidak ada.")
        self.stdout.write(f"Basis data: {connection.vendor} {settings.DATABASES['default'].get('NAME')}; "
                          f"cache {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, "
                          f"sesi {settings.SESSION_ENGINE.rsplit('.', 1)[-1]}; "
                          f"gunicorn {pekerja} worker, {klien} klien, {detik:g} s per halaman")
        port = _port_bebas()
        gunicorn, log = self._mulai_gunicorn(port, pekerja)
        hasil: dict[int, dict[str, dict]] = {}
        try:
            for n in ukuran:
                ada = IndeksProses.objects.count()
                if ada < n:
                    self.stdout.write(f"== skala {n:,}: membuat {n - ada:,} permohonan")
                    call_command("buat_permohonan", jumlah=n - ada, stdout=self.stdout)
                    with connection.cursor() as cur:
                        if connection.vendor == "postgresql":
                            # What autovacuum does after a bulk load: statistics, and the visibility
                            # map that lets a count read the index alone.
                            cur.execute("VACUUM ANALYZE")
                ada = IndeksProses.objects.count()
                self.stdout.write(f"== skala {n:,} (baris indeks: {ada:,})")
                halaman = self._halaman(port)
                kueri = self._kueri(halaman)
                hasil[n] = {}
                connections.close_all()
                for nama in ["polos", *HALAMAN]:
                    p = halaman.get(nama)
                    if p is None:
                        self.stdout.write(f"  {nama:<12} -")
                        continue
                    ukur = self._ukur(port, p, detik, klien)
                    ukur["kueri"] = kueri.get(nama, "-")
                    hasil[n][nama] = ukur
                    self.stdout.write(
                        f"  {nama:<12} kueri {ukur['kueri']!s:>3}  {ukur['rps']:8.1f} req/s  p50 {ukur['p50']:7.1f} ms"
                        f"  p99 {ukur['p99']:7.1f} ms" + (f"  ({ukur['salah']} jawaban tak terduga)" if ukur["salah"] else "")
                    )
        finally:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=20)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        akhir = hasil[ukuran[-1]]
        for nama in RASIO:
            if nama in akhir and akhir["polos"]["rps"]:
                self.stdout.write(f"ratio {nama}: {akhir[nama]['rps'] / akhir['polos']['rps']:.2f}")
            else:
                self.stdout.write(f"ratio {nama}: -")
        for nama in ("status-selesai", "status-cari"):
            if nama in akhir and akhir["polos"]["rps"]:
                self.stdout.write(f"ratio {nama}: {akhir[nama]['rps'] / akhir['polos']['rps']:.2f}")
        if len(ukuran) > 1:
            kecil, besar = hasil[ukuran[0]], hasil[ukuran[-1]]
            for nama in HALAMAN:
                if nama in kecil and nama in besar and kecil[nama]["p50"]:
                    self.stdout.write(
                        f"{nama}: p50 {ukuran[-1]:,} / {ukuran[0]:,} = {besar[nama]['p50'] / kecil[nama]['p50']:.2f}x, "
                        f"kueri {kecil[nama]['kueri']} → {besar[nama]['kueri']}"
                    )

    # -- the pages ------------------------------------------------------------------------------
    def _pengguna(self, kode: str):
        user, dibuat = get_user_model().objects.get_or_create(username=kode)
        if dibuat:
            user.set_password("demo12345")
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=kode))
        return user

    def _halaman(self, port: int) -> dict[str, Permintaan]:
        fo = Client()
        fo.force_login(self._pengguna("petugas_fo"))
        sesi_fo = {settings.SESSION_COOKIE_NAME: fo.cookies[settings.SESSION_COOKIE_NAME].value}
        halaman = {"polos": Permintaan("GET", "/_bench/polos/", {})}
        halaman["antrean"] = Permintaan("GET", url_proses(self.model_antrean, "antrian"), sesi_fo)
        halaman["beranda"] = Permintaan("GET", reverse("akun:beranda"), sesi_fo)
        objek = self.model_antrean.objects.order_by("-pk").first()
        if objek is not None:
            halaman["detail"] = Permintaan("GET", url_proses(self.model_antrean, "detail", objek.pk), sesi_fo)
        # The status page of the newest open request of the measured queue's process, and of its
        # newest finished one (whose page also checks the satisfaction survey): the same kind of
        # request at every size, so that the sizes compare rows, not kinds of page.
        dilacak = IndeksProses.objects.filter(dilacak_pemohon=True).order_by("-pk")
        sejenis = dilacak.filter(content_type=ContentType.objects.get_for_model(self.model_antrean))
        if not sejenis.exists():
            sejenis = dilacak
        terbuka = sejenis.filter(selesai=False).first()
        for nama, baris in (("status", terbuka), ("status-selesai", self._selesai_dengan_survei(sejenis))):
            if baris is None:
                continue
            objek = baris.model.objects.get(pk=baris.object_id)
            warga = Client()
            r = warga.post(reverse("publik:status"), {"kode": objek.kode_lacak, "pin": objek.pin})
            if r.status_code == 302:
                kuki = {k: m.value for k, m in warga.cookies.items()}
                halaman[nama] = Permintaan("GET", reverse("publik:status-detail", args=[objek.kode_lacak]), kuki)
                self.stdout.write(f"  {nama}: {baris.kode_proses} {type(objek).__name__}, status {objek.status}")
        baris = terbuka or dilacak.first()
        if baris is not None:
            objek = baris.model.objects.get(pk=baris.object_id)
            # The form itself, with a CSRF cookie and token taken from the served page.
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", reverse("publik:status"), headers={"Host": "127.0.0.1"})
            jawab = conn.getresponse()
            html = jawab.read().decode()
            kuki_csrf = re.search(rf"{settings.CSRF_COOKIE_NAME}=([^;]+)", jawab.getheader("Set-Cookie") or "")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
            conn.close()
            if kuki_csrf and token:
                from urllib.parse import urlencode

                halaman["status-cari"] = Permintaan(
                    "POST", reverse("publik:status"), {settings.CSRF_COOKIE_NAME: kuki_csrf.group(1)},
                    urlencode({"csrfmiddlewaretoken": token.group(1), "kode": objek.kode_lacak, "pin": objek.pin}), 302,
                )
        try:
            url_dasbor = reverse("dasbor:dasbor")
        except NoReverseMatch:
            url_dasbor = None
        if url_dasbor:
            kadis = Client()
            kadis.force_login(self._pengguna("kadis"))
            halaman["dasbor"] = Permintaan(
                "GET", url_dasbor, {settings.SESSION_COOKIE_NAME: kadis.cookies[settings.SESSION_COOKIE_NAME].value}
            )
        return halaman

    @staticmethod
    def _selesai_dengan_survei(baris_indeks):
        """The newest finished request whose page offers the survey (delivered, not rejected or
        cancelled), else the newest finished one."""
        selesai = list(baris_indeks.filter(selesai=True)[:50])
        try:
            from apps.piak.services.skm import boleh_survei
        except ImportError:
            return selesai[0] if selesai else None
        for baris in selesai:
            if boleh_survei(baris.model.objects.get(pk=baris.object_id)):
                return baris
        return selesai[0] if selesai else None

    def _kueri(self, halaman: dict[str, Permintaan]) -> dict[str, int]:
        """SQL queries of each page, in this process with the test client (second request: warm)."""
        from django.test.utils import override_settings

        hasil = {}
        with override_settings(ROOT_URLCONF="apps.core.management.commands._bench_urls"):
            for nama, p in halaman.items():
                hasil[nama] = self._kueri_satu(p)
        return hasil

    def _kueri_satu(self, p: Permintaan):
        c = Client()
        for k, v in p.kuki.items():
            c.cookies[k] = v

        def kirim():
            if p.metode == "POST":
                return c.post(p.path, p.isi, content_type="application/x-www-form-urlencoded")
            return c.get(p.path)

        kirim()
        with CaptureQueriesContext(connection) as q:
            r = kirim()
        return len(q) if r.status_code == p.harap else f"{len(q)}!{r.status_code}"

    # -- measuring ------------------------------------------------------------------------------
    def _mulai_gunicorn(self, port: int, pekerja: int):
        db = settings.DATABASES["default"]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "apps.core.management.commands._bench_settings",
            "DJANGO_DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DB_CONN_MAX_AGE": "60",
            "LOG_LEVEL": "WARNING",
        }
        if db["ENGINE"].endswith("sqlite3"):
            env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
        log = Path(settings.BASE_DIR) / "var" / "bench_halaman_gunicorn.log"
        proses = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "dukcapil.wsgi:application", "-w", str(pekerja), "-b", f"127.0.0.1:{port}",
             "--log-level", "warning", "--timeout", "60"],
            cwd=settings.BASE_DIR, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
        )
        akhir = time.monotonic() + 60
        while True:
            try:
                if _kirim(port, Permintaan("GET", "/_bench/polos/", {})) == 200:
                    break
            except OSError:
                pass
            if proses.poll() is not None or time.monotonic() > akhir:
                proses.kill()
                raise CommandError(f"gunicorn gagal mulai:\n{log.read_text()[-2000:]}")
            time.sleep(0.2)
        return proses, log

    def _ukur(self, port: int, p: Permintaan, detik: float, klien: int) -> dict:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(klien) as pool:
            pool.map(_beban, [(port, p, time.monotonic() + min(1.0, detik / 4))] * klien)  # warm-up
            mulai = time.monotonic()
            hasil = pool.map(_beban, [(port, p, mulai + detik)] * klien)
            lama = time.monotonic() - mulai
        lat = [x for h in hasil for x in h[0]]
        return {
            "rps": len(lat) / lama,
            "p50": _persentil(lat, 0.5) * 1000,
            "p99": _persentil(lat, 0.99) * 1000,
            "salah": sum(h[1] for h in hasil),
        }
