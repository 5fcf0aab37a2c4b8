"""Client of the BSrE e-sign API (Balai Sertifikasi Elektronik, BSSN), the production backend.

Modelled on BSrE's documented REST interface (the service is reachable only from registered
government networks, so tests run it against a local stand-in):

- ``POST {BSRE_URL}/api/sign/pdf`` — multipart: ``file`` (the PDF), ``nik``, ``passphrase``,
  ``tampilan`` (``visible``/``invisible``), ``image`` (``false``: BSrE draws the QR block),
  ``linkQR``, ``page`` (1-based), ``xAxis``, ``yAxis``, ``width``, ``height`` (points, origin at the
  bottom left), ``reason``, ``location``. Success: the signed PDF bytes. Failure: JSON
  ``{"error": "...", "status_code": N}``; 2031 is a wrong passphrase (error codes *unverified*,
  taken from integrators' notes).
- ``GET {BSRE_URL}/api/user/status/{nik}`` — ``{"status": "ISSUE", ...}`` when the official's
  certificate is active.

HTTP Basic authentication with the Dinas' client account (``BSRE_USER``, ``BSRE_PASSWORD``).
The passphrase goes only in the HTTPS request body to BSrE; it is not logged.

Limitation: the API has no passphrase-only check, so with this backend a wrong passphrase is
reported by the signing job (gagal, "Passphrase salah"), not on the TTE form; the status check at
the TTE step still refuses an official whose certificate is not active.
"""

from __future__ import annotations

import base64
import json
import uuid
from urllib import error, request
from urllib.parse import quote

from django.conf import settings

from . import PESAN_PASSPHRASE_SALAH, GalatTTE, LayananTTETidakTersedia, PassphraseSalah, Tampilan

KODE_PASSPHRASE_SALAH = {2031}


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    batas = uuid.uuid4().hex
    bagian = []
    for nama, nilai in fields.items():
        bagian.append(f'--{batas}\r\nContent-Disposition: form-data; name="{nama}"\r\n\r\n{nilai}\r\n'.encode())
    for nama, (namaberkas, isi, jenis) in files.items():
        bagian.append(
            f'--{batas}\r\nContent-Disposition: form-data; name="{nama}"; filename="{namaberkas}"\r\n'
            f"Content-Type: {jenis}\r\n\r\n".encode() + isi + b"\r\n"
        )
    bagian.append(f"--{batas}--\r\n".encode())
    return b"".join(bagian), f"multipart/form-data; boundary={batas}"


class BackendBSrE:
    kode = "bsre"

    def __init__(self):
        if not settings.BSRE_URL:
            raise GalatTTE("BSRE_URL belum diatur; TTE melalui BSrE tidak dapat dipakai.")
        self.url = settings.BSRE_URL.rstrip("/")
        self.timeout = getattr(settings, "BSRE_TIMEOUT", 60)

    def _header(self) -> dict[str, str]:
        kredensial = base64.b64encode(f"{settings.BSRE_USER}:{settings.BSRE_PASSWORD}".encode()).decode()
        return {"Authorization": f"Basic {kredensial}", "Accept": "application/pdf, application/json"}

    def _kirim(self, req: request.Request) -> tuple[int, str, bytes]:
        try:
            with request.urlopen(req, timeout=self.timeout) as resp:
                return resp.status, resp.headers.get_content_type(), resp.read()
        except error.HTTPError as exc:
            return exc.code, exc.headers.get_content_type() if exc.headers else "", exc.read()
        except (error.URLError, TimeoutError, OSError) as exc:
            raise LayananTTETidakTersedia(f"Layanan BSrE tidak dapat dihubungi ({type(exc).__name__}). Dicoba lagi otomatis.") from None

    @staticmethod
    def _galat(status: int, isi: bytes) -> GalatTTE:
        try:
            data = json.loads(isi.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            data = {}
        kode = data.get("status_code")
        pesan = data.get("error") or data.get("message") or f"HTTP {status}"
        if kode in KODE_PASSPHRASE_SALAH:
            return PassphraseSalah(PESAN_PASSPHRASE_SALAH)
        if status >= 500:
            return LayananTTETidakTersedia(f"Layanan BSrE sedang bermasalah ({pesan}). Dicoba lagi otomatis.")
        return GalatTTE(f"BSrE menolak penandatanganan: {pesan}")

    def _nik(self, pejabat) -> str:
        if not pejabat.nik:
            raise GalatTTE("NIK pejabat belum diisi; BSrE menandatangani berdasarkan NIK pemilik sertifikat.")
        return pejabat.nik

    # The API checks a passphrase only by signing: the signing job counts wrong ones (§6).
    memeriksa_passphrase = False

    def periksa_passphrase(self, pejabat, passphrase: str) -> None:
        """The API cannot check a passphrase without signing: check that the certificate is active."""
        nik = self._nik(pejabat)
        req = request.Request(f"{self.url}/api/user/status/{quote(nik)}", headers=self._header())
        status, _, isi = self._kirim(req)
        if status != 200:
            raise self._galat(status, isi)
        data = json.loads(isi.decode("utf-8") or "{}")
        if str(data.get("status", "")).upper() != "ISSUE":
            raise GalatTTE(f"Sertifikat elektronik pejabat di BSrE tidak aktif (status: {data.get('status', '?')}).")

    def tandatangani(self, pdf: bytes, *, pejabat, passphrase: str, tampilan: Tampilan) -> bytes:
        x1, y1, x2, y2 = tampilan.kotak
        fields = {
            "nik": self._nik(pejabat),
            "passphrase": passphrase,
            "tampilan": "visible",
            "image": "false",
            "linkQR": tampilan.url_qr,
            "page": str(tampilan.halaman + 1),
            "xAxis": f"{x1:.0f}",
            "yAxis": f"{y1:.0f}",
            "width": f"{x2 - x1:.0f}",
            "height": f"{y2 - y1:.0f}",
            "reason": tampilan.alasan,
            "location": tampilan.lokasi,
        }
        body, jenis = _multipart(fields, {"file": ("dokumen.pdf", pdf, "application/pdf")})
        req = request.Request(f"{self.url}/api/sign/pdf", data=body, method="POST", headers={**self._header(), "Content-Type": jenis})
        status, jenis_isi, isi = self._kirim(req)
        if status == 200 and isi.startswith(b"%PDF-"):
            return isi
        raise self._galat(status, isi)
