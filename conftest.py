"""Fixtures shared by every test: one user per role (PROCESSES.md), a fast password hasher."""

import pytest
from django.contrib.auth.models import Group, User

from apps.akun.roles import KODE_PERAN


def muat_ulang_data_migrasi() -> None:
    """Replay the data migrations (RunPython) of the project, in migration order, each with the
    historical models of its moment. They are idempotent (get_or_create, IF NOT EXISTS)."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations.special import RunPython

    loader = MigrationLoader(connection)
    rencana: list = []
    for ujung in sorted(loader.graph.leaf_nodes()):
        for kunci in loader.graph.forwards_plan(ujung):
            if kunci not in rencana:
                rencana.append(kunci)
    with connection.schema_editor(atomic=False) as editor:
        for kunci in rencana:
            migrasi = loader.graph.nodes[kunci]
            if not migrasi.__module__.startswith(("apps.", "tests.")):
                continue
            if not any(isinstance(op, RunPython) for op in migrasi.operations):
                continue
            state = loader.project_state(kunci, at_end=False)
            for op in migrasi.operations:
                if isinstance(op, RunPython) and op.code is not RunPython.noop:
                    op.code(state.apps, editor)
                op.state_forwards(kunci[0], state)


@pytest.fixture(autouse=True)
def _data_induk(request):
    """Transactional tests (browser, races, real workers) end with a flush, which empties the
    master data the migrations loaded (regions, the service catalogue, archive codes; role groups
    and permissions come back by post_migrate). Load them again before the next such test."""
    tanda = request.node.get_closest_marker("django_db")
    transaksional = (tanda is not None and tanda.kwargs.get("transaction")) or "live_server" in request.fixturenames
    if not transaksional:
        return
    request.getfixturevalue("transactional_db")
    from apps.penduduk.models import Wilayah

    if not Wilayah.objects.exists():
        muat_ulang_data_migrasi()


@pytest.fixture(autouse=True)
def _cepat(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "berkas"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Rate-limit counters live in the cache: each test starts and ends with an empty one, and
    # with empty per-process copies (a rolled-back test sends no signal to drop them).
    from django.core.cache import cache

    from apps.core.simpanan import SimpananProses

    def kosongkan():
        cache.clear()
        SimpananProses.lupakan_semua()

    kosongkan()
    yield
    kosongkan()


def buat_pengguna(kode: str, username: str | None = None) -> User:
    user = User.objects.create_user(username=username or kode, password="rahasia-uji-1", first_name=kode.replace("_", " ").title())
    user.groups.add(Group.objects.get(name=kode))
    return user


@pytest.fixture
def pengguna(db):
    """A factory: ``pengguna("kabid")`` is a user holding that one role."""
    dibuat: dict[str, User] = {}

    def _ambil(kode: str) -> User:
        if kode not in dibuat:
            dibuat[kode] = buat_pengguna(kode)
        return dibuat[kode]

    return _ambil


@pytest.fixture
def semua_peran(db) -> dict[str, User]:
    return {kode: buat_pengguna(kode) for kode in KODE_PERAN}


# -- real services: an SMTP server and a Celery worker ------------------------------------------
# Tests that need PostgreSQL, Redis or a worker run for real when configured, skip locally with the
# reason when not, and fail (never skip) under CI.


def layanan_tidak_tersedia(alasan: str):
    import os

    if os.environ.get("CI"):
        pytest.fail(f"CI: {alasan}")
    pytest.skip(alasan)


def port_bebas() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerSMTP:
    """aiosmtpd on a free port; ``pesan`` holds every message received (email.message objects)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.pesan: list = []

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        msg = message_from_bytes(envelope.content, policy=policy.default)
        msg.penerima = list(envelope.rcpt_tos)
        self.pesan.append(msg)
        return "250 OK"

    def pakai_di(self, settings) -> None:
        """Point this test's email settings at the server."""
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = self.host, self.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""


@pytest.fixture
def server_smtp():
    """A real SMTP server for the test (no network beyond 127.0.0.1)."""
    from aiosmtpd.controller import Controller

    server = ServerSMTP("127.0.0.1", port_bebas())
    controller = Controller(server, hostname=server.host, port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


class WorkerCelery:
    def __init__(self, proses, antrean: str, nama: str, log):
        self.proses, self.antrean, self.nama, self.log = proses, antrean, nama, log

    def antrean_kosong(self) -> bool:
        """No message waiting in the broker and none being run by the worker."""
        from dukcapil.celery import app

        with app.connection_for_write() as conn:
            menunggu = conn.default_channel.client.llen(self.antrean)
        aktif = (app.control.inspect([self.nama], timeout=2).active() or {}).get(self.nama, [])
        return menunggu == 0 and not aktif

    def tunggu_kosong(self, batas: float = 60) -> None:
        import time

        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            if self.antrean_kosong():
                return
            time.sleep(0.3)
        raise AssertionError(f"Worker belum selesai setelah {batas} s:\n{self.log.read_text()[-3000:]}")


@pytest.fixture
def worker_celery(transactional_db, settings, tmp_path):
    """A factory starting a real Celery worker (subprocess) on the test's database and settings.

    Needs CELERY_BROKER_URL (Redis) and a PostgreSQL DATABASE_URL; use in a
    ``django_db(transaction=True)`` test so that the worker sees committed rows. Call it after the
    test has set its settings (email server, key directory): they are handed to the worker through
    its environment. Tasks of the test go to a queue of its own, served by this worker only.
    """
    import os
    import subprocess
    import sys
    import time
    import uuid
    from pathlib import Path

    from django.db import connection

    from dukcapil.celery import app

    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker:
        layanan_tidak_tersedia("CELERY_BROKER_URL belum diatur (mis. redis://127.0.0.1:6379/5): uji worker Celery dilewati")
    if connection.vendor != "postgresql":
        layanan_tidak_tersedia("uji worker Celery perlu PostgreSQL (DATABASE_URL=postgres://...)")
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=3)
    except Exception as exc:  # noqa: BLE001
        layanan_tidak_tersedia(f"broker Celery {broker} tidak dapat dihubungi: {exc}")

    dimulai = []
    konf_lama = (app.conf.task_always_eager, app.conf.task_default_queue)

    def mulai(konkuren: int = 1, antrean_sendiri: bool = False, **env_tambahan) -> WorkerCelery:
        db = settings.DATABASES["default"]
        antrean = f"uji-{uuid.uuid4().hex[:10]}"
        nama = f"{antrean}@uji"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", settings.SETTINGS_MODULE),
            "DUKCAPIL_TESTING": "1",
            "DATABASE_URL": f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
            "CELERY_BROKER_URL": broker,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "SITE_URL": settings.SITE_URL,
            "EMAIL_BACKEND": settings.EMAIL_BACKEND,
            "EMAIL_HOST": str(settings.EMAIL_HOST),
            "EMAIL_PORT": str(settings.EMAIL_PORT),
            "EMAIL_USE_TLS": "1" if settings.EMAIL_USE_TLS else "0",
            "EMAIL_FILE_PATH": str(tmp_path / "email"),
            **{k: str(getattr(settings, k)) for k in ("TTE_KEY_DIR", "TTE_BACKEND", "BSRE_URL") if hasattr(settings, k)},
            **{k: str(v) for k, v in env_tambahan.items()},
        }
        if antrean_sendiri:
            # Jobs the worker's own jobs publish (a bulk TTE's signing jobs) come back to it.
            env["CELERY_TASK_DEFAULT_QUEUE"] = antrean
        log = tmp_path / f"{antrean}.log"
        proses = subprocess.Popen(
            # One solo process by default; ``konkuren=2`` gives a prefork pool (the bulk TTE test).
            [sys.executable, "-m", "celery", "-A", "dukcapil", "worker",
             *(["-P", "solo", "-c", "1"] if konkuren == 1 else ["-P", "prefork", "-c", str(konkuren)]), "-l", "INFO",
             "-Q", antrean, "-n", nama, "--without-mingle", "--without-gossip", "--without-heartbeat"],
            cwd=Path(__file__).resolve().parent, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
        )
        worker = WorkerCelery(proses, antrean, nama, log)
        dimulai.append(worker)
        akhir = time.monotonic() + 60
        while b" ready." not in log.read_bytes():
            if proses.poll() is not None or time.monotonic() > akhir:
                raise AssertionError(f"Worker Celery gagal mulai:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        app.conf.task_always_eager = False
        app.conf.task_default_queue = antrean
        return worker

    yield mulai

    app.conf.task_always_eager, app.conf.task_default_queue = konf_lama
    for worker in dimulai:
        worker.proses.terminate()
        try:
            worker.proses.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.proses.kill()
            worker.proses.wait()
