"""Settings of apps/dokumen with their defaults (each can be set in dukcapil/settings.py)."""

from __future__ import annotations

from django.conf import settings

# The kop surat. Address, telephone and email are *unverified* placeholders of the Dinas' office:
# set DOKUMEN_INSTANSI (or its environment variables in settings.py) to the real ones.
INSTANSI_BAWAAN = {
    "pemerintah": "PEMERINTAH KOTA PASURUAN",
    "nama": "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
    "alamat": "Jl. Pahlawan No. 28, Kota Pasuruan, Jawa Timur 67115",
    "telepon": "(0343) 424960",
    "email": "dispendukcapil@pasuruankota.go.id",
    "laman": "dispendukcapil.pasuruankota.go.id",
    "kota": "Pasuruan",
}


def instansi() -> dict:
    return {**INSTANSI_BAWAAN, **getattr(settings, "DOKUMEN_INSTANSI", {})}


def ttl_passphrase() -> int:
    return getattr(settings, "TTE_PASSPHRASE_TTL", 900)


def perintah_cetak() -> list[str]:
    """Command that sends a PDF to the counter's printer (e.g. ``["lp", "-d", "loket1"]``);
    empty: the print job only prepares the file and the operator prints it from the browser."""
    return list(getattr(settings, "DOKUMEN_PERINTAH_CETAK", []))
