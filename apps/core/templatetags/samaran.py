"""Masking of personal data on public pages (UU PDP): only enough to recognise one's own record."""

from django import template

register = template.Library()


@register.filter
def samarkan_nomor(nilai) -> str:
    """3575014107900003 → 357501********03: region kept, birth date and serial hidden."""
    s = str(nilai or "")
    if len(s) <= 8:
        return "*" * len(s)
    return s[:6] + "*" * (len(s) - 8) + s[-2:]


@register.filter
def samarkan_nama(nilai) -> str:
    """SITI AMINAH BINTI ALI → S*** A***** B**** A**: initials only."""
    return " ".join(k[0] + "*" * (len(k) - 1) for k in str(nilai or "").split())
