"""The evidence card of an initiative (/api/v1/initiatives/{slug}/evidence), with the same
date and small-count rules as the page."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from api.errors import ERRORS
from evidence.served import evidence_card_for
from initiatives.models import Initiative

router = Router(tags=["evidens"])

Count = int | str  # "<5" or "skjult" where a count is hidden


class BalanceOut(Schema):
    covariate: str
    smd_before: float
    smd_after: float | None


class EstimateOut(Schema):
    is_effect: bool
    refusal: str  # "" | no_pool | too_few_matched | balance_fails | no_treated
    effect: float | None  # difference in shares, 0..1
    low: float | None
    high: float | None
    treated: Count
    treated_missing: Count
    matched: Count
    unmatched: Count
    comparison_effective: Count
    treated_share: float | None
    comparison_share: float | None
    naive_before_after: float | None
    balance: list[BalanceOut]


class EffectOut(Schema):
    outcome: str
    kind: str
    months: int
    maryland_level: int
    started: EstimateOut
    offered: EstimateOut


class ModeratorOut(Schema):
    dimension: str
    group: str
    treated: Count
    estimate: EstimateOut | None


class CostOut(Schema):
    year: int
    amount: float
    spread_over_years: bool
    participants: Count
    per_participant: float | None
    per_planned_place: float | None
    per_full_year_place: float | None
    successes: Count | None
    per_success: float | None
    per_additional_success: float | None
    per_additional_success_low: float | None
    per_additional_success_high: float | None


class StepOut(Schema):
    stage: str
    text: str
    criteria: list[int]


class EvidenceOut(Schema):
    initiative: str
    as_of: str
    computed_at: str
    # False: records have changed since computed_at; a new card is being computed.
    current: bool
    final: bool
    effects: list[EffectOut]
    moderators: list[ModeratorOut]
    change_theory: list[StepOut]
    costs: list[CostOut]


def _float(value) -> float | None:
    return None if value is None else float(value)


def _estimate(e) -> dict:
    return {
        "is_effect": e.is_effect,
        "refusal": str(e.refusal),
        "effect": e.effect,
        "low": e.low,
        "high": e.high,
        "treated": e.treated,
        "treated_missing": e.treated_missing,
        "matched": e.matched,
        "unmatched": e.unmatched,
        "comparison_effective": e.comparison_effective,
        "treated_share": e.treated_share,
        "comparison_share": e.comparison_share,
        "naive_before_after": e.naive,
        "balance": [
            {"covariate": b.name, "smd_before": b.before, "smd_after": b.after} for b in e.balance
        ],
    }


@router.get("/initiatives/{slug}/evidence", response={200: EvidenceOut, **ERRORS})
def evidence(request, slug: str):
    card = evidence_card_for(request.auth, get_object_or_404(Initiative, slug=slug))
    return {
        "initiative": card.initiative.slug,
        "as_of": card.as_of.isoformat(),
        "computed_at": card.computed_at.isoformat(),
        "current": card.current,
        "final": card.final,
        "effects": [
            {
                "outcome": row.outcome.key,
                "kind": row.outcome.kind,
                "months": row.outcome.months,
                "maryland_level": row.maryland,
                "started": _estimate(row.started),
                "offered": _estimate(row.offered),
            }
            for row in card.effects
        ],
        "moderators": [
            {
                "dimension": m.dimension,
                "group": m.group,
                "treated": m.treated,
                "estimate": _estimate(m.estimate) if m.estimate else None,
            }
            for m in card.moderators
        ],
        "change_theory": [
            {"stage": s.stage, "text": s.text, "criteria": [c.pk for c in s.criteria.all()]}
            for s in card.steps
        ],
        "costs": [
            {
                "year": c.year,
                "amount": float(c.amount),
                "spread_over_years": c.spread,
                "participants": c.participants,
                "per_participant": _float(c.per_participant),
                "per_planned_place": _float(c.per_planned_place),
                "per_full_year_place": _float(c.per_full_year_place),
                "successes": c.successes,
                "per_success": _float(c.per_success),
                "per_additional_success": _float(c.per_additional),
                "per_additional_success_low": _float(c.per_additional_low),
                "per_additional_success_high": _float(c.per_additional_high),
            }
            for c in card.costs
        ],
    }
