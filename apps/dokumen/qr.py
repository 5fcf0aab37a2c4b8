"""QR codes as PNG data URIs, for documents (WeasyPrint) and web pages alike."""

from __future__ import annotations

import base64
import io
from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M


@lru_cache(maxsize=256)
def qr_png(teks: str, *, ukuran_modul: int = 4) -> bytes:
    # A fixed mask pattern spares qrcode the trial of all eight (the slow part); any mask is valid.
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=ukuran_modul, border=2, mask_pattern=2)
    qr.add_data(teks)
    qr.make(fit=True)
    buf = io.BytesIO()
    qr.make_image().save(buf, format="PNG")
    return buf.getvalue()


def qr_data_uri(teks: str) -> str:
    """``data:image/png;base64,...`` of a QR code that encodes ``teks``."""
    return "data:image/png;base64," + base64.b64encode(qr_png(teks)).decode("ascii")
