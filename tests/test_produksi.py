"""The production-like stack and CI files are well-formed and agree with settings.py.

No Docker engine runs in CI, so the files are checked by reading them: the compose file parses and
has every service, each setting read from the environment is documented in .env.example, and
``manage.py check --deploy`` is clean with production-style variables.
"""

import io
import os
import re
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

AKAR = Path(__file__).resolve().parent.parent

# Read by settings.py but meant only for development, tests or the compose file itself.
HANYA_PENGEMBANGAN = {
    "DUKCAPIL_TESTING", "STATICFILES_BACKEND", "CELERY_TASK_ALWAYS_EAGER", "CELERY_TASK_EAGER_PROPAGATES",
    "CELERY_RESULT_BACKEND", "EMAIL_FILE_PATH",
}


def _compose() -> dict:
    return yaml.safe_load((AKAR / "docker-compose.yml").read_text())


def test_compose_has_the_whole_stack():
    c = _compose()
    assert set(c["services"]) == {"postgres", "redis", "minio", "createbuckets", "web", "worker", "beat", "nginx"}
    web, worker, beat = (c["services"][n] for n in ("web", "worker", "beat"))
    perintah_web = " ".join(web["command"])
    assert "migrate --noinput" in perintah_web
    assert "collectstatic --noinput" in perintah_web
    assert "gunicorn dukcapil.wsgi" in perintah_web
    assert "celery -A dukcapil worker" in " ".join(worker["command"])
    assert "beat" in beat["command"]
    for s in (web, worker, beat):
        assert s["env_file"] == ".env"
        assert s["build"] == "."
        assert s["environment"]["CELERY_BROKER_URL"].startswith("redis://redis:")
        assert s["environment"]["DATABASE_URL"].startswith("postgres://")
        assert set(s["depends_on"]) == {"postgres", "redis", "createbuckets"}
        assert s["environment"]["S3_ENDPOINT_URL"] == "http://minio:9000"
    for s in (web, worker):
        env = s["environment"]
        assert f"berkas:{env['MEDIA_ROOT']}" in s["volumes"]
        assert f"tte:{env['TTE_KEY_DIR']}" in s["volumes"]
    assert beat["volumes"] == []
    assert {"postgres", "redis", "berkas", "tte", "minio"} <= set(c["volumes"])
    assert c["services"]["createbuckets"]["depends_on"]["minio"]["condition"] == "service_healthy"


def test_dockerfile_runs_gunicorn_as_a_non_root_user():
    teks = (AKAR / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim", teks, re.M)
    user = re.findall(r"^USER (\S+)", teks, re.M)
    assert user and user[-1] not in {"root", "0"}
    assert "libpango" in teks and "libharfbuzz-subset0" in teks
    assert '"gunicorn"' in teks
    for nama in (".git", ".venv", "var", ".env"):
        assert nama in (AKAR / ".dockerignore").read_text().split()


def test_every_setting_from_the_environment_is_documented():
    settings_py = (AKAR / "dukcapil" / "settings.py").read_text()
    dibaca = set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]+)\"", settings_py))
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL"} <= dibaca
    contoh = {baris.split("=", 1)[0] for baris in (AKAR / ".env.example").read_text().splitlines() if "=" in baris and not baris.startswith("#")}
    dari_compose = set(_compose()["services"]["web"]["environment"])
    kurang = dibaca - contoh - dari_compose - HANYA_PENGEMBANGAN
    assert not kurang, f"add these to .env.example (or docker-compose.yml): {sorted(kurang)}"


def test_check_deploy_is_clean():
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_", "SECURE_", "DUKCAPIL_"))
    }
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(60), DJANGO_ALLOWED_HOSTS="portal.example")
    r = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=AKAR, env=env, capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "no issues" in r.stdout


def test_ci_script_is_executable_bash():
    ci = AKAR / ".ci" / "run"
    assert ci.stat().st_mode & stat.S_IXUSR
    assert subprocess.run(["bash", "-n", str(ci)], capture_output=True).returncode == 0
    teks = ci.read_text()
    assert "CI=1" in teks and "make test" in teks


# -- the production stack starts (issue 8 §8) ---------------------------------------------------


def test_nginx_buffers_and_forwards_the_client_to_gunicorn_which_trusts_only_nginx():
    c = _compose()
    web, nginx = c["services"]["web"], c["services"]["nginx"]
    assert "ports" not in web, "gunicorn must not be published: only nginx is"
    assert set(nginx["ports"]) == {"${HTTP_PORT:-80}:80", "${HTTPS_PORT:-443}:443"}
    assert nginx["depends_on"]["web"]["condition"] == "service_healthy"
    ip_nginx = nginx["networks"]["default"]["ipv4_address"]
    assert web["environment"]["FORWARDED_ALLOW_IPS"] == ip_nginx
    perintah = " ".join(web["command"])
    assert "--forwarded-allow-ips \"$$FORWARDED_ALLOW_IPS\"" in perintah and "'*'" not in perintah
    cmd = (AKAR / "Dockerfile").read_text().split("\nCMD", 1)[1]
    assert "--forwarded-allow-ips" not in cmd and "*" not in cmd  # FORWARDED_ALLOW_IPS, never '*'
    assert web["environment"]["TRUSTED_PROXY_HOPS"].endswith("1}")
    for s in (web, nginx):
        assert "/sehat/" in " ".join(s["healthcheck"]["test"])
    conf = (AKAR / "deploy" / "nginx" / "portal.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in conf
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in conf
    assert "proxy_buffering on;" in conf and "proxy_request_buffering on;" in conf
    assert "server web:8000;" in conf
    assert "./deploy/nginx/portal.conf:/etc/nginx/conf.d/default.conf:ro" in nginx["volumes"]


def test_the_image_installs_only_production_requirements():
    teks = (AKAR / "Dockerfile").read_text()
    assert "requirements-dev.txt" not in teks
    assert "pip install -r requirements.txt" in teks
    produksi = (AKAR / "requirements.txt").read_text().lower()
    for alat in ("pytest", "playwright", "ruff", "aiosmtpd", "factory_boy", "time-machine"):
        assert alat not in produksi, alat


def _redis_uji() -> str:
    import redis

    url = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/11"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001
        from conftest import layanan_tidak_tersedia

        layanan_tidak_tersedia(f"Redis {url} tidak dapat dihubungi: {exc}")
    return url


def _env_produksi(tmp: Path, broker: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_", "SECURE_", "DUKCAPIL_", "STATIC", "MEDIA_", "TTE_", "PYTEST"))
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="portal.example",
        DATABASE_URL=f"sqlite:///{tmp / 'portal.sqlite3'}",
        CELERY_BROKER_URL=broker,
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "berkas"),
        TTE_KEY_DIR=str(tmp / "tte"),
        WEB_CONCURRENCY="1",
        FORWARDED_ALLOW_IPS="127.0.0.1",
        TRUSTED_PROXY_HOPS="1",
        PATH=f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
    )
    return env


@pytest.fixture(scope="module")
def stack_produksi(tmp_path_factory):
    """What the compose web service runs (its command, read from docker-compose.yml), outside
    Docker under production variables: migrate, collectstatic, then gunicorn on a free port."""
    import time
    import urllib.request

    from conftest import port_bebas

    broker = _redis_uji()
    tmp = tmp_path_factory.mktemp("produksi")
    port = port_bebas()
    perintah = _compose()["services"]["web"]["command"][-1]
    assert "0.0.0.0:8000" in perintah
    perintah = perintah.replace("0.0.0.0:8000", f"127.0.0.1:{port}").replace("$$", "$")
    log = tmp / "web.log"
    proses = subprocess.Popen(
        ["sh", "-c", perintah], cwd=AKAR, env=_env_produksi(tmp, broker), stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    akhir = time.monotonic() + 240
    try:
        while True:
            if proses.poll() is not None:
                raise AssertionError(f"web berhenti ({proses.returncode}):\n{log.read_text()[-4000:]}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/sehat/", timeout=5)
                break
            except OSError:
                if time.monotonic() > akhir:
                    raise AssertionError(f"web tidak siap:\n{log.read_text()[-4000:]}") from None
                time.sleep(0.5)
        yield {"url": f"http://127.0.0.1:{port}", "static_root": tmp / "static", "log": log}
    finally:
        proses.terminate()
        try:
            proses.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait()


def _get(url: str, **header):
    import urllib.error
    import urllib.request

    permintaan = urllib.request.Request(url, headers={"Host": "portal.example", "X-Forwarded-Proto": "https", **header})
    try:
        with urllib.request.urlopen(permintaan, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_the_compose_web_command_starts_and_answers_health_and_static_files(stack_produksi):
    import json

    status, header, isi = _get(f"{stack_produksi['url']}/sehat/")
    assert status == 200, isi
    assert json.loads(isi) == {"basis_data": "ok", "broker": "ok"}
    assert "no-store" in header["Cache-Control"]
    manifest = json.loads((stack_produksi["static_root"] / "staticfiles.json").read_text())["paths"]
    for nama in ("css/portal.css", "vendor/bootstrap/bootstrap.min.css", "vendor/chartjs/chart.umd.min.js"):
        status, header, isi = _get(f"{stack_produksi['url']}/static/{manifest[nama]}")
        assert status == 200, nama
        assert isi == (AKAR / "static" / nama).read_bytes()
        assert "max-age" in header["Cache-Control"]
    # The portal itself answers behind the proxy headers (HTTPS seen through X-Forwarded-Proto).
    status, header, isi = _get(f"{stack_produksi['url']}/status/")
    assert status == 200
    assert "Content-Security-Policy" in header


def test_health_is_503_when_the_broker_is_unreachable(tmp_path):
    env = _env_produksi(tmp_path, "redis://127.0.0.1:1/0")
    kode = (
        "import django; django.setup();"
        "from dukcapil.middleware import status_sehat; sehat, hasil = status_sehat();"
        "print(sehat, hasil['broker'])"
    )
    r = subprocess.run([sys.executable, "-c", kode], cwd=AKAR, env={**env, "DJANGO_SETTINGS_MODULE": "dukcapil.settings"},
                       capture_output=True, text=True, timeout=120)
    assert r.stdout.split() == ["False", "gagal"], r.stdout + r.stderr


@pytest.fixture(scope="module")
def statis_produksi(tmp_path_factory) -> Path:
    """collectstatic under production variables (no broker needed), as the image build runs it."""
    tmp = tmp_path_factory.mktemp("statis")
    r = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=AKAR,
        env=_env_produksi(tmp, "redis://127.0.0.1:1/0"), capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return tmp / "static"


def test_documents_find_the_emblem_under_the_manifest_storage(statis_produksi, settings):
    """Production's {% static %} names the hashed file; the PDF renderer still loads the emblem."""
    from django.template import engines
    from pypdf import PdfReader

    from apps.dokumen.render import render_pdf

    settings.STATIC_ROOT = statis_produksi
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    settings.SITE_URL = "https://portal.example"
    html = engines["django"].from_string(
        '{% load static %}<img src="{% static "dokumen/lambang-kota-pasuruan.png" %}" style="width:40px"><p>uji</p>'
    ).render({})
    assert "lambang-kota-pasuruan.png" not in html  # a hashed name, as in production
    hasil = render_pdf(html)
    gambar = PdfReader(io.BytesIO(hasil.pdf)).pages[0].images
    assert len(gambar) == 1


@pytest.mark.parametrize(
    ("argumen", "env", "diharapkan"),
    [
        (["PORT=8100"], {}, "SITE_URL=http://127.0.0.1:8100 "),
        (["HOST=0.0.0.0", "PORT=8200"], {}, "SITE_URL=http://127.0.0.1:8200 "),
        (["PORT=8100"], {"SITE_URL": "https://layanan.example"}, "SITE_URL=https://layanan.example "),
    ],
)
def test_make_run_points_links_at_the_address_it_serves(argumen, env, diharapkan):
    """QR codes, receipts and emails of `make run` follow HOST/PORT unless SITE_URL is given."""
    lingkungan = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "HOST", "PORT", "MAKEFLAGS"}}
    r = subprocess.run(
        ["make", "-n", "run", "SITE_URL_ENV=", *argumen], cwd=AKAR, env={**lingkungan, **env},
        capture_output=True, text=True, timeout=60,
    )
    assert r.returncode == 0, r.stderr
    baris = [b for b in r.stdout.splitlines() if "manage.py runserver" in b or "manage.py siapkan_demo" in b]
    assert len(baris) == 2
    assert all(b.startswith(diharapkan) for b in baris), baris


@pytest.fixture(scope="module")
def nginx_depan(stack_produksi, tmp_path_factory):
    """deploy/nginx/portal.conf run by the machine's nginx in front of the test's gunicorn: only the
    listen addresses, the upstream and the certificate paths differ from compose."""
    import shutil
    import time
    import urllib.parse

    from conftest import port_bebas

    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        # Not a service the portal needs outside compose, so a skip even under CI; Debian's
        # nginx-light is enough (apt-get install nginx-light).
        pytest.skip("nginx tidak terpasang: uji nginx di depan gunicorn dilewati")
    tmp = tmp_path_factory.mktemp("nginx")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=portal.example",
         "-keyout", str(tmp / "privkey.pem"), "-out", str(tmp / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )
    http, https = port_bebas(), port_bebas()
    hulu = urllib.parse.urlsplit(stack_produksi["url"]).netloc
    conf = (AKAR / "deploy" / "nginx" / "portal.conf").read_text()
    for lama, baru in (
        ("server web:8000;", f"server {hulu};"),
        ("listen 80 default_server;", f"listen 127.0.0.1:{http} default_server;"),
        ("listen 443 ssl http2 default_server;", f"listen 127.0.0.1:{https} ssl http2 default_server;"),
        ("/etc/nginx/tls/", f"{tmp}/"),
    ):
        assert lama in conf, lama
        conf = conf.replace(lama, baru)
    (tmp / "portal.conf").write_text(conf)
    temp = "".join(f"{n}_temp_path {tmp}/{n};\n" for n in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp / "nginx.conf").write_text(
        f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\ndaemon off;\nevents {{}}\n"
        f"http {{\naccess_log {tmp}/access.log;\n{temp}include {tmp}/portal.conf;\n}}\n"
    )
    proses = subprocess.Popen([nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf")], stderr=subprocess.PIPE)
    try:
        akhir = time.monotonic() + 20
        while True:
            try:
                if _get(f"http://127.0.0.1:{http}/sehat/")[0] == 200:
                    break
            except OSError:
                pass
            if proses.poll() is not None or time.monotonic() > akhir:
                log = tmp / "error.log"
                raise AssertionError(f"nginx tidak siap: {log.read_text() if log.exists() else proses.stderr.read()}")
            time.sleep(0.3)
        yield {"http": f"http://127.0.0.1:{http}", "https": f"https://127.0.0.1:{https}"}
    finally:
        proses.terminate()
        proses.wait(timeout=20)


def _get_tls(url: str, **header):
    import ssl
    import urllib.error
    import urllib.request

    konteks = ssl.create_default_context()
    konteks.check_hostname = False
    konteks.verify_mode = ssl.CERT_NONE  # the test's self-signed certificate
    permintaan = urllib.request.Request(url, headers={"Host": "portal.example", **header})
    try:
        with urllib.request.urlopen(permintaan, timeout=10, context=konteks) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_through_nginx_https_is_seen_and_http_redirects(nginx_depan):
    import urllib.error
    import urllib.request

    status, header, _ = _get_tls(f"{nginx_depan['https']}/status/")
    assert status == 200  # X-Forwarded-Proto: https reached Django, no redirect loop
    assert "no-store" in header["Cache-Control"]

    class TanpaIkut(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.build_opener(TanpaIkut).open(
            urllib.request.Request(f"{nginx_depan['http']}/status/", headers={"Host": "portal.example"}), timeout=10
        )
    assert e.value.code == 301 and e.value.headers["Location"].startswith("https://portal.example/")


def test_through_nginx_a_spoofed_forwarded_for_does_not_escape_the_limit(nginx_depan):
    """nginx appends the real peer (127.0.0.1) to whatever the client wrote; Django takes that entry
    (TRUSTED_PROXY_HOPS=1), so rotating the header does not reset /verifikasi/'s 60 per minute."""
    kode = [
        _get_tls(f"{nginx_depan['https']}/verifikasi/TIDAKADA99/", **{"X-Forwarded-For": f"198.18.0.{i % 250}"})[0]
        for i in range(61)
    ]
    assert set(kode[:60]) == {404}
    assert kode[60] == 429
