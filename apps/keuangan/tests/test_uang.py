"""Money is Decimal end to end: typed text → Decimal column → database sums → "Rp1.234.567,00"."""

from decimal import Decimal

import pytest
from django.urls import reverse

from apps.keuangan import services
from apps.keuangan.models import BarisDPA, PermintaanPembayaran
from apps.keuangan.selectors import realisasi_dpa
from apps.keuangan.uang import RupiahField, format_rupiah, ke_decimal

from . import factories as f


@pytest.mark.parametrize("nilai, teks", [
    (Decimal("1234567"), "Rp1.234.567,00"),
    (Decimal("1234567.891"), "Rp1.234.567,89"),
    (Decimal("0.1") + Decimal("0.2"), "Rp0,30"),
    (Decimal("-1500"), "-Rp1.500,00"),
    (Decimal("999"), "Rp999,00"),
])
def test_it_formats_rupiah(nilai, teks):
    assert format_rupiah(nilai) == teks


@pytest.mark.parametrize("teks, nilai", [
    ("Rp1.234.567,89", Decimal("1234567.89")),
    ("1.500.000", Decimal("1500000")),
    ("1500000.50", Decimal("1500000.50")),
    ("12.500.000,00", Decimal("12500000.00")),
])
def test_it_parses_what_staff_type(teks, nilai):
    assert ke_decimal(teks) == nilai and isinstance(ke_decimal(teks), Decimal)


def test_it_refuses_float():
    with pytest.raises(TypeError):
        format_rupiah(0.1)
    with pytest.raises(TypeError):
        ke_decimal(0.1)
    with pytest.raises(TypeError):
        services.permintaan_ajukan(baris=None, kegiatan="x", jumlah=1500.0, pengguna=None)


def test_the_form_field_gives_decimal_and_keeps_bad_input():
    field = RupiahField()
    assert field.clean("1.234.567,89") == Decimal("1234567.89")
    form_err = pytest.raises(Exception)
    with form_err:
        field.clean("satu juta")


@pytest.mark.django_db
def test_money_is_decimal_from_the_form_to_the_page(client, orang):
    """A request typed as "3.333.333,33" three times against a 10.000.000,00 line: the stored
    amounts, the database sums and the page are exact to the sen (a float path would drift)."""
    baris = f.baris(orang)
    client.force_login(orang.pptk)
    for _ in range(3):
        r = client.post(reverse("keuangan:permintaanpembayaran-baru"),
                        {"baris_dpa": baris.pk, "kegiatan": "ATK", "penerima": "CV A", "jumlah": "3.333.333,33"})
        assert r.status_code == 302, r.content.decode()[:2000]
    jumlah = list(PermintaanPembayaran.objects.values_list("jumlah", flat=True))
    assert all(type(j) is Decimal for j in jumlah) and jumlah == [Decimal("3333333.33")] * 3
    b = realisasi_dpa().get(pk=baris.pk)
    for nilai in (b.pagu, b.terikat, b.dibayar, b.sisa):
        assert type(nilai) is Decimal
    assert b.terikat == Decimal("9999999.99") and b.sisa == Decimal("0.01")
    client.force_login(orang.bendahara)
    halaman = client.get(reverse("keuangan:realisasi")).content.decode()
    assert "Rp10.000.000,00" in halaman and "Rp9.999.999,99" in halaman and "Rp0,01" in halaman
    # One more sen is still within the budget; two are not.
    client.force_login(orang.pptk)
    r = client.post(reverse("keuangan:permintaanpembayaran-baru"),
                    {"baris_dpa": baris.pk, "kegiatan": "ATK", "penerima": "CV A", "jumlah": "0,02"})
    assert r.status_code == 400 and "melebihi sisa anggaran" in r.content.decode()
    assert 'value="0,02"' in r.content.decode()  # the rejected input is kept
    assert BarisDPA.objects.get(pk=baris.pk).pagu == Decimal("10000000.00")
