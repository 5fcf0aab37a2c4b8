from django import template

from apps.keuangan.uang import format_rupiah

register = template.Library()


@register.filter
def rupiah(nilai) -> str:
    """``{{ baris.pagu|rupiah }}`` → ``Rp1.234.567,00``."""
    return format_rupiah(nilai)
