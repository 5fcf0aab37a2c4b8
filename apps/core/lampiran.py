"""Attachment checks: type by content (magic bytes), not by name; size limit from settings; and
what a hostile file could do once an officer opens it (§7 of issue 8):

- images are decoded and re-encoded through Pillow (within its decompression-bomb limit), so
  whatever rides after the picture (HTML, a script, a second file) and the metadata are dropped;
- PDFs are parsed with pypdf and refused when they carry JavaScript, an OpenAction or /AA
  (actions run on opening), a launch action, embedded files or rich media, or a stream that
  inflates beyond a bound (a flate bomb);
- a file that also reads as HTML (a polyglot) is refused whatever its first bytes say.
"""

from __future__ import annotations

import io
import re
import threading
import warnings
import zlib

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat

_EKSTENSI = {"application/pdf": {"pdf"}, "image/jpeg": {"jpg", "jpeg"}, "image/png": {"png"}}

# What a browser sniffing the bytes would take for HTML or script.
# Tags are matched with what follows them, so that random bytes of compressed data do not match.
_POLA_HTML = re.compile(rb"<(?:!doctype\s+html|script|iframe|(?:html|head|body|svg|object|embed|meta)[\s>/])", re.I)

# PDF names that make a viewer act on its own or carry other files.
_NAMA_BERBAHAYA = {
    "/JavaScript": "JavaScript",
    "/JS": "JavaScript",
    "/OpenAction": "aksi otomatis saat dibuka (OpenAction)",
    "/AA": "aksi otomatis (AA)",
    "/Launch": "perintah menjalankan program (Launch)",
    "/EmbeddedFile": "berkas tersisip",
    "/EmbeddedFiles": "berkas tersisip",
    "/EF": "berkas tersisip",
    "/RichMedia": "media aktif (RichMedia)",
    "/XFA": "formulir XFA",
}

# Bounds of the PDF walk: total inflated bytes, one stream, and objects visited.
PDF_MAKS_TERURAI = 200 * 1024 * 1024
PDF_MAKS_SATU_ALIRAN = 100 * 1024 * 1024
PDF_MAKS_OBJEK = 50_000

PESAN_POLIGLOT = "Berkas ini memuat kode HTML/skrip di samping isinya dan ditolak. Unggah hasil pindaian aslinya."


def _tolak_pdf(alasan: str) -> ValidationError:
    return ValidationError(
        "PDF ditolak karena memuat %(alasan)s. Cetak ulang ke PDF biasa atau unggah hasil pindaian.",
        code="pdf_berbahaya",
        params={"alasan": alasan},
    )


def _inflate_terbatas(data: bytes, sisa: int) -> int:
    """Inflated size of a flate stream, stopping (ValidationError) past ``sisa`` bytes."""
    d = zlib.decompressobj()
    total = 0
    potong = data
    batas = min(sisa, PDF_MAKS_SATU_ALIRAN)
    try:
        while potong:
            keluar = d.decompress(potong, 1024 * 1024)
            total += len(keluar)
            if total > batas:
                raise _tolak_pdf("aliran data yang mengembang melebihi batas (flate bomb)")
            potong = d.unconsumed_tail
            if d.eof:
                break
    except zlib.error:
        # A damaged stream inflates to nothing more; viewers show what they can.
        pass
    return total


def _periksa_pdf_mentah(isi: bytes) -> None:
    nama = {re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), n).decode("latin-1")
            for n in re.findall(rb"/[^\s/<>\[\]()%{}]+", isi)}
    for n in nama:
        if n in _NAMA_BERBAHAYA:
            raise _tolak_pdf(_NAMA_BERBAHAYA[n])
    if re.search(rb"\bstream\b", isi):
        raise ValidationError("Berkas PDF rusak atau tidak dapat dibaca.", code="pdf_rusak")


def periksa_pdf(isi: bytes) -> None:
    """Refuse a PDF that acts on its own, carries files, or explodes when inflated."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if not isi.startswith(b"%PDF-"):
        raise ValidationError("Berkas PDF tidak sah.", code="pdf_rusak")
    try:
        reader = PdfReader(io.BytesIO(isi), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                "PDF terkunci (terenkripsi) tidak dapat diperiksa. Unggah PDF tanpa kata sandi.", code="pdf_terkunci"
            )
        akar = [reader.trailer]
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError, OSError, zlib.error):
        # pypdf cannot read its structure: accepted only when the bytes hold no stream (nothing
        # to inflate or hide) and no action name, even hex-escaped (/J#61vaScript).
        _periksa_pdf_mentah(isi)
        return

    terurai = 0
    dikunjungi: set[tuple[int, int]] = set()
    tumpukan: list = list(akar)
    jumlah = 0
    try:
        while tumpukan:
            obj = tumpukan.pop()
            if isinstance(obj, IndirectObject):
                kunci = (obj.idnum, obj.generation)
                if kunci in dikunjungi:
                    continue
                dikunjungi.add(kunci)
                obj = obj.get_object()
            jumlah += 1
            if jumlah > PDF_MAKS_OBJEK:
                raise _tolak_pdf("terlalu banyak objek")
            if isinstance(obj, DictionaryObject):
                for nama, nilai in obj.items():
                    if nama in _NAMA_BERBAHAYA:
                        raise _tolak_pdf(_NAMA_BERBAHAYA[nama])
                    if nama == "/S" and nilai in ("/JavaScript", "/Launch"):
                        raise _tolak_pdf(_NAMA_BERBAHAYA[str(nilai)])
                    if nama == "/Type" and nilai == "/EmbeddedFile":
                        raise _tolak_pdf(_NAMA_BERBAHAYA["/EmbeddedFile"])
                    tumpukan.append(nilai)
                if isinstance(obj, StreamObject):
                    filter_ = obj.get("/Filter")
                    pertama = filter_[0] if isinstance(filter_, ArrayObject) and filter_ else filter_
                    if pertama in ("/FlateDecode", "/Fl"):
                        terurai += _inflate_terbatas(obj._data, PDF_MAKS_TERURAI - terurai)
            elif isinstance(obj, ArrayObject):
                tumpukan.extend(obj)
    except ValidationError:
        raise
    except RecursionError:
        raise _tolak_pdf("struktur yang terlalu dalam") from None
    except Exception as exc:
        if type(exc).__name__ == "LimitReachedError":
            raise _tolak_pdf("aliran data yang mengembang melebihi batas (flate bomb)") from None
        raise ValidationError("Berkas PDF rusak atau tidak dapat dibaca.", code="pdf_rusak") from None


_KUNCI_PILLOW = threading.Lock()


def kodekan_ulang_gambar(isi: bytes, jenis: str) -> bytes:
    """Decode the image and encode it again (Pillow): only the pixels survive.

    Pillow's decompression-bomb check (``Image.MAX_IMAGE_PIXELS``, warning above it, error above
    twice it) runs with ``LAMPIRAN_PIKSEL_MAKS``; a truncated image is refused even though
    WeasyPrint turns ``LOAD_TRUNCATED_IMAGES`` on for the whole process (hence the lock).
    """
    from PIL import Image, ImageFile, ImageOps

    batas = getattr(settings, "LAMPIRAN_PIKSEL_MAKS", 50_000_000)
    galat_rusak = ValidationError("Gambar rusak atau tidak dapat dibaca. Unggah hasil foto/pindaian aslinya.", code="gambar_rusak")
    with _KUNCI_PILLOW:
        lama = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
        try:
            Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = batas, False
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(isi)) as gambar:
                    if gambar.format not in ("JPEG", "PNG"):
                        raise galat_rusak
                    gambar.load()
                    gambar = ImageOps.exif_transpose(gambar)
                    gambar.info = {}  # comments, EXIF, text chunks: not carried over
                    keluar = io.BytesIO()
                    if jenis == "image/jpeg":
                        if gambar.mode not in ("RGB", "L"):
                            gambar = gambar.convert("RGB")
                        gambar.save(keluar, format="JPEG", quality=90, optimize=True)
                    else:
                        if gambar.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
                            gambar = gambar.convert("RGBA")
                        gambar.save(keluar, format="PNG", optimize=True)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(
                "Ukuran gambar (jumlah piksel) terlalu besar. Kecilkan resolusinya lalu unggah kembali.",
                code="gambar_terlalu_besar",
            ) from None
        except ValidationError:
            raise
        except Exception:
            raise galat_rusak from None
        finally:
            Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = lama
    return keluar.getvalue()


def periksa_berkas(berkas) -> str:
    """Return the file's real MIME type or raise ValidationError with a message for the officer.

    Checks only; ``amankan_berkas`` also gives the re-encoded image to store.
    """
    return _periksa(berkas)[0]


def _periksa(berkas) -> tuple[str, bytes | None]:
    maks = settings.LAMPIRAN_UKURAN_MAKS
    if berkas.size > maks:
        raise ValidationError(
            "Ukuran berkas %(ukuran)s melebihi batas %(maks)s.",
            code="terlalu_besar",
            params={"ukuran": filesizeformat(berkas.size), "maks": filesizeformat(maks)},
        )
    if berkas.size == 0:
        raise ValidationError("Berkas kosong.", code="kosong")
    berkas.seek(0)
    isi = berkas.read()
    berkas.seek(0)
    jenis = filetype.guess_mime(isi[:8192])
    if jenis not in settings.LAMPIRAN_JENIS_DIIZINKAN:
        raise ValidationError(
            "Jenis berkas tidak diterima. Unggah hasil pindaian dalam format PDF, JPG atau PNG.",
            code="jenis_ditolak",
        )
    nama = (getattr(berkas, "name", "") or "").lower()
    ext = nama.rsplit(".", 1)[-1] if "." in nama else ""
    if ext not in _EKSTENSI[jenis]:
        raise ValidationError(
            "Isi berkas tidak sesuai dengan namanya (.%(ext)s). Unggah berkas aslinya.",
            code="tersamar",
            params={"ext": ext or "tanpa ekstensi"},
        )
    if _POLA_HTML.search(isi):
        raise ValidationError(PESAN_POLIGLOT, code="poliglot")
    if jenis == "application/pdf":
        periksa_pdf(isi)
        return jenis, None
    return jenis, kodekan_ulang_gambar(isi, jenis)


def amankan_berkas(berkas):
    """(file to store, MIME type): the upload itself for a PDF that passed, a fresh file holding
    the re-encoded pixels for an image. Raises ValidationError like ``periksa_berkas``."""
    jenis_lama = getattr(berkas, "_jenis_aman", None)
    if jenis_lama:
        return berkas, jenis_lama
    jenis, gambar = _periksa(berkas)
    if gambar is not None:
        berkas = SimpleUploadedFile(getattr(berkas, "name", "") or "gambar", gambar, content_type=jenis)
    berkas._jenis_aman = jenis
    return berkas, jenis


class LampiranField(forms.FileField):
    """A form field that accepts only what ``periksa_berkas`` accepts; images come out re-encoded."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", f"PDF, JPG atau PNG; maksimal {filesizeformat(settings.LAMPIRAN_UKURAN_MAKS)}.")
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ".pdf,.jpg,.jpeg,.png")

    def clean(self, data, initial=None):
        berkas = super().clean(data, initial)
        if berkas:
            berkas, _ = amankan_berkas(berkas)
        return berkas
