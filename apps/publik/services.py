"""The guard of the status page: failed code/PIN attempts counted per IP and per tracking code.

After ``STATUS_BATAS_GAGAL`` failures (default 5) within ``STATUS_JENDELA_DETIK`` (default 15
minutes) from one address, or on one tracking code, every attempt gets a wait message (HTTP 429)
until the window passes. Counters live in the cache (Redis in production), so they hold across
processes and machines. A success does not reset a counter: a guesser must not be helped by the
owner's own visit.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def batas_gagal() -> int:
    return getattr(settings, "STATUS_BATAS_GAGAL", 5)


def jendela_detik() -> int:
    return getattr(settings, "STATUS_JENDELA_DETIK", 15 * 60)


def _kunci(jenis: str, nilai: str) -> str:
    return "publik:status:gagal:" + jenis + ":" + hashlib.sha256(nilai.encode()).hexdigest()[:32]


def _kunci_semua(ip: str, kode: str) -> list[str]:
    kunci = [_kunci("ip", ip or "?")]
    if kode:
        kunci.append(_kunci("kode", kode))
    return kunci


def status_terkunci(*, ip: str, kode: str) -> bool:
    nilai = cache.get_many(_kunci_semua(ip, kode))
    return any(v >= batas_gagal() for v in nilai.values())


def status_catat_gagal(*, ip: str, kode: str) -> None:
    for k in _kunci_semua(ip, kode):
        if not cache.add(k, 1, timeout=jendela_detik()):
            try:
                cache.incr(k)
            except ValueError:  # expired between add and incr
                cache.set(k, 1, timeout=jendela_detik())


def pin_cocok(objek, pin: str) -> bool:
    """Constant-time comparison; a missing request is compared too, so timing tells nothing."""
    benar = objek.pin if objek is not None else "------"
    return hmac.compare_digest(benar.encode(), (pin or "").strip().encode()) and objek is not None
