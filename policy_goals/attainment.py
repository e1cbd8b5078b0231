"""Whether a policy goal is reached, from the criteria that measure it: their figures exactly
as the initiatives' scorecards show them, and one verdict with its reasoning.

A criterion's latest judged figure decides: met or not met once the goal's date has passed
(or for a standing goal without a date), on track or not on track before it, judged on the
latest figures. A goal is as far as its least advanced criterion; without a judged figure it
is too early to say, and without a criterion that measures it, it is not measured."""

import copy
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from initiatives.models import Initiative, PolicyGoal, SuccessCriterion
from outcomes.measures import Verdict
from outcomes.permissions import card_shown_to, sees_persons
from outcomes.scorecard import CriterionCard, criterion_card, final_card
from policy_goals.crime_table import (
    CrimeComparison,
    comparison_verdict,
    crime_comparison,
    crime_table_years,
)


class GoalVerdict(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    NOT_ON_TRACK = "not_on_track"
    NOT_MET = "not_met"
    TOO_EARLY = "too_early"
    NOT_MEASURED = "not_measured"


GOAL_VERDICT_LABELS = {
    GoalVerdict.MET: gettext_lazy("Nået"),
    GoalVerdict.ON_TRACK: gettext_lazy("På vej"),
    GoalVerdict.NOT_ON_TRACK: gettext_lazy("Ikke på vej"),
    GoalVerdict.NOT_MET: gettext_lazy("Ikke nået"),
    GoalVerdict.TOO_EARLY: gettext_lazy("For tidligt at sige"),
    GoalVerdict.NOT_MEASURED: gettext_lazy("Ikke målt"),
}
# The goal is as far as its least advanced criterion.
LEAST_ADVANCED_FIRST = [
    GoalVerdict.NOT_MET,
    GoalVerdict.NOT_ON_TRACK,
    GoalVerdict.TOO_EARLY,
    GoalVerdict.ON_TRACK,
    GoalVerdict.MET,
]
JUDGED = (Verdict.MET, Verdict.NOT_MET)


@dataclass
class CriterionAttainment:
    criterion: SuccessCriterion
    card: CriterionCard  # as the initiative's scorecard shows it to this user
    verdict: GoalVerdict
    reason: str

    @property
    def verdict_label(self) -> str:
        return str(GOAL_VERDICT_LABELS[self.verdict])


@dataclass
class GoalAttainment:
    goal: PolicyGoal
    initiatives: list[Initiative]
    criteria: list[CriterionAttainment]
    verdict: GoalVerdict
    reason: str
    comparison: CrimeComparison | None = None  # goal c's register table, latest year

    @property
    def verdict_label(self) -> str:
        return str(GOAL_VERDICT_LABELS[self.verdict])

    def frozen(self) -> dict:
        """What a reported assessment keeps: the verdict, its reasoning and every figure."""
        return {
            "verdict": str(self.verdict),
            "verdict_label": self.verdict_label,
            "reason": self.reason,
            "comparison": None
            if self.comparison is None
            else {
                "year": self.comparison.year,
                "standardised_ratio": _ratio(self.comparison.standardised_ratio),
                "crude_ratio": _ratio(self.comparison.crude_ratio),
                "level_label": self.comparison.level_label,
            },
            "criteria": [
                {
                    "criterion": row.criterion.text,
                    "initiative": row.criterion.initiative.name,
                    "target": row.criterion.target_label(),
                    "verdict": str(row.verdict),
                    "verdict_label": row.verdict_label,
                    "reason": row.reason,
                    "results": [
                        {
                            "label": r.label,
                            "value": r.value,
                            "is_share": r.is_share,
                            "low": r.low,
                            "high": r.high,
                            "verdict_label": r.verdict_label,
                            "note": r.note,
                        }
                        for r in row.card.results
                    ],
                }
                for row in self.criteria
            ],
        }


def _ratio(ratio) -> list[float] | None:
    return None if ratio is None else [ratio.ratio, ratio.low, ratio.high]


def _latest_judged(card: CriterionCard):
    return next((r for r in reversed(card.results) if r.verdict in JUDGED), None)


def _judged_on_latest_figures(criterion: SuccessCriterion, today: date) -> CriterionCard:
    """The criterion's card as if it had no date: its latest figures against the target."""
    undated = copy.copy(criterion)
    undated.period_end = None
    return criterion_card(undated, today)


def criterion_attainment(user, criterion: SuccessCriterion, today: date) -> CriterionAttainment:
    final = not sees_persons(user)
    card = final_card(criterion, today) if final else criterion_card(criterion, today)
    card_shown_to(user, card)
    deadline = criterion.period_end
    judged = _latest_judged(card)
    if deadline is not None and today <= deadline:
        provisional = _judged_on_latest_figures(criterion, today)
        card_shown_to(user, provisional)
        judged = _latest_judged(provisional)
        if judged is None:
            return CriterionAttainment(
                criterion, card, GoalVerdict.TOO_EARLY, _("Intet tal er vurderet endnu.")
            )
        verdict = (
            GoalVerdict.ON_TRACK if judged.verdict == Verdict.MET else GoalVerdict.NOT_ON_TRACK
        )
        reason = (
            _("Seneste tal (%(label)s) når målet; fristen er %(deadline)s.")
            if verdict == GoalVerdict.ON_TRACK
            else _("Seneste tal (%(label)s) når ikke målet; fristen er %(deadline)s.")
        ) % {"label": judged.label, "deadline": f"{deadline:%d.%m.%Y}"}
        return CriterionAttainment(criterion, card, verdict, reason)
    if judged is None:
        return CriterionAttainment(
            criterion,
            card,
            GoalVerdict.TOO_EARLY,
            _("Intet tal er vurderet endnu (for tidligt eller for få data)."),
        )
    verdict = GoalVerdict.MET if judged.verdict == Verdict.MET else GoalVerdict.NOT_MET
    if deadline is None:
        reason = _("Et stående mål: seneste tal (%(label)s) vurderes «%(verdict)s».")
    else:
        reason = _("Fristen %(deadline)s er passeret: tallet %(label)s vurderes «%(verdict)s».")
    return CriterionAttainment(
        criterion,
        card,
        verdict,
        reason
        % {
            "label": judged.label,
            "verdict": judged.verdict_label,
            "deadline": f"{deadline:%d.%m.%Y}" if deadline else "",
        },
    )


def goal_attainment(user, goal: PolicyGoal, today: date) -> GoalAttainment:
    initiatives = list(goal.initiatives.prefetch_related("owning_departments").order_by("name"))
    criteria = [
        criterion_attainment(user, criterion, today)
        for criterion in goal.measuring_criteria.select_related(
            "initiative", "area__area_set"
        ).order_by("initiative__name", "position")
    ]
    comparison = None
    years = crime_table_years(goal)
    if years:
        comparison = crime_comparison(goal, years[-1])
    if comparison is not None:
        verdict, reason = comparison_verdict(comparison)
        if not criteria:
            return GoalAttainment(
                goal, initiatives, criteria, GoalVerdict(verdict), reason, comparison
            )
        least_criterion = min(criteria, key=lambda row: LEAST_ADVANCED_FIRST.index(row.verdict))
        if LEAST_ADVANCED_FIRST.index(GoalVerdict(verdict)) <= LEAST_ADVANCED_FIRST.index(
            least_criterion.verdict
        ):
            return GoalAttainment(
                goal, initiatives, criteria, GoalVerdict(verdict), reason, comparison
            )
    if not criteria:
        return GoalAttainment(
            goal,
            initiatives,
            criteria,
            GoalVerdict.NOT_MEASURED,
            _(
                "Intet succeskriterium måler målet endnu; et kriterium knyttes til målet på sin indsats."
            ),
        )
    least = min(criteria, key=lambda row: LEAST_ADVANCED_FIRST.index(row.verdict))
    reason = (
        _("Målet er, hvor dets mindst fremskredne kriterium er: «%(criterion)s» (%(verdict)s).")
        % {"criterion": least.criterion.text, "verdict": least.verdict_label}
        if len(criteria) > 1
        else least.reason
    )
    return GoalAttainment(goal, initiatives, criteria, least.verdict, reason, comparison)
