"""Checking a PDF someone uploads on the verification page.

Two independent checks: the file is byte for byte the one the Dinas issued (SHA-256 against the
hash kept at issue), and its PAdES signature is valid — intact, covering the whole file, made with
a certificate that chains to a trust root (the local CA in development; BSrE's roots in
production through ``settings.TTE_TRUST_ROOTS``).
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import pem, x509
from django.conf import settings

log = logging.getLogger(__name__)


@dataclass
class HasilTandaTangan:
    penandatangan: str = ""
    waktu: object = None
    utuh: bool = False
    tepercaya: bool = False
    seluruh_berkas: bool = False

    @property
    def sah(self) -> bool:
        return self.utuh and self.tepercaya and self.seluruh_berkas


@dataclass
class HasilPeriksa:
    sha256: str
    hash_cocok: bool
    tanda_tangan: list[HasilTandaTangan] = field(default_factory=list)
    galat: str = ""

    @property
    def tanda_tangan_sah(self) -> bool:
        return bool(self.tanda_tangan) and all(t.sah for t in self.tanda_tangan)

    @property
    def asli(self) -> bool:
        return self.hash_cocok and self.tanda_tangan_sah


def akar_tepercaya() -> list:
    """Trust roots: the local CA (if made) and every PEM/DER file in settings.TTE_TRUST_ROOTS."""
    paths = [Path(settings.TTE_KEY_DIR) / "ca.pem", *map(Path, getattr(settings, "TTE_TRUST_ROOTS", []))]
    akar = []
    for p in paths:
        if not p.exists():
            continue
        data = p.read_bytes()
        if pem.detect(data):
            akar.extend(x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True))
        else:
            akar.append(x509.Certificate.load(data))
    return akar


def periksa_tanda_tangan(data: bytes) -> list[HasilTandaTangan]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    vc = ValidationContext(trust_roots=akar_tepercaya(), allow_fetching=False, revocation_mode="soft-fail")
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    hasil = []
    for sig in reader.embedded_signatures:
        status = validate_pdf_signature(sig, vc)
        hasil.append(
            HasilTandaTangan(
                penandatangan=status.signing_cert.subject.native.get("common_name", "") if status.signing_cert else "",
                waktu=status.signer_reported_dt,
                utuh=bool(status.intact and status.valid),
                tepercaya=bool(status.trusted),
                seluruh_berkas=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
            )
        )
    return hasil


def periksa_pdf(dokumen, data: bytes) -> HasilPeriksa:
    sha = hashlib.sha256(data).hexdigest()
    hasil = HasilPeriksa(sha256=sha, hash_cocok=(sha == dokumen.sha256))
    try:
        hasil.tanda_tangan = periksa_tanda_tangan(data)
    except Exception as exc:  # a damaged or hostile upload must not break the page
        log.info("PDF unggahan tidak dapat diperiksa: %s", type(exc).__name__)
        hasil.galat = "Tanda tangan elektronik pada berkas ini tidak dapat dibaca (berkas rusak atau diubah)."
    return hasil
