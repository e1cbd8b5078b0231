"""Outcome endpoints: an initiative's scorecard, every criterion computed live, with the same
small-count suppression as the page."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from api.errors import ERRORS
from initiatives.models import Initiative
from outcomes.permissions import card_shown_to, sees_persons
from outcomes.scorecard import GROUP_LABELS, initiative_scorecard

router = Router(tags=["resultater"])


class ResultOut(Schema):
    label: str
    numerator: int | None
    denominator: int | None
    value: float | None  # a share in 0..1, or a count
    is_share: bool
    low: float | None  # 95 % Wilson interval for shares
    high: float | None
    missing: int  # cohort members whose follow-up is missing (neither success nor failure)
    verdict: str  # met | not_met | too_early | too_little_data | no_target | not_computable
    verdict_label: str
    note: str


class CriterionResultOut(Schema):
    id: int
    text: str
    kind: str
    group: str
    group_label: str
    computed: bool  # False: a reported figure, or not computable (see explanation)
    target: str
    explanation: str
    results: list[ResultOut]


class ScorecardOut(Schema):
    initiative: str
    as_of: str
    small_counts_hidden: bool
    criteria: list[CriterionResultOut]


@router.get("/initiatives/{slug}/scorecard", response={200: ScorecardOut, **ERRORS})
def scorecard(request, slug: str):
    initiative = get_object_or_404(Initiative, slug=slug)
    today = timezone.localdate()
    user = request.auth
    cards = [
        (group, card)
        for group, cards in initiative_scorecard(
            initiative, today, final=not sees_persons(user)
        ).items()
        for card in cards
    ]
    hidden = [card_shown_to(user, card) for _, card in cards]
    criteria = [
        CriterionResultOut(
            id=card.criterion.pk,
            text=card.criterion.text,
            kind=card.criterion.kind,
            group=group,
            group_label=GROUP_LABELS[group],
            computed=card.computed,
            target=card.criterion.target_label(),
            explanation=card.explanation,
            results=[
                ResultOut(
                    **{**r.__dict__, "verdict": str(r.verdict)}, verdict_label=r.verdict_label
                )
                for r in card.results
            ],
        )
        for group, card in cards
    ]
    return ScorecardOut(
        initiative=initiative.slug,
        as_of=today.isoformat(),
        small_counts_hidden=any(hidden),
        criteria=criteria,
    )
