"""``{% load umum %}``: Rupiah as the Dinas writes it in its documents."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


@register.filter
def rp(nilai) -> str:
    """``Decimal("1234567.5")`` → ``Rp1.234.567,50`` (Decimal throughout, no float)."""
    if nilai in (None, ""):
        return "-"
    d = Decimal(nilai).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    tanda = "-" if d < 0 else ""
    bulat, sen = f"{abs(d):.2f}".split(".")
    return f"{tanda}Rp{int(bulat):,}".replace(",", ".") + f",{sen}"
