"""CPR numbers: the only place in Sikker By that reads, checks, formats or masks one.

Rules (CPR-kontoret): ten digits DDMMYY-SSSS; the date must exist; the century follows from
the seventh digit (the first of the serial) together with the year. The modulus-11 check is
*not* applied: Denmark stopped guaranteeing it in 2007, and valid numbers fail it.

Error messages never repeat the number itself, so a CPR cannot leak into logs or pages.
"""

import re
from dataclasses import dataclass
from datetime import date

CPR_PATTERN = re.compile(r"^\s*(\d{6})-?(\d{4})\s*$")
REPLACEMENT_PATTERN = re.compile(r"^\s*(\d{6})-?E(\d{3})\s*$")


class CprError(ValueError):
    """An invalid CPR number. The message is Danish and contains no part of the number."""


@dataclass(frozen=True)
class Cpr:
    digits: str  # ten digits, no dash
    birth_date: date

    @property
    def sex(self) -> str:
        """'M' or 'K': the last digit is odd for men, even for women."""
        return "M" if int(self.digits[-1]) % 2 else "K"

    def formatted(self) -> str:
        return f"{self.digits[:6]}-{self.digits[6:]}"

    def masked(self) -> str:
        return cpr_mask(self.digits)


def cpr_century(two_digit_year: int, seventh_digit: int) -> int:
    """The century of a CPR birth year, from the CPR office's table."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if two_digit_year <= 36 else 1900
    return 2000 if two_digit_year <= 57 else 1800


def cpr_parse(text: str, *, today: date | None = None) -> Cpr:
    """Parse 'DDMMYY-SSSS' or 'DDMMYYSSSS'. Raises CprError with a Danish reason."""
    match = CPR_PATTERN.match(text or "")
    if not match:
        raise CprError("Et CPR-nummer består af 10 cifre, skrevet som ddmmåå-xxxx.")
    head, serial = match.groups()
    day, month, year = int(head[:2]), int(head[2:4]), int(head[4:6])
    full_year = cpr_century(year, int(serial[0])) + year
    try:
        birth_date = date(full_year, month, day)
    except ValueError:
        raise CprError("CPR-nummerets første seks cifre er ikke en gyldig dato.") from None
    if birth_date > (today or date.today()):
        raise CprError("CPR-nummerets fødselsdato ligger i fremtiden.")
    return Cpr(digits=head + serial, birth_date=birth_date)


def cpr_mask(digits: str) -> str:
    """'ddmmyy-xxxx': the birth date stays visible, the serial never does until revealed."""
    return f"{digits[:6]}-xxxx"


def replacement_number(birth_date: date, sequence: int) -> str:
    """A number for a person without CPR (erstatningsnummer): 'DDMMYY-E001'.

    The 'E' makes it impossible to mistake for, or collide with, a real CPR number.
    """
    if not 1 <= sequence <= 999:
        raise ValueError("sequence must be 1–999")
    return f"{birth_date:%d%m%y}-E{sequence:03d}"


def is_replacement_number(text: str) -> bool:
    return bool(REPLACEMENT_PATTERN.match(text or ""))
