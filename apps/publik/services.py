"""The guard of the status page: failed code/PIN attempts counted per tracking code and per IP.

After ``STATUS_BATAS_GAGAL`` failures (default 5) on one tracking code within
``STATUS_JENDELA_DETIK`` (default 15 minutes), every attempt on that code gets a wait message
(HTTP 429) until the window passes: a 6-digit PIN cannot be guessed. One address is locked only at
a much higher count, ``STATUS_BATAS_GAGAL_ALAMAT`` (default 100): many citizens share one address
(mobile carrier NAT, a kelurahan's counter PC), and one of them mistyping must not lock out the
others; the address limit only stops one machine sweeping many codes. Counters live in the cache
(Redis in production), so they hold across processes and machines. A success does not reset a
counter: a guesser must not be helped by the owner's own visit.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def batas_gagal() -> int:
    return getattr(settings, "STATUS_BATAS_GAGAL", 5)


def batas_gagal_alamat() -> int:
    return getattr(settings, "STATUS_BATAS_GAGAL_ALAMAT", 100)


def jendela_detik() -> int:
    return getattr(settings, "STATUS_JENDELA_DETIK", 15 * 60)


def _kunci(jenis: str, nilai: str) -> str:
    return "publik:status:gagal:" + jenis + ":" + hashlib.sha256(nilai.encode()).hexdigest()[:32]


def _batas_per_kunci(ip: str, kode: str) -> dict[str, int]:
    """Each counter the attempt touches, with its own limit."""
    batas = {_kunci("ip", ip or "?"): batas_gagal_alamat()}
    if kode:
        batas[_kunci("kode", kode)] = batas_gagal()
    return batas


def status_terkunci(*, ip: str, kode: str) -> bool:
    batas = _batas_per_kunci(ip, kode)
    nilai = cache.get_many(list(batas))
    return any(v >= batas[k] for k, v in nilai.items())


def status_catat_gagal(*, ip: str, kode: str) -> None:
    for k in _batas_per_kunci(ip, kode):
        if not cache.add(k, 1, timeout=jendela_detik()):
            try:
                cache.incr(k)
            except ValueError:  # expired between add and incr
                cache.set(k, 1, timeout=jendela_detik())


def pin_cocok(objek, pin: str) -> bool:
    """Constant-time comparison; a missing request is compared too, so timing tells nothing."""
    benar = objek.pin if objek is not None else "------"
    return hmac.compare_digest(benar.encode(), (pin or "").strip().encode()) and objek is not None
