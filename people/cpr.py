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


MODULUS_11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def passes_modulus_11(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, MODULUS_11_WEIGHTS, strict=True)) % 11 == 0


def could_have_been_issued(digits: str) -> bool:
    """Whether the CPR office could have issued this (well-formed) number.

    Every number issued before 1 October 2007 passes the modulus-11 check; since then numbers
    that fail it are issued only for birth dates on 1 January (cpr.dk, 'Personnumre uden
    kontrolciffer'). So a number failing modulus 11 with another birth date was never issued.
    """
    return passes_modulus_11(digits) or digits[:4] == "0101"


def seventh_digit_for(birth_year: int) -> int:
    """The lowest serial first digit that gives this birth year's century (inverse of cpr_century)."""
    if 1900 <= birth_year <= 1999:
        return 0
    if 2000 <= birth_year <= 2036:
        return 4
    if 2037 <= birth_year <= 2057:
        return 5
    raise ValueError("birth year outside 1900–2057")


def synthetic_cpr(birth_date: date, *, sex: str, serial: int) -> str:
    """A demo CPR number: valid in form (a real date, the right century digit, the sex in the
    last digit) but one the CPR office never issued, so a demo database is never mistaken for
    real data: it fails modulus 11 and its birth date is never 1 January.

    `serial` (0–99) picks the 8th–9th digits; 1 January birth dates move to 2 January."""
    if (birth_date.month, birth_date.day) == (1, 1):
        birth_date = birth_date.replace(day=2)
    head = f"{birth_date:%d%m%y}{seventh_digit_for(birth_date.year)}{serial % 100:02d}"
    for last in range(1 if sex == "M" else 0, 10, 2):
        digits = f"{head}{last}"
        if not passes_modulus_11(digits):
            return digits
    raise AssertionError("unreachable: at most one last digit of each parity passes modulus 11")
