"""The portfolio (/api/v1/portfolio), with the page's filters and sorting: aar, forvaltning,
type, maal, bortfalder, sorter."""

from django.core.exceptions import PermissionDenied
from ninja import Router, Schema

from api.errors import ERRORS
from portfolio.filters import PortfolioFilters
from portfolio.rows import portfolio_rows, portfolio_sorted

router = Router(tags=["portefølje"])


class PortfolioRowOut(Schema):
    initiative: str
    name: str
    departments: str
    kind: str
    policy_goals: str
    money: float | None  # kr. in the year, multi-year frames spread evenly
    money_spread: bool
    last_funded_year: int | None
    participants: int | str  # "<5" when 1-4
    full_year_places: float | None  # hidden with the participants
    capacity: float | None
    criteria: int
    criteria_met: int  # on each criterion's latest final figure, as the status form has it
    criteria_not_met: int
    effect_state: str  # effect | no_effect | computing | not_measured
    maryland_level: int | None
    effect: float | None  # difference in shares, treated (started)
    effect_low: float | None
    effect_high: float | None
    per_success: float | None
    per_additional_success: float | None


class PortfolioOut(Schema):
    year: int
    rows: list[PortfolioRowOut]


def _number(value) -> float | None:
    return None if value is None else float(value)


@router.get("/portfolio", response={200: PortfolioOut, **ERRORS})
def portfolio(request):
    if not request.auth.has_perm("initiatives.view_initiative"):
        raise PermissionDenied
    filters = PortfolioFilters.of(request.GET)
    year = filters.chosen_year
    rows = portfolio_sorted(portfolio_rows(filters.initiatives(), year=year), filters.sort)
    out = []
    for row in rows:
        estimate = row.effect.started if row.effect and row.effect.started.is_effect else None
        out.append(
            {
                "initiative": row.initiative.slug,
                "name": row.initiative.name,
                "departments": row.departments,
                "kind": row.initiative.kind,
                "policy_goals": row.goals,
                "money": _number(row.money),
                "money_spread": row.money_spread,
                "last_funded_year": row.last_funded_year,
                "participants": row.participants,
                "full_year_places": row.full_year_places,
                "capacity": _number(row.initiative.capacity_amount),
                "criteria": row.criteria,
                "criteria_met": row.criteria_met,
                "criteria_not_met": row.criteria_not_met,
                "effect_state": row.effect_state,
                "maryland_level": row.maryland,
                "effect": estimate.effect if estimate else None,
                "effect_low": estimate.low if estimate else None,
                "effect_high": estimate.high if estimate else None,
                "per_success": _number(row.per_success),
                "per_additional_success": _number(row.per_additional),
            }
        )
    return {"year": year, "rows": out}
