"""The area rules as plain functions, each rule version a value with the date it takes
effect, so that a year's data is judged by that year's rule (DOMAIN.md section 3; seed 002).

- Area designation (the ministry's list of areas where combined letting may be used): at
  least N residents and at least one housing section with MORE than X % of its adults
  outside the labour market. Until 2010: 1,200 and 50 %; from 1 January 2010: 1,000 and 40 %.
- Combined letting: an applicant household that has received kontanthjælp, starthjælp or
  introduktionsydelse for MORE than the last six consecutive months is rejected; a rejected
  applicant at the top of a waiting list from before the scheme is offered another dwelling.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class DesignationRule:
    name: str
    takes_effect: date
    min_residents: int
    section_share_above: Decimal  # percent; a section must be strictly above it
    source: str = ""


@dataclass(frozen=True)
class LettingRule:
    name: str
    takes_effect: date
    max_consecutive_months: int  # more than this many months in a row: rejected
    benefits: frozenset[str]
    scheme_start: date  # waiting lists from before this date carry the replacement duty
    source: str = ""


def rule_in_force[R: (DesignationRule, LettingRule)](rules: Iterable[R], day: date) -> R | None:
    """The latest version that has taken effect on `day`."""
    in_force = [r for r in rules if r.takes_effect <= day]
    return max(in_force, key=lambda r: r.takes_effect) if in_force else None


@dataclass(frozen=True)
class SectionFigures:
    name: str
    adults: int
    adults_outside_labour_market: int

    @property
    def share_outside(self) -> Decimal | None:
        if self.adults == 0:
            return None
        return Decimal(100 * self.adults_outside_labour_market) / Decimal(self.adults)


@dataclass(frozen=True)
class Designation:
    qualifies: bool
    rule: DesignationRule
    reasons: tuple[str, ...]
    highest_section: SectionFigures | None


def designation_test(
    residents: int, sections: Sequence[SectionFigures], rule: DesignationRule
) -> Designation:
    """Does an area qualify for the list under `rule`? Both conditions must hold."""
    shares = [s for s in sections if s.share_outside is not None]
    highest = max(shares, key=lambda s: s.share_outside or 0) if shares else None
    big_enough = residents >= rule.min_residents
    share_above = highest is not None and (highest.share_outside or 0) > rule.section_share_above
    reasons = (
        f"{_thousands(residents)} beboere "
        + ("≥" if big_enough else "<")
        + f" {_thousands(rule.min_residents)}",
        "ingen boligafdeling med tal"
        if highest is None
        else f"højeste boligafdeling ({highest.name}) {_percent(highest.share_outside)} "
        + ("over" if share_above else "ikke over")
        + f" {_percent(rule.section_share_above)} uden for arbejdsmarkedet",
    )
    return Designation(big_enough and share_above, rule, reasons, highest)


@dataclass(frozen=True)
class LettingDecision:
    approve: bool
    consecutive_months: int
    reason: str
    replacement_dwelling_duty: bool


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def consecutive_benefit_months(
    months_received: Iterable[tuple[date, str]], before: date, benefits: frozenset[str]
) -> int:
    """How many calendar months in a row, counting back from the month before `before`, the
    household received one of `benefits`. `months_received` holds (any day in the month,
    benefit) pairs, e.g. from a benefit extract."""
    received = {_month_index(day) for day, benefit in months_received if benefit in benefits}
    month, run = _month_index(before) - 1, 0
    while month in received:
        run, month = run + 1, month - 1
    return run


def letting_check(
    *,
    months_received: Iterable[tuple[date, str]],
    applied_on: date,
    rule: LettingRule,
    on_waiting_list_since: date | None = None,
) -> LettingDecision:
    """Approve or reject an applicant household for a dwelling in a designated area."""
    run = consecutive_benefit_months(months_received, applied_on, rule.benefits)
    if run <= rule.max_consecutive_months:
        return LettingDecision(
            True,
            run,
            f"{run} måneder i træk med kontanthjælp, starthjælp eller introduktionsydelse "
            f"(højst {rule.max_consecutive_months} tilladt)",
            False,
        )
    duty = on_waiting_list_since is not None and on_waiting_list_since < rule.scheme_start
    return LettingDecision(
        False,
        run,
        f"{run} måneder i træk med kontanthjælp, starthjælp eller introduktionsydelse – mere "
        f"end de seneste {rule.max_consecutive_months}",
        duty,
    )


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _percent(value: Decimal | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}".replace(".", ",") + " %"
