"""The production-like stack and CI files are well-formed and agree with settings.py.

No Docker engine runs in CI, so the files are checked by reading them: the compose file parses and
has every service, each setting read from the environment is documented in .env.example, and
``manage.py check --deploy`` is clean with production-style variables.
"""

import os
import re
import secrets
import stat
import subprocess
import sys
from pathlib import Path

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
    assert set(c["services"]) == {"postgres", "redis", "web", "worker", "beat"}
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
        assert set(s["depends_on"]) == {"postgres", "redis"}
    for s in (web, worker):
        env = s["environment"]
        assert f"berkas:{env['MEDIA_ROOT']}" in s["volumes"]
        assert f"tte:{env['TTE_KEY_DIR']}" in s["volumes"]
    assert beat["volumes"] == []
    assert {"postgres", "redis", "berkas", "tte"} <= set(c["volumes"])


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
