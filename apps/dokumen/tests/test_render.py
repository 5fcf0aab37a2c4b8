"""The renderer loads only the portal's own static files."""

from __future__ import annotations

import pytest

from apps.dokumen.render import AsetDitolak, PengambilAset, render_pdf


@pytest.fixture
def pengambil(settings):
    settings.SITE_URL = "http://testserver"
    return PengambilAset()


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/gambar.png",
        "https://testserver.evil/static/dokumen/lambang-kota-pasuruan.png",
        "file:///etc/passwd",
        "http://testserver/static/../../../etc/passwd",
        "http://testserver/static/%2e%2e/%2e%2e/etc/passwd",
        "http://testserver/berkas-tidak-dilayani/lampiran/x.pdf",
        "ftp://example.com/x",
    ],
)
def test_it_refuses_anything_but_static_files(pengambil, url):
    with pytest.raises(AsetDitolak):
        pengambil.fetch(url)


def test_it_serves_the_portals_static_files(pengambil):
    resp = pengambil.fetch("http://testserver/static/dokumen/lambang-kota-pasuruan.png")
    assert resp.content_type == "image/png"
    assert resp.read().startswith(b"\x89PNG")


def test_a_document_cannot_embed_a_local_file(settings):
    settings.SITE_URL = "http://testserver"
    hasil = render_pdf('<img src="file:///etc/passwd"><img src="http://example.com/x.png"><p>isi</p>')
    assert hasil.pdf.startswith(b"%PDF-")
    assert b"root:" not in hasil.pdf


def test_it_finds_the_signature_block(settings):
    settings.SITE_URL = "http://testserver"
    hasil = render_pdf('<style>@page{size:A4;margin:0}body{margin:0}</style><div style="height:100px"></div>'
                       '<div id="kotak-tte" style="width:96px;height:48px;margin-left:96px"></div>')
    x1, y1, x2, y2 = hasil.kotak_tte
    assert hasil.halaman_tte == 0
    assert (round(x1), round(x2 - x1), round(y2 - y1)) == (72, 72, 36)
    assert round(y2) == round(841.89 - 75)  # 100 px from the top of an A4 page
