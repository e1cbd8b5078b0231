from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from people.cpr import (
    CprError,
    could_have_been_issued,
    cpr_century,
    cpr_mask,
    cpr_parse,
    is_replacement_number,
    passes_modulus_11,
    replacement_number,
    synthetic_cpr,
)


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("010180-1234", date(1980, 1, 1)),  # 7th digit 1: 1900s
        ("0101801234", date(1980, 1, 1)),  # without dash
        ("150510-4123", date(2010, 5, 15)),  # 7th digit 4, year <= 36: 2000s
        ("150540-4123", date(1940, 5, 15)),  # 7th digit 4, year >= 37: 1900s
        ("010160-5000", date(1860, 1, 1)),  # 7th digit 5, year >= 58: 1800s
        ("291112-8001", date(2012, 11, 29)),  # 7th digit 8, year <= 57: 2000s
        ("010101-9000", date(2001, 1, 1)),  # 7th digit 9, year <= 36
    ],
)
def test_it_reads_the_century_from_the_seventh_digit(text, born):
    assert cpr_parse(text, today=date(2026, 11, 22)).birth_date == born


def test_it_does_not_apply_the_modulus_11_check():
    # 010180-1235 fails modulus 11 but is a valid CPR number since 2007
    assert cpr_parse("010180-1235").digits == "0101801235"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12345", "10 cifre"),
        ("310280-1234", "gyldig dato"),
        ("010130-5000", "fremtiden"),
        ("abcdef-ghij", "10 cifre"),
    ],
)
def test_invalid_numbers_get_a_danish_reason_without_the_number(text, reason):
    with pytest.raises(CprError) as error:
        cpr_parse(text, today=date(2026, 11, 22))
    assert reason in str(error.value)
    assert text[:6] not in str(error.value)


def test_sex_follows_the_last_digit():
    assert cpr_parse("010180-1233").sex == "M"
    assert cpr_parse("010180-1234").sex == "K"


def test_masking_hides_the_serial():
    assert cpr_mask("0101801234") == "010180-xxxx"


def test_replacement_numbers_can_never_be_read_as_cpr():
    number = replacement_number(date(2008, 3, 4), 7)
    assert number == "040308-E007"
    assert is_replacement_number(number)
    with pytest.raises(CprError):
        cpr_parse(number)


@given(st.dates(min_value=date(1858, 1, 1), max_value=date(2025, 12, 31)), st.integers(0, 9999))
def test_every_real_date_with_a_fitting_serial_round_trips(born, serial):
    seventh = serial // 1000
    if cpr_century(born.year % 100, seventh) + born.year % 100 != born.year:
        return  # that serial range is not used for this birth year
    text = f"{born:%d%m%y}-{serial:04d}"
    parsed = cpr_parse(text, today=born + timedelta(days=1))
    assert parsed.birth_date == born
    assert parsed.formatted() == text


@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 12, 31)),
    sex=st.sampled_from(["M", "K"]),
    serial=st.integers(min_value=0, max_value=99),
)
def test_a_synthetic_cpr_number_is_valid_in_form_but_was_never_issued(born, sex, serial):
    digits = synthetic_cpr(born, sex=sex, serial=serial)
    parsed = cpr_parse(digits, today=date(2030, 1, 1))
    expected_birth = born.replace(day=2) if (born.month, born.day) == (1, 1) else born
    assert parsed.birth_date == expected_birth and parsed.sex == sex
    assert not passes_modulus_11(digits)
    assert not could_have_been_issued(digits)


def test_numbers_issued_before_2007_pass_modulus_11_and_later_ones_on_1_january_may_not():
    assert passes_modulus_11("0707614285")  # a textbook example that passes
    assert could_have_been_issued("0707614285")
    assert could_have_been_issued("0101651234")  # 1 January: issued without modulus 11
    assert not could_have_been_issued("0202651234")
