"""HTML → PDF with WeasyPrint, fast and closed to the outside.

- One ``FontConfiguration`` and one image cache per worker process, made on first use and reused
  by every document the process renders (fonts are found and parsed once).
- Fonts are the local DejaVu of ``fonts-dejavu-core`` through fontconfig, subset into each PDF
  (WeasyPrint uses ``libharfbuzz-subset``): nothing is downloaded.
- The URL fetcher serves only the project's own static files and ``data:`` URIs (QR codes); every
  other URL — ``http(s)://`` elsewhere, ``file://`` anywhere — is refused, so a template or a
  value in it can never make the renderer read the server's files or call the network.
"""

from __future__ import annotations

import mimetypes
import posixpath
import threading
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

ID_KOTAK_TTE = "kotak-tte"
PX_KE_PT = 0.75  # CSS px (1/96 in) to PDF points (1/72 in)

_kunci = threading.Lock()
_font_config: FontConfiguration | None = None
_cache: dict = {}
_aset: dict[str, tuple[bytes, str]] = {}
_gaya_bersama = None


class AsetDitolak(ValueError):
    pass


def font_config() -> FontConfiguration:
    global _font_config
    if _font_config is None:
        with _kunci:
            if _font_config is None:
                _font_config = FontConfiguration()
    return _font_config


def gaya_bersama():
    """The stylesheet every document shares (templates/dokumen/_gaya.css), parsed once per process."""
    global _gaya_bersama
    if _gaya_bersama is None:
        from django.template.loader import get_template
        from weasyprint import CSS

        teks = get_template("dokumen/_gaya.css").template.source
        _gaya_bersama = CSS(string=teks, font_config=font_config())
    return _gaya_bersama


def base_url() -> str:
    return f"{settings.SITE_URL}/"


def _cari_aset(relatif: str) -> str | None:
    """The file on disk of a static path: by its source name (development), else by the hashed name
    the manifest storage gives ``{% static %}`` in production, in the collected STATIC_ROOT."""
    path = finders.find(relatif)
    if path:
        return path
    from django.contrib.staticfiles.storage import staticfiles_storage

    try:
        if staticfiles_storage.exists(relatif):
            return staticfiles_storage.path(relatif)
    except (NotImplementedError, ValueError, SuspiciousFileOperation):  # no local paths; outside its root
        return None
    return None


class PengambilAset(URLFetcher):
    """Serves ``<SITE_URL><STATIC_URL>...`` from the static files on disk and ``data:`` URIs."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        awalan = settings.SITE_URL + settings.STATIC_URL
        if not url.startswith(awalan):
            raise AsetDitolak(f"Alamat di luar aset statis portal ditolak: {url[:80]}")
        bagian = urlsplit(url)
        relatif = posixpath.normpath(unquote(bagian.path)[len(urlsplit(awalan).path):])
        if relatif.startswith(("..", "/")) or "\\" in relatif or "\x00" in relatif:
            raise AsetDitolak(f"Alamat aset tidak sah: {url[:80]}")
        if relatif not in _aset:
            path = _cari_aset(relatif)
            if not path:
                raise AsetDitolak(f"Aset statis tidak ditemukan: {relatif}")
            with open(path, "rb") as f:
                _aset[relatif] = (f.read(), mimetypes.guess_type(relatif)[0] or "application/octet-stream")
        isi, jenis = _aset[relatif]
        return URLFetcherResponse(url, body=isi, headers={"Content-Type": jenis})


@dataclass(frozen=True)
class HasilRender:
    pdf: bytes
    # Where the template reserved the signature block: page index and box in PDF points.
    halaman_tte: int | None = None
    kotak_tte: tuple[float, float, float, float] | None = None
    jumlah_halaman: int = 1


def render_pdf(html: str) -> HasilRender:
    """Render ``html`` and locate the element ``#kotak-tte`` (the signature block) if any."""
    dokumen = HTML(string=html, base_url=base_url(), url_fetcher=PengambilAset()).render(
        font_config=font_config(), cache=_cache, stylesheets=[gaya_bersama()]
    )
    halaman_tte = kotak = None
    for i, halaman in enumerate(dokumen.pages):
        posisi = halaman.anchors.get(ID_KOTAK_TTE)
        if posisi:
            x1, y1, x2, y2 = posisi
            tinggi = halaman.height * PX_KE_PT
            halaman_tte = i
            kotak = (x1 * PX_KE_PT, tinggi - y2 * PX_KE_PT, x2 * PX_KE_PT, tinggi - y1 * PX_KE_PT)
    return HasilRender(pdf=dokumen.write_pdf(), halaman_tte=halaman_tte, kotak_tte=kotak, jumlah_halaman=len(dokumen.pages))
