"""The committee's portfolio (seed 004, question 3: parameters and criteria for prioritising
the future effort): every initiative in one row with its money, when it lapses, its reach,
its criteria met, its best effect estimate and what a result costs. Figures as committees
see them: the last whole year, counts under 5 hidden.

The effect and cost per success come from the evidence cards already computed; a card not
yet computed is asked of the worker and shown as "beregnes" (a page of 37 initiatives never
computes 37 estimates). The ranking rule is stated beside the table and never hides an
initiative without evidence: it ranks as "ikke målt", after those with evidence."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from evidence.card import MARYLAND_COMPARISON, EffectRow
from evidence.economics import yearly_money
from evidence.records import records_version
from evidence.served import evidence_card_if_computed
from initiatives.models import Initiative
from outcomes.measures import MINIMUM_DENOMINATOR, Verdict, full_year_places
from outcomes.queries import reach_by_initiative
from outcomes.scorecard import status_attainment
from reports.disclosure import HIDDEN


@dataclass
class PortfolioRow:
    initiative: Initiative
    departments: str
    goals: str
    money: Decimal | None  # in the portfolio's year (multi-year frames spread evenly)
    money_spread: bool
    last_funded_year: int | None
    participants: int | str  # distinct persons in the year; "<5" when 1-4
    full_year_places: float | None  # None with the participants hidden: it would tell them
    criteria: int
    criteria_met: int
    criteria_not_met: int
    effect_state: str  # "effect", "no_effect" (before/after only), "computing", "not_measured"
    effect: EffectRow | None
    per_success: Decimal | None
    per_additional: Decimal | None

    @property
    def maryland(self) -> int | None:
        return self.effect.maryland if self.effect else None

    @property
    def rank_key(self) -> tuple:
        """Level-3 evidence first, cheapest additional success first; then the rest by name."""
        measured = self.maryland == MARYLAND_COMPARISON and self.per_additional is not None
        return (
            0 if measured else 1,
            self.per_additional if measured else Decimal(0),
            self.initiative.name,
        )


def portfolio_year(today: date | None = None) -> int:
    """The last whole year: its figures are final."""
    return (today or timezone.localdate()).year - 1


def _criteria_counts(initiative: Initiative, today: date) -> tuple[int, int, int]:
    """(criteria, met, not met) on each criterion's latest final figure, as heading 7 of the
    status form gives it today (whatever year the portfolio shows)."""
    rows = status_attainment(initiative, today)
    latest = [row["results"][-1]["verdict"] for row in rows if row["results"]]
    return len(rows), latest.count(Verdict.MET), latest.count(Verdict.NOT_MET)


def portfolio_rows(initiatives: QuerySet[Initiative], *, year: int) -> list[PortfolioRow]:
    today = timezone.localdate()
    start, end = date(year, 1, 1), date(year, 12, 31)
    version = records_version()
    reach = reach_by_initiative(start, end)
    rows = []
    for initiative in (
        initiatives.with_last_funded_year()
        .prefetch_related("owning_departments", "policy_goals", "fundings", "success_criteria")
        .order_by("name")
    ):
        money = yearly_money(initiative)
        amount, spread = money.get(year, (None, False))
        participants, days = reach.get(initiative.pk, (0, 0))
        hidden = 0 < participants < MINIMUM_DENOMINATOR
        card = evidence_card_if_computed(initiative, version=version) if participants else None
        effect = card.headline if card else None
        cost = next((c for c in card.costs if c.year == year), None) if card else None
        if not participants:
            state = "not_measured"
        elif card is None:
            state = "computing"
        else:
            state = "effect" if effect and effect.maryland == MARYLAND_COMPARISON else "no_effect"
        criteria, met, not_met = _criteria_counts(initiative, today)
        rows.append(
            PortfolioRow(
                initiative=initiative,
                departments=", ".join(d.code for d in initiative.owning_departments.all()),
                goals=", ".join(g.code for g in initiative.policy_goals.all()),
                money=amount,
                money_spread=spread,
                # As Bortfald reads it: the last year of any funding line, unless it runs on.
                last_funded_year=None
                if initiative.runs_without_funding
                else getattr(initiative, "last_funded_year", None),
                participants=HIDDEN if hidden else participants,
                full_year_places=None if hidden else full_year_places(days, year),
                criteria=criteria,
                criteria_met=met,
                criteria_not_met=not_met,
                effect_state=state,
                effect=effect,
                per_success=cost.per_success if cost else None,
                per_additional=cost.per_additional if cost else None,
            )
        )
    return rows


SORTABLE = {
    "navn": lambda row: row.initiative.name,
    "forvaltning": lambda row: row.departments,
    "penge": lambda row: row.money or Decimal(0),
    "bortfalder": lambda row: row.last_funded_year or 9999,
    "deltagere": lambda row: row.participants if isinstance(row.participants, int) else 0,
    "helaarspladser": lambda row: row.full_year_places or 0.0,
    "opfyldt": lambda row: row.criteria_met,
    "maryland": lambda row: row.maryland or 0,
    "pris": lambda row: row.per_success if row.per_success is not None else Decimal(10**12),
    "rang": lambda row: row.rank_key,
}


def portfolio_sorted(rows: list[PortfolioRow], key: str) -> list[PortfolioRow]:
    """By a column's key ("-" first for descending); unknown keys sort by the ranking rule."""
    descending = key.startswith("-")
    by = SORTABLE.get(key.lstrip("-"), SORTABLE["rang"])
    return sorted(rows, key=by, reverse=descending)
