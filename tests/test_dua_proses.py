"""A stateless web tier: two gunicorn processes and two Celery workers on loopback, sharing only one
PostgreSQL, one Redis and one S3 server (moto, started here), give the same result as one process.

A KK request (P.4.1.2) goes from intake to the signed document with every page loaded from one web
process and its form posted to the other, alternately, each role logged in once: one signed KK,
one email, gap-free document numbers, every PDF in the bucket (each process has a local disk of its
own, so nothing can pass through one). The citizen opens the status page on one process and reads
it on the other. Sessions live in the database, rate-limit counters in Redis, files in S3.

Also here, without services: an anonymous status look-up creates no session row.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse

from conftest import buat_pengguna, layanan_tidak_tersedia, port_bebas

from .s3_uji import BUCKET, env_s3, klien, server_s3

AKAR = Path(__file__).resolve().parent.parent
NIK, NO_KK = "3575014107900003", "3575010101200001"


# -- without services ---------------------------------------------------------------------------
@pytest.mark.django_db
def test_anonymous_status_lookup_creates_no_session_row(client):
    from apps.pendaftaran.models import PermohonanDenganVerifikasi
    from apps.pendaftaran.tests.factories import buat_permohonan

    obj = buat_permohonan(PermohonanDenganVerifikasi, status="diinput")
    r = client.post(reverse("publik:status"), {"kode": obj.kode_lacak, "pin": obj.pin})
    assert r.status_code == 302
    r = client.get(r["Location"])
    assert r.status_code == 200 and obj.kode_lacak in r.content.decode()
    assert Session.objects.count() == 0
    # The opened code is in a signed cookie: a forged one opens nothing.
    client.cookies["status_terbuka"] = obj.kode_lacak
    r = client.get(reverse("publik:status-detail", args=[obj.kode_lacak]))
    assert r.status_code == 302 and "?kode=" in r["Location"]


# -- a browser's form filling, without a browser ------------------------------------------------
class _Formulir(HTMLParser):
    """The forms of a page: action and the values a browser would submit unchanged."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "isian": {}, "tombol": set(), "id": a.get("id", "")})
        if not self.forms:
            return
        isian = self.forms[-1]["isian"]
        if tag == "input" and a.get("name"):
            jenis = (a.get("type") or "text").lower()
            if jenis in ("submit", "button", "image"):
                self.forms[-1]["tombol"].add(a["name"])
            elif jenis in ("checkbox", "radio"):
                if "checked" in a:
                    isian[a["name"]] = a.get("value", "on")
            elif jenis != "file":
                isian[a["name"]] = a.get("value") or ""
        elif tag == "button" and a.get("name"):
            self.forms[-1]["tombol"].add(a["name"])
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select:
            if self._select not in isian or "selected" in a:
                isian[self._select] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            isian[a["name"]] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["isian"][self._textarea] += data


class Peramban:
    """One person's cookie jar, alternating between the two web processes: each page is loaded
    from one and its form posted to the other."""

    def __init__(self, web: list[str]):
        import requests

        self.sesi = requests.Session()
        self.web = web
        self.giliran = 0
        self.dilayani: list[str] = []

    def _berikut(self) -> str:
        url = self.web[self.giliran % len(self.web)]
        self.giliran += 1
        self.dilayani.append(url)
        return url

    def get(self, path: str, **kw):
        return self.sesi.get(self._berikut() + path, allow_redirects=False, timeout=60, **kw)

    def kirim(self, path: str, tombol: str, isian: dict | None = None, berkas: dict | None = None):
        """Load ``path``, fill the form holding the button (or field) ``tombol`` and post it to the
        other process."""
        r = self.get(path)
        assert r.status_code == 200, (path, r.status_code, r.text[-2000:])
        p = _Formulir()
        p.feed(r.text)
        form = next((f for f in p.forms if tombol in f["tombol"] or tombol in f["isian"]), None)
        assert form is not None, f"{path}: tidak ada formulir dengan tombol {tombol}"
        data = {**form["isian"], **(isian or {})}
        if tombol in form["tombol"]:
            data[tombol] = "1"
        tujuan = urlsplit(urljoin(r.url, form["action"] or r.url))
        path_post = tujuan.path + (f"?{tujuan.query}" if tujuan.query else "")
        files = {k: (nama, isi, "application/pdf") for k, (nama, isi) in (berkas or {}).items()}
        return self.sesi.post(self._berikut() + path_post, data=data, files=files or None, allow_redirects=False,
                              timeout=120, headers={"Referer": r.url})

    def masuk(self, username: str, password: str) -> None:
        r = self.kirim(reverse("akun:masuk"), "password", {"username": username, "password": password})
        assert r.status_code == 302, (username, r.status_code, r.text[-1500:])


# -- the processes ------------------------------------------------------------------------------
def _tunggu(syarat, batas: float, pesan) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if syarat():
            return
        time.sleep(0.3)
    raise AssertionError(pesan() if callable(pesan) else pesan)


@pytest.fixture
def tumpukan(transactional_db, settings, tmp_path, server_smtp):
    """Two gunicorn and two Celery worker processes on one database, one Redis, one S3 server."""
    import redis

    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker:
        layanan_tidak_tersedia("CELERY_BROKER_URL belum diatur (Redis): uji dua proses dilewati")
    if connection.vendor != "postgresql":
        layanan_tidak_tersedia("uji dua proses perlu PostgreSQL (DATABASE_URL=postgres://...)")
    try:
        redis.Redis.from_url(broker, socket_connect_timeout=3).ping()
    except Exception as exc:  # noqa: BLE001
        layanan_tidak_tersedia(f"Redis {broker} tidak dapat dihubungi: {exc}")

    from apps.pendaftaran.tests.factories import buat_pejabat

    kunci = tmp_path / "tte"
    kunci.mkdir()
    kabid = buat_pengguna("kabid")
    buat_pejabat(kabid, nip="197001011995031001", direktori=kunci)

    db = settings.DATABASES["default"]
    antrean = f"uji-{uuid.uuid4().hex[:10]}"
    proses, web = [], []
    with server_s3() as s3:
        env_bersama = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "dukcapil.settings",
            "DUKCAPIL_TESTING": "1",
            "DATABASE_URL": f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
            "CELERY_BROKER_URL": broker,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "CELERY_TASK_DEFAULT_QUEUE": antrean,
            # Rate-limit counters in the same Redis (its keys never meet Celery's).
            "CACHE_URL": re.sub(r"^redis://", "rediscache://", broker),
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "SITE_URL": "http://127.0.0.1",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": server_smtp.host,
            "EMAIL_PORT": str(server_smtp.port),
            "EMAIL_USE_TLS": "0",
            "TTE_BACKEND": "lokal",
            "TTE_KEY_DIR": str(kunci),
            "LOG_LEVEL": "WARNING",
            **env_s3(s3),
        }
        try:
            for i in (1, 2):
                port = port_bebas()
                env = {**env_bersama, "MEDIA_ROOT": str(tmp_path / f"disk-web{i}")}
                log = tmp_path / f"web{i}.log"
                proses.append(subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "dukcapil.wsgi:application", "-w", "1", "-b", f"127.0.0.1:{port}",
                     "--timeout", "120", "--log-level", "warning"],
                    cwd=AKAR, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                ))
                web.append((f"http://127.0.0.1:{port}", log))
            worker = []
            for i in (1, 2):
                env = {**env_bersama, "MEDIA_ROOT": str(tmp_path / f"disk-worker{i}")}
                log = tmp_path / f"worker{i}.log"
                proses.append(subprocess.Popen(
                    [sys.executable, "-m", "celery", "-A", "dukcapil", "worker", "-P", "solo", "-c", "1", "-l", "INFO",
                     "-Q", antrean, "-n", f"{antrean}-{i}@uji", "--without-mingle", "--without-gossip", "--without-heartbeat"],
                    cwd=AKAR, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                ))
                worker.append(log)
            import requests

            def web_siap(url):
                try:
                    return requests.get(url + "/sehat/", timeout=5).status_code == 200
                except requests.RequestException:
                    return False

            for url, log in web:
                _tunggu(lambda url=url: web_siap(url), 90, lambda log=log: f"gunicorn gagal mulai:\n{log.read_text()[-3000:]}")
            for log in worker:
                _tunggu(lambda log=log: b" ready." in log.read_bytes(), 90, lambda log=log: f"worker gagal mulai:\n{log.read_text()[-3000:]}")
            yield {"web": [u for u, _ in web], "s3": s3, "smtp": server_smtp, "log": [*(lg for _, lg in web), *worker],
                   "disk": tmp_path}
        finally:
            for p in proses:
                p.terminate()
            for p in proses:
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()


def _log(tumpukan) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text()[-2500:]}" for p in tumpukan["log"])


@pytest.mark.layanan
@pytest.mark.django_db(transaction=True)
def test_a_request_through_two_web_and_two_worker_processes(tumpukan, pengguna):
    from apps.dokumen.models import Dokumen
    from apps.pendaftaran.models import PermohonanDenganVerifikasi
    from apps.pendaftaran.tests.factories import PASSPHRASE, PDF, layanan, pastikan_keluarga

    pastikan_keluarga(NO_KK, NIK, "SITI AMINAH")
    for kode in ("petugas_fo", "operator_siak", "verifikator"):
        pengguna(kode)
    lay = layanan("kk", "hilang")
    syarat = list(lay.persyaratan.order_by("urutan"))
    web = tumpukan["web"]

    # The test's fast MD5 hasher is unknown to the web processes' settings: a (short) PBKDF2 hash.
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    get_user_model().objects.update(password=PBKDF2PasswordHasher().encode("rahasia-uji-1", "garamuji", iterations=1000))
    orang = {}
    for kode in ("petugas_fo", "operator_siak", "verifikator", "kabid"):
        orang[kode] = Peramban(web)
        orang[kode].masuk(kode, "rahasia-uji-1")

    # Intake at the front office: identity, every requirement ticked and scanned.
    fo = orang["petugas_fo"]
    isian = {"layanan": str(lay.pk), "nik": NIK, "nama": "SITI AMINAH", "no_kk": NO_KK, "email": "siti@example.id",
             **{f"syarat_{p.pk}": "on" for p in syarat}}
    berkas = {f"berkas_{p.pk}": (f"syarat-{p.pk}.pdf", PDF) for p in syarat}
    r = fo.kirim(f"{reverse('pendaftaran:baru')}?layanan={lay.pk}", "simpan", isian, berkas)
    assert r.status_code == 302, (r.status_code, r.text[-3000:], _log(tumpukan))
    obj = PermohonanDenganVerifikasi.objects.get()

    def aksi(kode: str, nama: str, isian: dict | None = None):
        r = orang[kode].kirim(reverse("pendaftaran:permohonandenganverifikasi-aksi", args=[obj.pk, nama]), "kirim", isian)
        assert r.status_code == 302, (kode, nama, r.status_code, r.text[-3000:])

    aksi("petugas_fo", "berkas_lengkap")
    aksi("operator_siak", "input_siak", {"referensi_siak": "SIAK-2026-000123"})
    aksi("verifikator", "verifikasi")
    aksi("kabid", "tandatangani", {"passphrase": PASSPHRASE})
    obj.refresh_from_db()
    assert obj.status == "ditandatangani"

    smtp = tumpukan["smtp"]
    _tunggu(lambda: Dokumen.objects.filter(jenis="kk", status="selesai").exists() and len(smtp.pesan) >= 1, 120,
            lambda: f"dokumen/email belum selesai: {list(Dokumen.objects.values_list('jenis', 'status', 'galat'))}\n{_log(tumpukan)}")
    time.sleep(3)  # a duplicate job or email would show up by now

    # One signed KK, one email with it, gap-free numbers; every PDF in the bucket, none on a disk.
    kk = Dokumen.objects.get(jenis="kk")
    assert kk.ditandatangani_pada and kk.percobaan == 1
    assert [m.penerima for m in smtp.pesan] == [["siti@example.id"]], [m["Subject"] for m in smtp.pesan]
    lampiran = [b for b in smtp.pesan[0].iter_attachments() if b.get_content_type() == "application/pdf"]
    isi = klien(tumpukan["s3"]).get_object(Bucket=BUCKET, Key=kk.berkas.name)["Body"].read()
    assert len(lampiran) == 1 and lampiran[0].get_content() == isi and b"/ByteRange" in isi
    for kunci in Dokumen.objects.values_list("kunci_nomor", flat=True).distinct():
        urut = sorted(Dokumen.objects.filter(kunci_nomor=kunci).values_list("urut", flat=True))
        assert urut == list(range(urut[0], urut[0] + len(urut))), (kunci, urut)
    for d in Dokumen.objects.exclude(berkas=""):
        klien(tumpukan["s3"]).head_object(Bucket=BUCKET, Key=d.berkas.name)
    assert not [p for p in tumpukan["disk"].glob("disk-*/**/*.pdf")], "berkas tersimpan di disk lokal"

    # Both web processes served pages and forms; a download from either is a presigned S3 URL.
    for i, url in enumerate(web):
        assert fo.dilayani.count(url) >= 2
        r = orang["kabid"].sesi.get(url + reverse("dokumen:dokumen-unduh", args=[kk.pk]), allow_redirects=False, timeout=30)
        assert r.status_code == 302 and "X-Amz-Signature" in r.headers["Location"], (i, r.status_code)
        import requests

        assert requests.get(r.headers["Location"], timeout=30).content == isi

    # The citizen: code and PIN on one process, the status page on the other; no session row.
    sesi_sebelum = Session.objects.count()
    warga = Peramban(web)
    r = warga.kirim(reverse("publik:status"), "cek", {"kode": obj.kode_lacak, "pin": obj.pin})
    assert r.status_code == 302, r.text[-2000:]
    r = warga.get(urlsplit(r.headers["Location"]).path)
    assert r.status_code == 200 and obj.kode_lacak in r.text
    assert Session.objects.count() == sesi_sebelum
