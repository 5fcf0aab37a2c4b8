"""§7 uploads: valid scans pass (images re-encoded), hostile files are refused with a message in
Bahasa Indonesia next to the field."""

from __future__ import annotations

import io
import zlib

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject, TextStringObject

from apps.core.lampiran import LampiranField, amankan_berkas

HTML = b"<html><body><script>fetch('/akun/keluar/')</script></body></html>"


class Form(forms.Form):
    berkas = LampiranField(label="Pindaian")


def _galat(nama: str, isi: bytes) -> list[str]:
    form = Form(files={"berkas": SimpleUploadedFile(nama, isi)})
    form.is_valid()
    return form.errors.get("berkas", [])


def _gambar(fmt: str, ukuran=(40, 30), **kw) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", ukuran, (200, 30, 30)).save(buf, format=fmt, **kw)
    return buf.getvalue()


def _js(w: PdfWriter) -> None:
    """A document-level script in the /Names tree (what pypdf's removed add_js wrote)."""
    aksi = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")})
    w._root_object[NameObject("/Names")] = DictionaryObject({
        NameObject("/JavaScript"): DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("x"), w._add_object(aksi)])})
    })


def _pdf(ubah=None) -> bytes:
    w = PdfWriter()
    w.add_blank_page(200, 200)
    if ubah:
        ubah(w)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _pdf_asli() -> bytes:
    """A PDF as the portal's own renderer makes it (fonts, compressed streams)."""
    from apps.dokumen.render import render_pdf

    return render_pdf("<html><body><p>Surat pernyataan</p></body></html>").pdf


# -- accepted ---------------------------------------------------------------------------------
def test_a_valid_pdf_is_accepted_as_is():
    isi = _pdf_asli()
    assert _galat("surat.pdf", isi) == []
    berkas, jenis = amankan_berkas(SimpleUploadedFile("surat.pdf", isi))
    assert jenis == "application/pdf" and berkas.read() == isi


def test_a_valid_jpeg_is_accepted_and_re_encoded_without_its_metadata():
    isi = _gambar("JPEG")
    # A comment segment right after SOI: the kind of metadata a phone leaves in.
    dengan_komentar = isi[:2] + b"\xff\xfe\x00\x12rahasia-metadata" + isi[2:]
    assert _galat("ktp.jpg", dengan_komentar) == []
    berkas, jenis = amankan_berkas(SimpleUploadedFile("ktp.jpg", dengan_komentar))
    baru = berkas.read()
    assert jenis == "image/jpeg" and baru.startswith(b"\xff\xd8") and b"rahasia-metadata" not in baru
    assert Image.open(io.BytesIO(baru)).size == (40, 30)


def test_a_valid_png_is_accepted_and_re_encoded():
    isi = _gambar("PNG")
    assert _galat("foto.png", isi) == []
    berkas, jenis = amankan_berkas(SimpleUploadedFile("foto.png", isi))
    assert jenis == "image/png" and Image.open(io.BytesIO(berkas.read())).size == (40, 30)


# -- refused ----------------------------------------------------------------------------------
def test_a_pdf_html_polyglot_is_refused():
    isi = _pdf_asli().replace(b"\n", b"\n%" + HTML + b"\n", 1)
    assert "kode HTML/skrip" in " ".join(_galat("surat.pdf", isi))


def test_a_jpeg_header_followed_by_html_is_refused():
    isi = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + HTML
    assert _galat("foto.jpg", isi)


def test_a_png_header_followed_by_html_is_refused():
    isi = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + HTML
    assert _galat("foto.png", isi)


def test_a_real_jpeg_with_html_after_the_picture_is_refused():
    assert "kode HTML/skrip" in " ".join(_galat("foto.jpg", _gambar("JPEG") + HTML))


def test_a_pdf_with_javascript_is_refused():
    isi = _pdf(_js)
    assert "JavaScript" in " ".join(_galat("surat.pdf", isi))


def test_a_pdf_with_hex_escaped_javascript_is_refused():
    isi = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/Names<</J#61vaScript 3 0 R>>>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n3 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    assert "JavaScript" in " ".join(_galat("surat.pdf", isi))


def test_a_pdf_with_an_open_action_launch_is_refused():
    def ubah(w):
        w._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
        )

    assert "OpenAction" in " ".join(_galat("surat.pdf", _pdf(ubah)))


def test_a_pdf_with_a_page_additional_action_is_refused():
    def ubah(w):
        w.pages[0][NameObject("/AA")] = DictionaryObject(
            {NameObject("/O"): DictionaryObject({NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject("http://x")})}
        )

    assert "(AA)" in " ".join(_galat("surat.pdf", _pdf(ubah)))


def test_a_pdf_with_an_embedded_file_is_refused():
    isi = _pdf(lambda w: w.add_attachment("tagihan.exe", b"MZ\x90\x00"))
    assert "berkas tersisip" in " ".join(_galat("surat.pdf", isi))


def test_a_flate_bomb_is_refused():
    kompres = zlib.compressobj(9)
    blok = b"\0" * (1024 * 1024)
    bom = b"".join(kompres.compress(blok) for _ in range(110)) + kompres.flush()
    assert len(bom) < 1024 * 1024  # a small file that inflates to 110 MB

    def ubah(w):
        aliran = StreamObject()
        aliran._data = bom
        aliran[NameObject("/Filter")] = NameObject("/FlateDecode")
        w.pages[0][NameObject("/Contents")] = ArrayObject([w._add_object(aliran)])

    assert "flate bomb" in " ".join(_galat("surat.pdf", _pdf(ubah)))


def test_a_decompression_bomb_image_is_refused(settings):
    settings.LAMPIRAN_PIKSEL_MAKS = 10_000
    for ukuran in [(150, 150), (120, 100)]:  # above twice the limit (error), between once and twice (warning)
        assert "terlalu besar" in " ".join(_galat("foto.png", _gambar("PNG", ukuran)))
    assert _galat("foto.png", _gambar("PNG", (90, 90))) == []


def test_a_truncated_image_is_refused():
    isi = _gambar("JPEG", (200, 200))
    assert "Gambar rusak" in " ".join(_galat("foto.jpg", isi[: len(isi) // 2]))


def test_html_named_pdf_and_a_jpeg_named_pdf_are_refused():
    assert "Jenis berkas tidak diterima" in " ".join(_galat("surat.pdf", HTML))
    assert "tidak sesuai dengan namanya" in " ".join(_galat("surat.pdf", _gambar("JPEG")))


@pytest.mark.django_db
def test_the_refusal_is_shown_next_to_the_field_and_nothing_is_stored(client, pengguna):
    from apps.core.models import Lampiran
    from apps.umum.tests.conftest import data_surat

    client.force_login(pengguna("tata_usaha"))
    data = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data_surat().items()}
    data["pindaian"] = SimpleUploadedFile("surat.pdf", _pdf(_js))
    r = client.post(reverse("umum:suratmasuk-baru"), data)
    assert r.status_code == 400
    assert "JavaScript" in " ".join(r.context["form"].errors["pindaian"])
    assert not Lampiran.objects.exists()
