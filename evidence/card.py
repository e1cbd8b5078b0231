"""The evidence card of an initiative (EMMIE: effect, mechanism, moderators, implementation,
economic cost), computed live from the records. Figures only: the template words them.

Everyone gets every count from 1 to 4 hidden, and a subgroup's count hidden too when it alone
would give a hidden one away (secondary suppression, reports.disclosure): the people behind a
card are more than any user may see. A computed card is kept per version of the records, on
disk (settings.CACHES), so worker processes share it; evidence.served says which card a user
gets."""

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

import numpy as np
from django.core.cache import caches
from django.db import connection
from django.db.models import Count, F, Q
from django.utils import timezone

from evidence import economics
from evidence.estimators import Design, Estimate, matched_effect, propensity_logit
from evidence.records import (
    MODERATORS,
    Analysis,
    Outcome,
    PersonRecords,
    analysis_build,
    initiative_outcomes,
    no_person_records,
    outcome_values,
    person_records_load,
    treated_index_dates,
)
from initiatives.models import Initiative
from outcomes import queries
from outcomes.measures import MINIMUM_DENOMINATOR, full_year_places
from outcomes.models import FollowUp, FollowUpOutcome, Participation
from outcomes.queries import AddDays
from reports.disclosure import HIDDEN, suppress_rows

MARYLAND_COMPARISON, MARYLAND_BEFORE_AFTER, MARYLAND_NONE = 3, 2, 1
ON_TIME_DAYS = 31  # a follow-up resolved within a month of its due date is on time
CACHE_SECONDS = 24 * 3600
LATEST_SECONDS = 30 * 24 * 3600  # a card older than a month is computed while the user waits


@dataclass
class EffectRow:
    outcome: Outcome
    offered: Estimate  # intention to treat: everyone offered, from the offer
    started: Estimate  # treated: everyone who started, from the start

    @property
    def maryland(self) -> int:
        if self.started.is_effect or self.offered.is_effect:
            return MARYLAND_COMPARISON
        return MARYLAND_BEFORE_AFTER if self.started.naive is not None else MARYLAND_NONE


@dataclass
class ModeratorRow:
    dimension: str
    group: str
    treated: int | str
    estimate: Estimate | None  # None: too few for an estimate


@dataclass
class Implementation:
    capacity: Decimal | None
    capacity_unit: str
    places_used: int | str
    full_year_places: float
    follow_ups_due: int | str
    on_time: int | str
    late: int | str
    unreachable: int | str
    missing: int | str  # due and never resolved


@dataclass
class EvidenceCard:
    initiative: Initiative
    as_of: date
    computed_at: datetime
    final: bool
    participants: int | str
    effects: list[EffectRow]
    moderators: list[ModeratorRow]
    headline: EffectRow | None
    implementation: Implementation
    costs: list[economics.YearCost]
    steps: list = field(default_factory=list)
    version: str = ""  # of the records it was computed on (evidence.records.records_version)
    current: bool = True  # False: records changed since; a new card is being computed

    @property
    def has_effect(self) -> bool:
        return any(row.maryland == MARYLAND_COMPARISON for row in self.effects)


def _design(
    analysis: Analysis, propensity, values: np.ndarray, baseline: np.ndarray, rows=None
) -> Design:
    pick = slice(None) if rows is None else rows
    return Design(
        treated=analysis.treated[pick],
        covariates=analysis.covariates[pick],
        names=analysis.names,
        outcome=values[pick],
        stratum=analysis.stratum[pick],
        unit=analysis.person[pick],
        baseline=baseline[pick],
        propensity=None if propensity is None else propensity[pick],
    )


def _propensity(analysis: Analysis) -> np.ndarray | None:
    """One propensity fit per analysis, shared by its outcomes and subgroups."""
    if analysis.treated.all() or not analysis.treated.any():
        return None
    return propensity_logit(analysis.covariates, analysis.treated)


def _moderators(
    analysis: Analysis, propensity, values: np.ndarray, baseline: np.ndarray
) -> list[ModeratorRow]:
    rows = []
    observed_treated = analysis.treated & ~np.isnan(values)
    for dimension in MODERATORS:
        labels = np.array(analysis.groups[dimension])
        for group in sorted(set(labels[analysis.treated].tolist()), key=_group_order):
            in_group = labels == group
            treated = int((observed_treated & in_group).sum())
            estimate = None
            if treated >= 30:
                estimate = matched_effect(_design(analysis, propensity, values, baseline, in_group))
            rows.append(ModeratorRow(dimension, group, treated, estimate))
    return rows


def _group_order(label: str) -> tuple:
    head = label.split("-")[0].rstrip("+")
    return (0, int(head)) if head.isdigit() else (1, label)


def _implementation(initiative: Initiative, as_of: date) -> Implementation:
    """Capacity used and follow-up fidelity: a follow-up is on time when its status was
    observed (or it was closed) within ON_TIME_DAYS of its due date."""
    deadline = AddDays(F("due_on"), ON_TIME_DAYS)
    resolved = ~Q(outcome=FollowUpOutcome.DUE)
    on_time = resolved & (
        Q(observation__observed_on__lte=deadline)
        | Q(observation__isnull=True, resolved_at__isnull=True)
        | Q(observation__isnull=True, resolved_at__date__lte=deadline)
    )
    counts = FollowUp.objects.filter(
        participation__initiative=initiative, due_on__lte=as_of
    ).aggregate(
        total=Count("pk"),
        resolved=Count("pk", filter=resolved),
        on_time=Count("pk", filter=on_time),
        unreachable=Count("pk", filter=Q(outcome=FollowUpOutcome.UNREACHABLE)),
    )
    year_start = as_of.replace(month=1, day=1)
    return Implementation(
        capacity=initiative.capacity_amount,
        capacity_unit=initiative.get_capacity_unit_display() if initiative.capacity_unit else "",
        places_used=queries.stock_on(initiative.pk, as_of),
        full_year_places=full_year_places(
            queries.occupied_days(initiative.pk, year_start, as_of), as_of.year
        ),
        follow_ups_due=counts["total"],
        on_time=counts["on_time"],
        late=counts["resolved"] - counts["on_time"],
        unreachable=counts["unreachable"],
        missing=counts["total"] - counts["resolved"],
    )


def _costs(
    initiative: Initiative,
    as_of: date,
    headline: EffectRow | None,
    analysis: Analysis | None,
    values: np.ndarray | None,
) -> list[economics.YearCost]:
    rows = []
    for year, (amount, spread) in sorted(economics.yearly_money(initiative).items()):
        if year > as_of.year or amount <= 0:
            continue
        start, end = date(year, 1, 1), min(date(year, 12, 31), as_of)
        participants = queries.distinct_participants(initiative.pk, start, end)
        places = full_year_places(queries.occupied_days(initiative.pk, start, end), year)
        successes = starters = None
        if analysis is not None and values is not None:
            in_year = (analysis.index_years == year) & analysis.treated
            starters = int(in_year.sum())
            successes = int(np.nansum(values[in_year])) if starters else None
        capacity = initiative.capacity_amount
        cost = economics.YearCost(
            year=year,
            amount=amount,
            spread=spread,
            participants=participants,
            per_participant=economics.cost_per(amount, participants),
            capacity=capacity,
            per_planned_place=economics.cost_per(amount, float(capacity)) if capacity else None,
            full_year_places=places,
            per_full_year_place=economics.cost_per(amount, places),
            successes=successes,
            per_success=economics.cost_per(amount, successes),
        )
        estimate = headline.started if headline else None
        if estimate is not None and estimate.is_effect and starters:
            extra, each, cheapest, dearest = economics.additional_cost(
                amount, starters, estimate.effect, estimate.low, estimate.high
            )
            cost = replace(
                cost,
                additional=extra,
                per_additional=each,
                per_additional_low=cheapest,
                per_additional_high=dearest,
            )
        rows.append(cost)
    return rows


def evidence_card_compute(
    initiative: Initiative, *, as_of: date, records: PersonRecords | None = None
) -> EvidenceCard:
    if records is None:
        offered_anyone = treated_index_dates(initiative, offered=True, as_of=as_of)
        records = person_records_load() if offered_anyone else no_person_records()
    started = analysis_build(records, initiative, offered=False, as_of=as_of)
    offered = analysis_build(records, initiative, offered=True, as_of=as_of)
    # Where nobody was offered before starting, intention to treat is the same analysis.
    same = np.array_equal(started.person, offered.person) and np.array_equal(
        started.index, offered.index
    )
    propensity = {"started": _propensity(started)}
    propensity["offered"] = propensity["started"] if same else _propensity(offered)
    effects, measured = [], {}
    for outcome in initiative_outcomes(initiative):
        values, baseline = outcome_values(records, started, outcome, as_of=as_of)
        measured[outcome.key] = (values, baseline)
        on_started = matched_effect(_design(started, propensity["started"], values, baseline))
        if same:
            on_offered = on_started
        else:
            offered_values, offered_baseline = outcome_values(
                records, offered, outcome, as_of=as_of
            )
            on_offered = matched_effect(
                _design(offered, propensity["offered"], offered_values, offered_baseline)
            )
        effects.append(EffectRow(outcome, offered=on_offered, started=on_started))
    # The headline is the initiative's first own status criterion, else the first measure.
    headline = next((row for row in effects if row.outcome.kind == "status"), None)
    headline = headline or (effects[0] if effects else None)
    moderators = (
        _moderators(started, propensity["started"], *measured[headline.outcome.key])
        if headline
        else []
    )
    status_headline = headline if headline and headline.outcome.kind == "status" else None
    participants = (
        Participation.objects.filter(initiative=initiative, started_on__lte=as_of)
        .values("person_id")
        .distinct()
        .count()
    )
    return EvidenceCard(
        initiative=initiative,
        as_of=as_of,
        computed_at=timezone.now(),
        final=False,
        participants=participants,
        effects=effects,
        moderators=moderators,
        headline=headline,
        implementation=_implementation(initiative, as_of),
        costs=_costs(
            initiative,
            as_of,
            status_headline,
            started,
            measured[status_headline.outcome.key][0] if status_headline else None,
        ),
    )


def _hide(count: int | str) -> int | str:
    return HIDDEN if isinstance(count, int) and 0 < count < MINIMUM_DENOMINATOR else count


def _estimate_without_small_counts(estimate: Estimate) -> Estimate:
    """Counts under 5 hidden. The treated compared and those without a comparable person add
    up to the treated measured, which the subgroups' counts give away: where one of the two
    is hidden, so is the other (reports.disclosure's secondary suppression)."""
    split = suppress_rows({"": {"matched": estimate.matched, "unmatched": estimate.unmatched}})[""]
    return replace(
        estimate,
        matched=split["matched"],
        unmatched=split["unmatched"],
        **{
            name: _hide(getattr(estimate, name))
            for name in (
                "treated",
                "treated_missing",
                "pool",
                "pool_missing",
                "naive_people",
                "comparison_effective",
            )
        },
    )


def _cost_without_small_counts(cost: economics.YearCost) -> economics.YearCost:
    """A hidden count hides the cost per unit too (amount ÷ cost would give it back)."""
    participants = _hide(cost.participants)
    successes = _hide(cost.successes) if cost.successes is not None else None
    return replace(
        cost,
        participants=participants,
        per_participant=cost.per_participant if participants == cost.participants else None,
        successes=successes,
        per_success=cost.per_success if successes == cost.successes else None,
    )


def without_small_counts(card: EvidenceCard) -> EvidenceCard:
    """The card with every count under 5 hidden, and one more subgroup count hidden in any
    dimension where exactly one is (so it cannot be worked out from the total). Everyone gets
    it so: the people behind a card are more than anyone may see."""
    effects = [
        EffectRow(
            row.outcome,
            _estimate_without_small_counts(row.offered),
            _estimate_without_small_counts(row.started),
        )
        for row in card.effects
    ]
    # Each dimension's subgroups add up to the participants measured: the scorecards' rule
    # (reports.disclosure) hides one more where one alone would be hidden.
    shown = suppress_rows(
        {
            dimension: {r.group: r.treated for r in card.moderators if r.dimension == dimension}
            for dimension in MODERATORS
        }
    )
    moderators = []
    for r in card.moderators:
        count = shown[r.dimension][r.group]
        estimate = _estimate_without_small_counts(r.estimate) if r.estimate else None
        moderators.append(
            ModeratorRow(r.dimension, r.group, count, estimate if count == r.treated else None)
        )
    imp = card.implementation
    implementation = replace(
        imp,
        places_used=_hide(imp.places_used),
        follow_ups_due=_hide(imp.follow_ups_due),
        on_time=_hide(imp.on_time),
        late=_hide(imp.late),
        unreachable=_hide(imp.unreachable),
        missing=_hide(imp.missing),
    )
    costs = [_cost_without_small_counts(c) for c in card.costs]
    headline = next(
        (e for e in effects if card.headline and e.outcome == card.headline.outcome), None
    )
    return replace(
        card,
        participants=_hide(card.participants),
        effects=effects,
        moderators=moderators,
        headline=headline,
        implementation=implementation,
        costs=costs,
    )


def card_cache_key(initiative: Initiative, as_of: date, version: str) -> str:
    """Where the card computed on `version` of the records is kept; `version` "latest" keeps
    the last one computed, served while a newer one is computed."""
    database = connection.settings_dict["NAME"]
    return f"evidence:{database}:{initiative.pk}:{initiative.version}:{as_of}:{version}"


def evidence_card_store(
    initiative: Initiative, *, as_of: date, version: str, records: PersonRecords | None = None
) -> EvidenceCard:
    """Compute the card and keep it under `version` (read before computing: a record that
    changes meanwhile makes a newer version, so it is computed again) and as the latest."""
    card = evidence_card_compute(initiative, as_of=as_of, records=records)
    card.version = version
    cache = caches["evidence"]
    cache.set(card_cache_key(initiative, as_of, version), card, CACHE_SECONDS)
    cache.set(card_cache_key(initiative, as_of, "latest"), card, LATEST_SECONDS)
    return card
