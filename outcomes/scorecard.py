"""An initiative's scorecard: every success criterion computed from the records where the
catalogue makes it computable, grouped as 'how much did we do / how well did we do it / is
anyone better off' (Results-Based Accountability), with the latest reported figure where it
is not."""

from dataclasses import dataclass, field
from datetime import date

from initiatives.models import Initiative, MeasureKind, SuccessCriterion
from outcomes import queries
from outcomes.criteria import (
    DEFAULT_RECIDIVISM_MONTHS,
    criterion_terms,
    follow_up_anchor,
    follow_up_months,
)
from outcomes.measures import MeasureResult, Verdict, count_result, share_result

HOW_MUCH, HOW_WELL, BETTER_OFF = "how_much", "how_well", "better_off"
GROUP_LABELS = {
    HOW_MUCH: "Hvor meget gjorde vi?",
    HOW_WELL: "Hvor godt gjorde vi det?",
    BETTER_OFF: "Er nogen bedre stillet?",
}


@dataclass
class CriterionCard:
    criterion: SuccessCriterion
    group: str
    computed: bool
    results: list[MeasureResult] = field(default_factory=list)
    explanation: str = ""


def _period(criterion: SuccessCriterion, as_of: date) -> tuple[date, date]:
    """The criterion's own period, else the calendar year up to `as_of`."""
    if criterion.period_start and criterion.period_end and not criterion.per_year:
        return criterion.period_start, criterion.period_end
    return date(as_of.year, 1, 1), as_of


def _cohort_card(criterion: SuccessCriterion, as_of: date) -> CriterionCard:
    terms = criterion_terms(criterion.statuses)
    card = CriterionCard(criterion, BETTER_OFF, computed=True)
    initiative_id, target = criterion.initiative_id, criterion.target_value
    if terms.unknown or not (terms.statuses or terms.crime_kinds or terms.offer_kinds):
        card.computed = False
        unknown = ", ".join(terms.unknown) or "ingen statusser angivet"
        card.explanation = f"Kan ikke beregnes: kriteriets statusser kendes ikke ({unknown})."
        return card
    if terms.offer_kinds:
        start, end = _period(criterion, as_of)
        with_offer, total = queries.offer_share_counts(initiative_id, terms.offer_kinds, start, end)
        card.group = HOW_WELL
        card.results.append(
            share_result(
                label=f"{start:%d.%m.%Y}–{end:%d.%m.%Y}",
                successes=with_offer,
                observed=total,
                cohort=total,
                target_percent=target,
                direction=criterion.direction,
            )
        )
        return card
    if terms.is_recidivism:
        for months in follow_up_months(criterion.follow_up_months) or [DEFAULT_RECIDIVISM_MONTHS]:
            reoffended, size = queries.recidivism_counts(
                initiative_id=initiative_id,
                crime_kinds=terms.crime_kinds,
                months=months,
                as_of=as_of,
            )
            card.results.append(
                share_result(
                    label=f"ny sigtelse/dom inden {months} mdr.",
                    successes=reoffended,
                    observed=size,
                    cohort=size,
                    target_percent=target,
                    direction="at_most" if criterion.direction != "at_least" else "at_least",
                )
            )
        card.explanation = (
            "Andel med ny sigtelse eller dom efter start (tilbagefald); lavere er bedre."
        )
        return card
    anchor = follow_up_anchor(criterion.start_event)
    months_list = follow_up_months(criterion.follow_up_months) or [12]
    for months in months_list:
        successes, observed, size = queries.cohort_status_counts(
            initiative_id=initiative_id,
            statuses=terms.statuses,
            months=months,
            anchor=anchor,
            as_of=as_of,
        )
        card.results.append(
            share_result(
                label=f"efter {months} mdr.",
                successes=successes,
                observed=observed,
                cohort=size,
                target_percent=target,
                direction=criterion.direction,
            )
        )
    if not criterion.follow_up_months:
        card.explanation = "Kriteriet angiver intet tidspunkt; vist 12 måneder efter start."
    return card


def criterion_card(criterion: SuccessCriterion, as_of: date) -> CriterionCard:
    initiative_id, target = criterion.initiative_id, criterion.target_value
    if criterion.kind == MeasureKind.COHORT_SHARE:
        return _cohort_card(criterion, as_of)
    if criterion.kind == MeasureKind.COUNT_IN_PERIOD:
        start, end = _period(criterion, as_of)
        count = queries.distinct_participants(initiative_id, start, end)
        return CriterionCard(
            criterion,
            HOW_MUCH,
            True,
            [
                count_result(
                    label=f"{start:%d.%m.%Y}–{end:%d.%m.%Y}",
                    count=count,
                    target=target,
                    direction=criterion.direction,
                )
            ],
            "Forskellige personer med deltagelse i perioden.",
        )
    if criterion.kind == MeasureKind.STOCK_AT_TIME:
        start, end = _period(criterion, as_of)
        days = (end - start).days + 1
        average = queries.occupied_days(initiative_id, start, end) / days
        return CriterionCard(
            criterion,
            HOW_MUCH,
            True,
            [
                count_result(
                    label=f"pr. {as_of:%d.%m.%Y}",
                    count=queries.stock_on(initiative_id, as_of),
                    target=target,
                    direction=criterion.direction,
                    note=f"gennemsnit {start:%d.%m.%Y}–{end:%d.%m.%Y}: "
                    + f"{average:.1f}".replace(".", ","),
                )
            ],
            "Deltagere på dagen (bestand) og gennemsnitlig bestand i perioden.",
        )
    latest = criterion.reported_values.order_by("-reported_at", "-id").first()
    card = CriterionCard(criterion, BETTER_OFF, computed=False)
    card.explanation = (
        "Indberettet tal (beregnes ikke af systemet)." if latest else "Intet indberettet tal endnu."
    )
    if latest is not None:
        card.results.append(
            MeasureResult(
                label=f"indberettet for {latest.period}",
                numerator=None,
                denominator=None,
                value=float(latest.value),
                is_share=False,
                verdict=Verdict.NO_TARGET,
            )
        )
    return card


def initiative_scorecard(initiative: Initiative, as_of: date) -> dict[str, list[CriterionCard]]:
    groups: dict[str, list[CriterionCard]] = {HOW_MUCH: [], HOW_WELL: [], BETTER_OFF: []}
    for criterion in initiative.success_criteria.all():
        card = criterion_card(criterion, as_of)
        groups[card.group].append(card)
    return groups
