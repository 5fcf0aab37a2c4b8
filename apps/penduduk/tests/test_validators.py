"""NIK / No. KK: errors for the shape only, warnings for everything PP 40/2019 keeps permanent."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError

from apps.penduduk.validators import (
    NIKField,
    NoKKField,
    PeringatanNomorMixin,
    periksa_nik,
    periksa_no_kk,
    validasi_nik,
    validasi_no_kk,
)

# Real-format examples (synthetic people): kecamatan, DDMMYY (+40 for women), serial.
NIK_LAKI = "3575011708900003"  # Gadingrejo, 17-08-1990, laki-laki
NIK_PEREMPUAN = "3575035708900012"  # Bugul Kidul, 17-08-1990, perempuan (57 = 17 + 40)
NIK_PEREMPUAN_AWAL_BULAN = "3575044101150001"  # Panggungrejo, 01-01-2015, perempuan
NIK_ABAD_2000 = "3575022902000004"  # Purworejo, 29-02-2000 (a leap day), laki-laki


@pytest.mark.parametrize("nik", [NIK_LAKI, NIK_PEREMPUAN, NIK_PEREMPUAN_AWAL_BULAN, NIK_ABAD_2000])
def test_it_accepts_well_formed_niks(nik):
    validasi_nik(nik)


@pytest.mark.parametrize(
    ("nik", "kode", "pesan"),
    [
        ("357501170890000", "panjang", "NIK harus 16 digit angka; yang diisi 15 digit."),
        ("35750117089000031", "panjang", "NIK harus 16 digit angka; yang diisi 17 digit."),
        ("", "panjang", "NIK harus 16 digit angka; yang diisi 0 digit."),
        ("3575O11708900003", "bukan_angka", "NIK harus 16 digit angka; jangan ada huruf atau tanda lain."),
        ("3575 0117089000", "bukan_angka", "NIK harus 16 digit angka; jangan ada huruf atau tanda lain."),
        ("３５７５０１１７０８９００００３", "bukan_angka", "NIK harus 16 digit angka; jangan ada huruf atau tanda lain."),
    ],
)
def test_it_rejects_wrong_length_and_non_digits(nik, kode, pesan):
    with pytest.raises(ValidationError) as e:
        validasi_nik(nik)
    assert e.value.code == kode
    assert e.value.messages == [pesan]


def test_it_rejects_a_malformed_no_kk_with_its_own_name():
    with pytest.raises(ValidationError) as e:
        validasi_no_kk("35750112345")
    assert e.value.messages == ["No. KK harus 16 digit angka; yang diisi 11 digit."]
    validasi_no_kk("3575011503100007")


def test_a_consistent_nik_gives_no_warning_for_men_and_women():
    assert periksa_nik(NIK_LAKI, tanggal_lahir=datetime.date(1990, 8, 17), jenis_kelamin="L") == []
    assert periksa_nik(NIK_PEREMPUAN, tanggal_lahir=datetime.date(1990, 8, 17), jenis_kelamin="P") == []
    assert periksa_nik(NIK_PEREMPUAN_AWAL_BULAN, tanggal_lahir=datetime.date(2015, 1, 1), jenis_kelamin="P") == []
    assert periksa_nik(NIK_ABAD_2000, tanggal_lahir=datetime.date(2000, 2, 29), jenis_kelamin="L") == []


@pytest.mark.parametrize("prefiks", ["357501", "357502", "357503"])
def test_panggungrejo_residents_old_prefixes_are_not_warned(prefiks):
    # Registered before Panggungrejo (357504) was split off in 2012: the NIK keeps the old code.
    assert periksa_nik(f"{prefiks}0305780001", tanggal_lahir=datetime.date(1978, 5, 3), jenis_kelamin="L") == []


@pytest.mark.parametrize(
    ("nik", "potongan"),
    [
        ("3171011708450001", "Kode wilayah 317101 pada NIK tidak dikenal: di luar Kota Pasuruan (Jakarta Selatan"),
        ("3514011708900001", "Kode wilayah 351401 pada NIK tidak dikenal: di luar Kota Pasuruan (Pasuruan, Jawa Timur"),
        ("9901011708900001", "Kode wilayah 990101 pada NIK tidak dikenal: di luar Kota Pasuruan."),
        ("3575091708900001", "Kode kecamatan 357509 pada NIK tidak dikenal di Kota Pasuruan"),
    ],
)
def test_a_foreign_or_unknown_region_is_a_warning_not_an_error(nik, potongan):
    validasi_nik(nik)  # still a valid NIK
    peringatan = periksa_nik(nik)
    assert len(peringatan) == 1
    assert peringatan[0].startswith(potongan)


@pytest.mark.parametrize(
    ("nik", "pesan"),
    [
        ("3575013102900001", "Tanggal lahir dalam NIK (31-02-90) bukan tanggal yang ada."),
        ("3575017102900001", "Tanggal lahir dalam NIK (31-02-90) bukan tanggal yang ada."),
        ("3575011513900001", "Tanggal lahir dalam NIK (15-13-90) bukan tanggal yang ada."),
        ("3575013504900001", "Tanggal lahir dalam NIK (35-04-90) tidak terbaca: hari harus 01–31 (laki-laki) atau 41–71 (perempuan)."),
        ("3575010004900001", "Tanggal lahir dalam NIK (00-04-90) tidak terbaca: hari harus 01–31 (laki-laki) atau 41–71 (perempuan)."),
        ("3575017504900001", "Tanggal lahir dalam NIK (75-04-90) tidak terbaca: hari harus 01–31 (laki-laki) atau 41–71 (perempuan)."),
    ],
)
def test_an_impossible_encoded_date_is_a_warning(nik, pesan):
    validasi_nik(nik)
    assert periksa_nik(nik) == [pesan]


def test_a_leap_day_is_real_in_one_of_the_two_centuries():
    assert periksa_nik("3575012902000001") == []  # 2000 is a leap year
    assert periksa_nik("3575012902010001") == ["Tanggal lahir dalam NIK (29-02-01) bukan tanggal yang ada."]


def test_a_birth_date_mismatch_is_a_warning():
    assert periksa_nik(NIK_LAKI, tanggal_lahir=datetime.date(1990, 8, 18)) == [
        "Tanggal lahir dalam NIK (17-08-90) berbeda dengan tanggal lahir 18-08-1990."
    ]
    assert periksa_nik(NIK_PEREMPUAN, tanggal_lahir=datetime.date(1991, 8, 17)) == [
        "Tanggal lahir dalam NIK (17-08-90) berbeda dengan tanggal lahir 17-08-1991."
    ]


def test_a_sex_mismatch_is_a_warning_both_ways():
    assert periksa_nik(NIK_LAKI, jenis_kelamin="P") == [
        "NIK menunjukkan laki-laki (hari lahir tanpa tambahan 40), tetapi jenis kelamin yang diisi perempuan."
    ]
    assert periksa_nik(NIK_PEREMPUAN, jenis_kelamin="L") == [
        "NIK menunjukkan perempuan (hari lahir ditambah 40), tetapi jenis kelamin yang diisi laki-laki."
    ]
    # A woman's NIK compared with her real birth date (day + 40 removed) is consistent.
    assert periksa_nik(NIK_PEREMPUAN, tanggal_lahir=datetime.date(1990, 8, 17), jenis_kelamin="perempuan") == []


def test_serial_0000_is_a_warning():
    assert periksa_nik("3575011708900000") == ["Nomor urut NIK 0000 tidak dipakai; nomor urut dimulai dari 0001."]


def test_several_warnings_are_all_reported():
    peringatan = periksa_nik("3171013102900000", tanggal_lahir=datetime.date(1990, 2, 1), jenis_kelamin="P")
    assert len(peringatan) == 4


def test_a_malformed_nik_gives_no_warnings_since_it_is_an_error():
    assert periksa_nik("12345") == []
    assert periksa_nik("3575O11708900003") == []
    assert periksa_no_kk("abc") == []


def test_no_kk_warns_only_on_an_unknown_region():
    assert periksa_no_kk("3575040101130005") == []
    assert periksa_no_kk("3575013102900000") == []  # date layout unverified: not checked
    assert periksa_no_kk("3578011503100007")[0].startswith("Kode wilayah 357801 pada No. KK tidak dikenal: di luar Kota Pasuruan")


class IntakeForm(PeringatanNomorMixin, forms.Form):
    nik = NIKField(tanggal_lahir="tanggal_lahir", jenis_kelamin="jenis_kelamin")
    tanggal_lahir = forms.DateField()
    jenis_kelamin = forms.ChoiceField(choices=[("L", "Laki-laki"), ("P", "Perempuan")])
    no_kk = NoKKField(required=False)


def test_form_field_strips_separators_and_shows_warnings_next_to_the_field():
    form = IntakeForm({"nik": "3575 0357-0890.0012", "tanggal_lahir": "1990-08-17", "jenis_kelamin": "L", "no_kk": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["nik"] == NIK_PEREMPUAN
    pesan = "NIK menunjukkan perempuan (hari lahir ditambah 40), tetapi jenis kelamin yang diisi laki-laki."
    assert form.peringatan == {"nik": [pesan]}
    assert form.semua_peringatan() == [pesan]
    html = str(form["nik"])
    assert html.index('name="nik"') < html.index(pesan)
    assert "peringatan-nomor" in html


def test_form_rejects_a_bad_nik_next_to_the_field_and_keeps_what_was_typed():
    form = IntakeForm({"nik": "3575abc", "tanggal_lahir": "1990-08-17", "jenis_kelamin": "L", "no_kk": "3575"})
    assert not form.is_valid()
    assert form.errors["nik"] == ["NIK harus 16 digit angka; jangan ada huruf atau tanda lain."]
    assert form.errors["no_kk"] == ["No. KK harus 16 digit angka; yang diisi 4 digit."]
    assert form.peringatan == {}
    assert 'value="3575abc"' in str(form["nik"])


def test_form_with_crispy_renders_the_warning_under_the_input():
    from crispy_forms.utils import render_crispy_form

    form = IntakeForm({"nik": "3171011708450001", "tanggal_lahir": "1945-08-17", "jenis_kelamin": "L"})
    assert form.is_valid()
    html = render_crispy_form(form)
    assert "Kode wilayah 317101 pada NIK tidak dikenal" in html
    assert html.index('id="id_nik"') < html.index("Kode wilayah 317101") < html.index('id="div_id_tanggal_lahir"')


def test_a_clean_form_has_no_warnings():
    form = IntakeForm({"nik": NIK_LAKI, "tanggal_lahir": "1990-08-17", "jenis_kelamin": "L", "no_kk": "3575011503100007"})
    assert form.is_valid()
    assert form.peringatan == {}
    assert "peringatan-nomor" not in str(form["nik"])
