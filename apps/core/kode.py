"""Tracking codes and PINs printed on the tanda terima.

The tracking code is unguessable (60 random bits) yet easy to read aloud and type: Crockford's
base-32 alphabet has no I, L, O or U, and the code is shown in groups of four (``7KQ4-M9TZ-3HXR``).
Input is normalised, so ``7kq4 m9tz 3hxr`` or a misread ``O`` for ``0`` still finds it.
"""

import secrets

ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_PENGGANTI = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def buat_kode_lacak() -> str:
    raw = "".join(secrets.choice(ALFABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalkan_kode_lacak(teks: str) -> str:
    raw = "".join(ch for ch in (teks or "").upper() if ch.isalnum()).translate(_PENGGANTI)
    if len(raw) != 12 or any(ch not in ALFABET for ch in raw):
        return ""
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def buat_pin() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def awalan_kode_lacak(teks: str) -> str:
    """The start of a tracking code as stored (``7KQ4-M9``) from a partial input (``7kq4m9``), or ""
    when the input is shorter than 3 characters or cannot be part of a code."""
    raw = "".join(ch for ch in (teks or "").upper() if ch.isalnum()).translate(_PENGGANTI)
    if not 3 <= len(raw) <= 12 or any(ch not in ALFABET for ch in raw):
        return ""
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))
