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


def varian_kode_lacak(teks: str) -> list[str]:
    """A fragment of a tracking code (``m9tz3h``) as it can appear in the stored, dashed code
    (``M9TZ-3H``, ``M9-TZ3H``, ...): one pattern per position it may start at. Empty for
    fragments shorter than 3 characters or with characters no code has."""
    raw = "".join(ch for ch in (teks or "").upper() if ch.isalnum()).translate(_PENGGANTI)
    if not 3 <= len(raw) <= 12 or any(ch not in ALFABET for ch in raw):
        return []
    pola = []
    for awal in range(0, 13 - len(raw)):
        teks_pola = "".join(("-" if i and (awal + i) in (4, 8) else "") + ch for i, ch in enumerate(raw))
        if teks_pola not in pola:
            pola.append(teks_pola)
    return pola
