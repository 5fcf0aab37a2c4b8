"""Fault-injection rig for the ``gangguan`` tests: a Redis server of the test's own, a TCP proxy in
front of PostgreSQL that the test can cut, a prefork Celery worker and a beat, all real processes.

The shared PostgreSQL and Redis are never stopped: the worker reaches the database only through
the proxy (an "outage" closes the proxy), and the broker is a redis-server started on a port of
the test's own.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PORT_REDIS = range(6390, 6400)


def port_bebas(kandidat=None) -> int:
    for port in kandidat or [0]:
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    return port_bebas()


def tunggu(syarat, batas: float, jeda: float = 0.5, pesan: str = "") -> float:
    """Wait until ``syarat()`` holds; returns the seconds it took (AssertionError after ``batas``)."""
    mulai = time.monotonic()
    while True:
        if syarat():
            return time.monotonic() - mulai
        if time.monotonic() - mulai > batas:
            raise AssertionError(pesan or f"waktu habis setelah {batas} s")
        time.sleep(jeda)


class RedisSendiri:
    """redis-server on a port of its own, without persistence (a restart loses every message)."""

    def __init__(self, direktori: Path):
        if not shutil.which("redis-server"):
            raise RuntimeError("redis-server tidak ditemukan")
        self.direktori = direktori
        self.port = port_bebas(PORT_REDIS)
        self.proses: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def mulai(self) -> None:
        self.proses = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.direktori)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        tunggu(self.hidup, 15, 0.1, "redis-server uji tidak mau mulai")

    def hidup(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def henti(self) -> None:
        """Kill it (SIGKILL: no save, whatever it held is gone)."""
        if self.proses and self.proses.poll() is None:
            self.proses.kill()
            self.proses.wait()
        tunggu(lambda: not self.hidup(), 10, 0.1)

    def panjang_antrean(self, antrean: str = "celery") -> int:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as s:
            s.sendall(f"LLEN {antrean}\r\n".encode())
            return int(s.recv(64).strip()[1:])


class ProksiTCP:
    """127.0.0.1:<port> → PostgreSQL. ``putus()`` closes every connection and refuses new ones
    (the database is unreachable for whoever uses the proxy); ``sambung()`` opens it again."""

    def __init__(self, tujuan_host: str, tujuan_port: int):
        self.tujuan = (tujuan_host, tujuan_port)
        self.port = port_bebas()
        self._soket: list[socket.socket] = []
        self._kunci = threading.Lock()
        self._dengar: socket.socket | None = None
        self._aktif = False

    def sambung(self) -> None:
        dengar = socket.socket()
        dengar.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        dengar.bind(("127.0.0.1", self.port))
        dengar.listen(64)
        self._dengar = dengar
        self._aktif = True
        threading.Thread(target=self._terima, args=(dengar,), daemon=True).start()

    def putus(self) -> None:
        self._aktif = False
        if self._dengar is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would leave the
            # socket listening until one more connection came in.
            try:
                self._dengar.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._dengar.close()
            self._dengar = None
        with self._kunci:
            for s in self._soket:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            self._soket.clear()

    def _terima(self, dengar: socket.socket) -> None:
        while True:
            try:
                klien, _ = dengar.accept()
            except OSError:
                return
            if not self._aktif:
                klien.close()
                return
            try:
                server = socket.create_connection(self.tujuan, timeout=5)
                server.settimeout(None)
            except OSError:
                klien.close()
                continue
            with self._kunci:
                self._soket += [klien, server]
            for a, b in ((klien, server), (server, klien)):
                threading.Thread(target=self._salur, args=(a, b), daemon=True).start()

    @staticmethod
    def _salur(dari: socket.socket, ke: socket.socket) -> None:
        try:
            while data := dari.recv(65536):
                ke.sendall(data)
        except OSError:
            pass
        finally:
            for s in (dari, ke):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


class Proses:
    """A Celery worker or beat in its own session (so that the whole tree can be killed)."""

    def __init__(self, argumen: list[str], env: dict, log: Path):
        self.log = log
        self.proses = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "dukcapil", *argumen], cwd=ROOT, env=env,
            stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.proses.pid

    def anak(self) -> list[int]:
        """The pool's child processes."""
        try:
            return [int(p) for p in Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()]
        except OSError:
            return []

    def bunuh_anak(self) -> int | None:
        """kill -9 one pool child (the first); returns its pid."""
        anak = self.anak()
        if not anak:
            return None
        os.kill(anak[0], signal.SIGKILL)
        return anak[0]

    def bunuh(self) -> None:
        """kill -9 of the main process, then of whatever of its tree is left (a crashed host)."""
        if self.proses.poll() is None:
            anak = self.anak()
            self.proses.kill()
            self.proses.wait()
            for pid in anak:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def henti(self) -> None:
        if self.proses.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGTERM)
                self.proses.wait(timeout=20)
            except (subprocess.TimeoutExpired, ProcessLookupError, PermissionError):
                pass
        self.bunuh()


class Rig:
    """Everything one fault test needs; ``env`` is what the worker and beat get."""

    def __init__(self, *, settings, tmp_path: Path, smtp=None, env_tambahan: dict | None = None):
        db = settings.DATABASES["default"]
        self.tmp = tmp_path
        self.redis = RedisSendiri(tmp_path)
        self.redis.mulai()
        self.proksi = ProksiTCP(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
        self.proksi.sambung()
        self.proses: list[Proses] = []
        pw = db.get("PASSWORD") or ""
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", settings.SETTINGS_MODULE),
            "DUKCAPIL_TESTING": "1",
            "DATABASE_URL": f"postgres://{db['USER']}:{pw}@127.0.0.1:{self.proksi.port}/{db['NAME']}",
            "CELERY_BROKER_URL": self.redis.url,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "SITE_URL": settings.SITE_URL,
            "EMAIL_BACKEND": settings.EMAIL_BACKEND,
            "EMAIL_FILE_PATH": str(tmp_path / "email"),
            **{k: str(getattr(settings, k)) for k in ("TTE_KEY_DIR", "TTE_BACKEND") if hasattr(settings, k)},
        }
        if smtp is not None:
            smtp.pakai_di(settings)
            self.env.update({"EMAIL_BACKEND": settings.EMAIL_BACKEND, "EMAIL_HOST": smtp.host, "EMAIL_PORT": str(smtp.port),
                             "EMAIL_USE_TLS": "0"})
        self.env.update({k: str(v) for k, v in (env_tambahan or {}).items()})
        self._pakai_broker()

    def _pakai_broker(self) -> None:
        """The test process publishes to this rig's Redis (the queue of record stays the database)."""
        from dukcapil.celery import app

        self._lama = (app.conf.task_always_eager, app.conf.broker_url)
        app.conf.task_always_eager = False
        ganti_broker(self.redis.url)

    def worker(self, nama: str = "w", konkurensi: int = 2) -> Proses:
        log = self.tmp / f"worker-{nama}.log"
        p = Proses(["worker", "-P", "prefork", "-c", str(konkurensi), "-l", "INFO", "-n", f"{nama}@gangguan",
                    "--without-mingle", "--without-gossip"], self.env, log)
        self.proses.append(p)
        tunggu(lambda: b" ready." in log.read_bytes() or p.proses.poll() is not None, 90, 0.2)
        if p.proses.poll() is not None:
            raise AssertionError(f"worker gagal mulai:\n{log.read_text()[-3000:]}")
        return p

    def beat(self) -> Proses:
        p = Proses(["beat", "-l", "INFO", "-s", str(self.tmp / "celerybeat-schedule")], self.env, self.tmp / "beat.log")
        self.proses.append(p)
        return p

    def log_worker(self, batas: int | None = 4000) -> str:
        return "\n".join(p.log.read_text(errors="replace")[-batas if batas else 0:] for p in self.proses)

    def tutup(self) -> None:
        from dukcapil.celery import app

        for p in self.proses:
            p.henti()
        self.proksi.putus()
        self.redis.henti()
        app.conf.task_always_eager = self._lama[0]
        ganti_broker(self._lama[1])


def ganti_broker(url: str | None) -> None:
    """Point the Celery app of this process at ``url`` (its connection pools are rebuilt).

    Celery reads the CELERY_BROKER_URL environment variable before its own setting (CI exports it),
    so the variable follows too."""
    from dukcapil.celery import app

    if url:
        os.environ["CELERY_BROKER_URL"] = url
    else:
        os.environ.pop("CELERY_BROKER_URL", None)
    app.conf.broker_url = url
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


def laporan(nama: str, **angka) -> str:
    """The counts line each fault test prints (and the closing note quotes)."""
    return f"GANGGUAN {nama}: " + " ".join(f"{k}={v}" for k, v in angka.items())
