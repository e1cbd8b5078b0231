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


class PolicyGoalOut(Schema):
    code: str
    title: str
    source: str
    initiatives: list[str]
    verdict: str
    verdict_label: str
    reason: str
    criteria: list[CriterionOut]
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
