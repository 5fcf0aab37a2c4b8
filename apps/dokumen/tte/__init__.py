"""Signing backends (TTE): the local pyHanko backend and the BSrE e-sign API client.

``settings.TTE_BACKEND`` picks one ("lokal" or "bsre"). Both take an unsigned PDF, the signing
official, the passphrase the official typed, and where to draw the visible signature block, and
return the PAdES-signed PDF. Neither writes the passphrase anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


class GalatTTE(Exception):
    """Signing failed; the message (Bahasa Indonesia) can be shown to staff."""

    #: a retry of the job can succeed (service unreachable) — not for a wrong passphrase
    sementara = False


class PassphraseSalah(GalatTTE):
    pass


class LayananTTETidakTersedia(GalatTTE):
    sementara = True


PESAN_PASSPHRASE_SALAH = "Passphrase salah. Dokumen tidak ditandatangani; periksa kembali passphrase TTE Anda."


@dataclass(frozen=True)
class Tampilan:
    """The visible signature block: page index, box in PDF points (x1, y1, x2, y2, origin at the
    bottom left), the lines of text (name, NIP, position, date) and the URL the QR opens."""

    halaman: int
    kotak: tuple[float, float, float, float]
    baris: tuple[str, ...]
    url_qr: str
    alasan: str = "Tanda tangan elektronik"
    lokasi: str = "Kota Pasuruan"


BACKEND = {
    "lokal": "apps.dokumen.tte.lokal.BackendLokal",
    "bsre": "apps.dokumen.tte.bsre.BackendBSrE",
}


def ambil_backend():
    kode = settings.TTE_BACKEND
    try:
        return import_string(BACKEND[kode])()
    except KeyError:
        raise GalatTTE(f"TTE_BACKEND “{kode}” tidak dikenal (pilih: {', '.join(BACKEND)}).") from None
