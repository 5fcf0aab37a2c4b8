"""Settings of apps/dokumen with their defaults (each can be set in dukcapil/settings.py)."""

from __future__ import annotations

from django.conf import settings

# The kop surat. Address and telephone are those of the Dinas' 2016 standar pelayanan decree
# (065/33/423.107/2016), *unverified* for today, as are the email and web addresses: set
# DOKUMEN_INSTANSI (or its environment variables in settings.py) to the ones in force.
INSTANSI_BAWAAN = {
    "pemerintah": "PEMERINTAH KOTA PASURUAN",
    "nama": "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
    "alamat": "Jl. Pahlawan No. 22, Kota Pasuruan, Jawa Timur 67115",
    "telepon": "(0343) 421717",
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
