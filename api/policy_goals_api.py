"""A policy goal (/api/v1/policy-goals/{code}): its contributing initiatives, the figures of
the criteria that measure it (as the scorecards show them to the caller), the verdict with
its reasoning, and the departments' reported assessments."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from api.errors import ERRORS
from initiatives.models import PolicyGoal
from policy_goals.attainment import goal_attainment

router = Router(tags=["politiske mål"])


class FigureOut(Schema):
    label: str
    numerator: int | None
    denominator: int | None
    value: float | None
    is_share: bool
    low: float | None
    high: float | None
    verdict: str
    note: str


class CriterionOut(Schema):
    id: int
    text: str
    initiative: str
    target: str
    deadline: str | None
    verdict: str
    reason: str
    figures: list[FigureOut]


class AssessmentOut(Schema):
    department: str
    text: str
    reported_at: str
    verdict_when_reported: str


class RatioOut(Schema):
    ratio: float
    low: float
    high: float


class OriginOut(Schema):
    origin: str
    persons: int
    charges: int
    convictions: int
    charges_per_1000_crude: float
    charges_per_1000_standardised: float
    convictions_per_1000_standardised: float
    dropped_charges: int | str | None  # "<5" when 1-4


class ComparisonOut(Schema):
    """Goal c: young immigrants and descendants against Danish-origin young people."""

    year: int
    strata: list[str]  # merged strata joined with " + "
    origins: list[OriginOut]
    crude_ratio: RatioOut | None
    standardised_ratio: RatioOut | None
    convictions_standardised_ratio: RatioOut | None
    tolerance: float
    level: str


class PolicyGoalOut(Schema):
    code: str
    title: str
    source: str
    initiatives: list[str]
    verdict: str
    verdict_label: str
    reason: str
    criteria: list[CriterionOut]
    comparison: ComparisonOut | None
    assessments: list[AssessmentOut]


@router.get("/policy-goals/{code}", response={200: PolicyGoalOut, **ERRORS})
def policy_goal(request, code: str):
    if not request.auth.has_perm("policy_goals.view_goal"):
        raise PermissionDenied
    goal = get_object_or_404(PolicyGoal, code=code)
    attainment = goal_attainment(request.auth, goal, timezone.localdate())
    return {
        "code": goal.code,
        "title": goal.title,
        "source": goal.source,
        "initiatives": [initiative.slug for initiative in attainment.initiatives],
        "verdict": str(attainment.verdict),
        "verdict_label": attainment.verdict_label,
        "reason": attainment.reason,
        "criteria": [
            {
                "id": row.criterion.pk,
                "text": row.criterion.text,
                "initiative": row.criterion.initiative.slug,
                "target": row.criterion.target_label(),
                "deadline": row.criterion.period_end.isoformat()
                if row.criterion.period_end
                else None,
                "verdict": str(row.verdict),
                "reason": row.reason,
                "figures": [
                    {
                        "label": r.label,
                        "numerator": r.numerator,
                        "denominator": r.denominator,
                        "value": r.value,
                        "is_share": r.is_share,
                        "low": r.low,
                        "high": r.high,
                        "verdict": str(r.verdict),
                        "note": r.note,
                    }
                    for r in row.card.results
                ],
            }
            for row in attainment.criteria
        ],
        "comparison": _comparison(attainment.comparison),
        # Drafts are the department's own work in progress; what is reported is public.
        "assessments": [
            {
                "department": a.department.code,
                "text": a.text,
                "reported_at": a.reported_at.isoformat(),
                "verdict_when_reported": a.frozen["verdict"],
            }
            for a in goal.assessments.exclude(reported_at=None).select_related("department")
        ],
    }


def _ratio(ratio):
    return None if ratio is None else {"ratio": ratio.ratio, "low": ratio.low, "high": ratio.high}


def _comparison(comparison):
    if comparison is None:
        return None
    return {
        "year": comparison.year,
        "strata": [s.label for s in comparison.strata],
        "origins": [
            {
                "origin": g.origin,
                "persons": g.persons,
                "charges": g.charges,
                "convictions": g.convictions,
                "charges_per_1000_crude": 1000 * g.crude.value,
                "charges_per_1000_standardised": 1000 * g.standardised.value,
                "convictions_per_1000_standardised": 1000 * g.convictions_standardised.value,
                "dropped_charges": g.dropped,
            }
            for g in (comparison.immigrant, comparison.danish)
        ],
        "crude_ratio": _ratio(comparison.crude_ratio),
        "standardised_ratio": _ratio(comparison.standardised_ratio),
        "convictions_standardised_ratio": _ratio(comparison.convictions_ratio),
        "tolerance": comparison.tolerance,
        "level": str(comparison.level),
    }
