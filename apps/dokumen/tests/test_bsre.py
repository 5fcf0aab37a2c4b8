"""The BSrE backend against a local stand-in of the e-sign API, started by the test."""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from apps.core.workflow import AksiDitolak
from apps.dokumen.services import dokumen_tandatangani
from apps.dokumen.tte import Tampilan
from apps.dokumen.tte.lokal import buka_p12, tandatangani_pdf

from .conftest import PASSPHRASE

pytestmark = pytest.mark.django_db
NIK_PEJABAT = "3575011708750001"


class TiruanBSrE(BaseHTTPRequestHandler):
    """POST /api/sign/pdf (multipart) → signed PDF or JSON error; GET /api/user/status/<nik>."""

    p12: bytes = b""
    permintaan: list = []
    mati: bool = False

    def log_message(self, *args):
        pass

    def _json(self, status, data):
        isi = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(isi)))
        self.end_headers()
        self.wfile.write(isi)

    def _terotentikasi(self) -> bool:
        return self.headers.get("Authorization") == "Basic " + base64.b64encode(b"dinas:rahasia-klien").decode()

    def do_GET(self):
        if not self._terotentikasi():
            return self._json(401, {"error": "Unauthorized", "status_code": 401})
        nik = self.path.rsplit("/", 1)[-1]
        status = "ISSUE" if nik == NIK_PEJABAT else "NOT_REGISTERED"
        return self._json(200, {"status_code": 1111 if status == "ISSUE" else 1110, "status": status, "message": ""})

    def do_POST(self):
        if self.mati:
            return self._json(503, {"error": "Service Unavailable", "status_code": 503})
        if not self._terotentikasi():
            return self._json(401, {"error": "Unauthorized", "status_code": 401})
        panjang = int(self.headers["Content-Length"])
        pesan = message_from_bytes(
            f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + self.rfile.read(panjang), policy=policy.default
        )
        bagian = {p.get_param("name", header="content-disposition"): p.get_payload(decode=True) for p in pesan.iter_parts()}
        teks = {k: v.decode() for k, v in bagian.items() if k != "file"}
        self.permintaan.append({k: v for k, v in teks.items() if k != "passphrase"})
        if teks["nik"] != NIK_PEJABAT:
            return self._json(400, {"error": "NIK tidak terdaftar", "status_code": 2011})
        if teks["passphrase"] != PASSPHRASE:
            return self._json(400, {"error": "Passphrase anda salah", "status_code": 2031})
        x, y, w, h = (float(teks[k]) for k in ("xAxis", "yAxis", "width", "height"))
        tampilan = Tampilan(halaman=int(teks["page"]) - 1, kotak=(x, y, x + w, y + h), baris=("BSrE",), url_qr=teks["linkQR"])
        pdf = tandatangani_pdf(bagian["file"], buka_p12(self.p12, PASSPHRASE), tampilan)
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(pdf)))
        self.end_headers()
        self.wfile.write(pdf)


@pytest.fixture
def bsre(settings, direktori_kunci, kadis):
    TiruanBSrE.p12 = (direktori_kunci / f"{kadis.nip}.p12").read_bytes()
    TiruanBSrE.permintaan = []
    TiruanBSrE.mati = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), TiruanBSrE)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.TTE_BACKEND = "bsre"
    settings.BSRE_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.BSRE_USER, settings.BSRE_PASSWORD = "dinas", "rahasia-klien"
    kadis.nik = NIK_PEJABAT
    kadis.save(update_fields=["nik"])
    yield TiruanBSrE
    server.shutdown()
    server.server_close()


def test_it_signs_through_bsre(bsre, kadis, contoh, tmp_path, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kadis, passphrase=PASSPHRASE, kirim_email=False)
    dok.refresh_from_db()
    assert dok.status == "selesai", dok.galat
    path = tmp_path / "bsre.pdf"
    path.write_bytes(dok.berkas.read())
    assert "Signature is Valid" in subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    (req,) = bsre.permintaan
    assert req["nik"] == NIK_PEJABAT and req["tampilan"] == "visible" and req["linkQR"] == dok.url_verifikasi


def test_a_wrong_passphrase_fails_the_job_with_the_reason(bsre, kadis, contoh, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kadis, passphrase="salah-salah", kirim_email=False)
    dok.refresh_from_db()
    assert dok.status == "gagal" and "Passphrase salah" in dok.galat
    assert dok.percobaan == 1  # not retried: a retry cannot fix it
    assert not dok.berkas


def test_an_official_without_an_active_certificate_is_refused_at_once(bsre, kadis, contoh):
    kadis.nik = "3575010000000000"
    kadis.save(update_fields=["nik"])
    with pytest.raises(AksiDitolak, match="tidak aktif"):
        dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kadis, passphrase=PASSPHRASE)


def test_an_unreachable_service_is_retried_then_marked_gagal(bsre, kadis, contoh, django_capture_on_commit_callbacks):
    bsre.mati = True
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_tandatangani(objek=contoh, jenis="surat", pejabat=kadis, passphrase=PASSPHRASE, kirim_email=False)
    dok.refresh_from_db()
    assert dok.status == "gagal" and "BSrE" in dok.galat
    assert dok.percobaan > 1  # retried with backoff before giving up
