"""Budget tables: initiative (or department, or source) × year, with totals, and the check of a
document's stated totals against the sum of their parts.

Pure functions over already aggregated figures; the database does the summing
(`initiatives/queries.py`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal("0")
MILLION = Decimal("1000000")


@dataclass
class BudgetRow:
    key: str
    label: str
    by_year: dict[int, Decimal] = field(default_factory=dict)
    multi_year: list[tuple[str, Decimal]] = field(default_factory=list)
    stated_total: Decimal | None = None
    printed_total: str = ""
    url: str = ""

    def total(self, years: Iterable[int]) -> Decimal:
        return sum((self.by_year.get(y, ZERO) for y in years), ZERO) + sum(
            (amount for _, amount in self.multi_year), ZERO
        )


@dataclass
class BudgetTable:
    years: list[int]
    rows: list[BudgetRow]
    stated_column_totals: dict[int, tuple[Decimal, str]] = field(default_factory=dict)
    stated_grand_total: tuple[Decimal, str] | None = None

    def column_total(self, year: int) -> Decimal:
        return sum((row.by_year.get(year, ZERO) for row in self.rows), ZERO)

    def annual_grand_total(self) -> Decimal:
        """The sum of the year columns; multi-year grants are not part of any year."""
        return sum((self.column_total(y) for y in self.years), ZERO)

    def multi_year_total(self) -> Decimal:
        return sum((amount for row in self.rows for _, amount in row.multi_year), ZERO)


def build_budget_table(
    *,
    years: list[int],
    labels: dict[str, str],
    annual: Iterable[tuple[str, int, Decimal]],
    multi_year: Iterable[tuple[str, str, Decimal]] = (),
) -> BudgetTable:
    """Arrange (row key, year, amount) sums and (row key, years label, amount) spans into a table.

    Rows keep the order of `labels`; a row with no money in the range is still shown.
    """
    rows = {key: BudgetRow(key=key, label=label) for key, label in labels.items()}
    for key, year, amount in annual:
        if year in years and key in rows:
            row = rows[key]
            row.by_year[year] = row.by_year.get(year, ZERO) + amount
    for key, span, amount in multi_year:
        if key in rows:
            rows[key].multi_year.append((span, amount))
    return BudgetTable(years=years, rows=list(rows.values()))


def printed_precision(printed: str) -> Decimal:
    """The precision of a figure as printed in Danish, in its own unit: '33,225' -> 0.001, '41 mio.' -> 1."""
    digits = printed.replace("mio.", "").replace("ca.", "").replace("*", "").strip()
    if "," in digits:
        decimals = len(digits.split(",")[1].strip())
        return Decimal(1).scaleb(-decimals)
    return Decimal(1)


def discrepancy(
    *, stated: Decimal, computed: Decimal, printed: str = "", unit: Decimal = MILLION
) -> Decimal | None:
    """How much a stated total differs from the sum of its parts, or None when it agrees.

    A total printed with fewer decimals (e.g. 'ca. 31,9' mio.) agrees when the sum rounds to
    it; anything beyond half the printed precision is a real discrepancy.
    """
    tolerance = printed_precision(printed) * unit / 2 if printed else Decimal("0.005")
    difference = stated - computed
    return None if abs(difference) < tolerance else difference


def format_million(amount: Decimal | None, decimals: int = 3) -> str:
    """Kroner as million DKK in Danish notation, without needless zeros: 1666667 -> '1,667'."""
    if amount is None:
        return ""
    value = (amount / MILLION).quantize(Decimal(1).scaleb(-decimals))
    text = f"{value:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
        if "," not in text:
            text += ",0"
    return text


def format_kroner(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    text = f"{amount.quantize(Decimal(1)):,}"
    return text.replace(",", ".")
