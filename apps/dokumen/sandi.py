"""The passphrase on its way from the TTE step to the signing job.

The official types the passphrase in the request; the signing happens in a Celery job after the
PDF is rendered. The clear passphrase must not travel through the broker (Redis keeps messages,
and a broker is often shared and dumped), nor be stored in the database or logs. So the request
seals it with Fernet (AES-128-CBC + HMAC-SHA256) under a key derived by HKDF from SECRET_KEY and
bound to the document's id, and the job opens it with a TTL:

- a broker dump alone reveals nothing (the key never leaves the web and worker processes);
- a token opens only for its own document (the id is in the key derivation);
- a token older than ``settings.TTE_PASSPHRASE_TTL`` seconds is refused, so a message replayed
  later cannot sign; the job's retries fit in that window, after it the official signs again.

Signing inside the request instead would hold the official's page for the whole render and make
the retry-with-backoff of the job useless; this keeps the job and its retries.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class TokenKedaluwarsa(Exception):
    pass


def _fernet(dokumen_id: int) -> Fernet:
    kunci = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"dukcapil-tte-passphrase", info=f"dokumen:{dokumen_id}".encode()
    ).derive(settings.SECRET_KEY.encode())
    return Fernet(base64.urlsafe_b64encode(kunci))


def bungkus_passphrase(passphrase: str, *, dokumen_id: int) -> str:
    return _fernet(dokumen_id).encrypt(passphrase.encode()).decode("ascii")


def buka_passphrase(token: str, *, dokumen_id: int) -> str:
    ttl = getattr(settings, "TTE_PASSPHRASE_TTL", 900)
    try:
        return _fernet(dokumen_id).decrypt(token.encode("ascii"), ttl=ttl).decode()
    except (InvalidToken, ValueError, AttributeError):
        raise TokenKedaluwarsa(
            "Waktu penandatanganan habis atau izin tanda tangan tidak sah. Pejabat perlu menandatangani ulang."
        ) from None
