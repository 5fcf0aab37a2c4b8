"""Rupiah as ``Decimal`` end to end: parsing what staff type, formatting what they read.

No float anywhere: input is parsed from its text straight into ``Decimal``, sums are done by the
database on NUMERIC columns (``DecimalField``) and formatting works on the ``Decimal`` itself.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.validators import MinValueValidator

SEN = Decimal("0.01")
NOL = Decimal("0.00")
# Amounts the Dinas handles fit NUMERIC(15, 2): up to Rp9.999.999.999.999,99.
DIGIT, DESIMAL = 15, 2

_RIBUAN = re.compile(r"^\d{1,3}(\.\d{3})+$")


def ke_decimal(teks) -> Decimal:
    """``"Rp1.234.567,89"``, ``"1.234.567"``, ``"1234567.89"`` → ``Decimal``; ValueError otherwise.

    A comma is the decimal mark (Indonesian style) and dots are then thousands separators; without
    a comma, dots in groups of three are thousands separators ("1.500.000")."""
    if isinstance(teks, Decimal):
        return teks
    if isinstance(teks, float):
        raise TypeError("Nilai uang tidak boleh float.")
    s = str(teks).strip().replace("Rp", "").replace("rp", "").replace(" ", "").replace("\u00a0", "")
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif _RIBUAN.match(s):
        s = s.replace(".", "")
    try:
        nilai = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"“{teks}” bukan jumlah rupiah.") from None
    if not nilai.is_finite():
        raise ValueError(f"“{teks}” bukan jumlah rupiah.")
    return nilai


def format_rupiah(nilai) -> str:
    """``Decimal("1234567")`` → ``"Rp1.234.567,00"`` (the Dinas' notation)."""
    if nilai is None or nilai == "":
        return "-"
    if isinstance(nilai, float):
        raise TypeError("Nilai uang tidak boleh float.")
    d = (nilai if isinstance(nilai, Decimal) else Decimal(str(nilai))).quantize(SEN, rounding=ROUND_HALF_UP)
    tanda = "-" if d < 0 else ""
    teks = f"{abs(d):,.2f}"  # Decimal's own formatting: "1,234,567.00"
    return f"{tanda}Rp{teks.replace(',', '_').replace('.', ',').replace('_', '.')}"


class RupiahField(forms.DecimalField):
    """A form field for an amount in Rupiah, typed as the Dinas writes it ("1.234.567,89")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", DIGIT)
        kwargs.setdefault("decimal_places", DESIMAL)
        kwargs.setdefault("min_value", SEN)
        super().__init__(*args, **kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "mis. 1.250.000,00"})
        self.error_messages["invalid"] = "Tulis jumlah rupiah, mis. 1.250.000,00."

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return super().to_python(str(ke_decimal(value)))
        except (ValueError, TypeError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_rupiah(value).removeprefix("Rp")
        return value


def kolom_rupiah(verbose_name: str, **kwargs):
    """A model column holding Rupiah: NUMERIC(15, 2), never negative."""
    from django.db import models

    kwargs.setdefault("validators", [MinValueValidator(NOL)])
    return models.DecimalField(verbose_name, max_digits=DIGIT, decimal_places=DESIMAL, **kwargs)
