"""An initiative's scorecard: every success criterion computed from the records where the
catalogue makes it computable, grouped as 'how much did we do / how well did we do it / is
anyone better off' (Results-Based Accountability), with the latest reported figure where it
is not. The same computation restricted to one calendar year at a time gives a criterion's
trend, and each computed figure can name the people behind it (the drill-down)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db.models.functions import ExtractYear

from areas.housing_goals import (
    housing_figure_years,
    new_vulnerable_areas,
    outside_labour_market_change,
)
from areas.models import AreaKind
from areas.safety import difference
from areas.safety_queries import safety_history
from cases.queries import ssp_case_persons
from initiatives.models import Initiative, MeasureKind, SuccessCriterion, TargetUnit
from outcomes import queries, ssp_resources
from outcomes.criteria import (
    DEFAULT_FOLLOW_UP_MONTHS,
    DEFAULT_RECIDIVISM_MONTHS,
    HOUSING_MEASURES,
    OBSERVATION_WINDOW_DAYS,
    activity_terms,
    area_measures,
    criterion_terms,
    days_after,
    follow_up_anchor,
    follow_up_months,
)
from outcomes.measures import (
    MeasureResult,
    Verdict,
    compared_with_baseline,
    count_result,
    share_result,
    without_small_counts,
)

HOW_MUCH, HOW_WELL, BETTER_OFF = "how_much", "how_well", "better_off"
GROUP_LABELS = {
    HOW_MUCH: "Hvor meget gjorde vi?",
    HOW_WELL: "Hvor godt gjorde vi det?",
    BETTER_OFF: "Er nogen bedre stillet?",
}
TREND_YEARS = 6
COHORT_NOTE = "Kohorten: dem, hvis måletidspunkt faldt inden for de seneste 12 måneder."
# (person id, 'success' | 'other' | 'missing') for each person behind a figure.
Members = Callable[[], list[tuple[int, str]]]
Period = tuple[date, date]


@dataclass
class CriterionCard:
    criterion: SuccessCriterion
    group: str
    computed: bool
    results: list[MeasureResult] = field(default_factory=list)
    explanation: str = ""
    # Parallel to `results`: how to list the people behind each figure (None: no persons,
    # e.g. survey answers or activities).
    members: list[Members | None] = field(default_factory=list)

    def add(self, result: MeasureResult, members: Members | None = None) -> None:
        self.results.append(result)
        self.members.append(members)

    @property
    def rows(self) -> list[tuple[int, MeasureResult, bool]]:
        """(index, result, has a drill-down) for the template."""
        return [(i, r, self.members[i] is not None) for i, r in enumerate(self.results)]


def latest_cohort(as_of: date, months: int) -> Period:
    """Today's cohort for a figure k months after the anchor: those whose measuring point fell
    within the last 12 months. (All history would blur change and grow with the years; the
    criterion's page shows every year.)"""
    measured_by = as_of - timedelta(days=days_after(months))
    return measured_by - timedelta(days=364), measured_by


def _span(start: date, end: date) -> str:
    return f"{start:%d.%m.%Y}–{end:%d.%m.%Y}"


def year_period(year: int, as_of: date) -> Period:
    return date(year, 1, 1), min(date(year, 12, 31), as_of)


def _own_period(criterion: SuccessCriterion) -> Period | None:
    if criterion.period_start and criterion.period_end and not criterion.per_year:
        return criterion.period_start, criterion.period_end
    return None


# Set while a lapsed initiative's last figures are computed: they are final, so no period of
# theirs is still running and no later year is added to one that has ended.
_final_figures: ContextVar[bool] = ContextVar("final_figures", default=False)


@contextmanager
def _as_final_figures() -> Iterator[None]:
    token = _final_figures.set(True)
    try:
        yield
    finally:
        _final_figures.reset(token)


def _running(period: Period, as_of: date) -> bool:
    return period[1] >= as_of and not _final_figures.get()


def _count_periods(criterion: SuccessCriterion, as_of: date) -> list[Period]:
    """A count's periods: the criterion's own period (if it has one) and, when that is over,
    the same target for the current year to date; otherwise the current year to date."""
    own = _own_period(criterion)
    current = year_period(as_of.year, as_of)
    if own is None:
        return [current]
    return [own] if own[1] >= as_of or _final_figures.get() else [own, current]


def participation_scope(criterion: SuccessCriterion) -> queries.Scope:
    """The participations a criterion counts: all of its initiative's, or the one stream it
    names by channel and age band at the start."""
    if not criterion.channel and criterion.age_min is None and criterion.age_max is None:
        return criterion.initiative_id
    return queries.Stream(
        criterion.initiative_id, criterion.channel, criterion.age_min, criterion.age_max
    )


def _no_records_before(scope: queries.Scope, period: Period) -> bool:
    first = queries.first_record_year(scope)
    return first is None or first > period[1].year


def _count_card(criterion: SuccessCriterion, as_of: date, year: int | None) -> CriterionCard:
    card = CriterionCard(
        criterion, HOW_MUCH, True, explanation="Forskellige personer med deltagelse i perioden."
    )
    scope = participation_scope(criterion)
    periods = [year_period(year, as_of)] if year else _count_periods(criterion, as_of)
    for start, end in periods:
        count = queries.distinct_participants(scope, start, end)
        result = count_result(
            label=_span(start, end),
            count=count,
            target=criterion.target_value,
            direction=criterion.direction,
            period_running=_running((start, end), as_of),
        )
        if count == 0 and _no_records_before(scope, (start, end)):
            result = MeasureResult(
                _span(start, end),
                None,
                None,
                None,
                False,
                verdict=Verdict.TOO_LITTLE_DATA,
                note="Ingen registreringer fra perioden i systemet.",
            )
        card.add(
            result,
            lambda s=start, e=end: queries.participant_members(scope, s, e),
        )
    return card


def _stock_card(criterion: SuccessCriterion, as_of: date, year: int | None) -> CriterionCard:
    card = CriterionCard(
        criterion,
        HOW_MUCH,
        True,
        explanation="Deltagere på dagen (bestand) og gennemsnitlig bestand i perioden.",
    )
    scope = participation_scope(criterion)
    start, end = year_period(year or as_of.year, as_of)
    average = queries.occupied_days(scope, start, end) / ((end - start).days + 1)
    card.add(
        count_result(
            label=f"pr. {end:%d.%m.%Y}",
            count=queries.stock_on(scope, end),
            target=criterion.target_value,
            direction=criterion.direction,
            note=f"gennemsnit {_span(start, end)}: " + f"{average:.1f}".replace(".", ","),
        ),
        lambda: queries.participant_members(scope, end, end),
    )
    return card


def _activity_card(criterion: SuccessCriterion, as_of: date, year: int | None) -> CriterionCard:
    terms = activity_terms(criterion.statuses)
    if terms.unknown:
        return CriterionCard(
            criterion,
            HOW_MUCH,
            False,
            explanation="Kan ikke beregnes: ukendte aktiviteter eller målgrupper "
            f"({', '.join(terms.unknown)}).",
        )
    reached = criterion.target_unit == TargetUnit.PEOPLE
    card = CriterionCard(
        criterion,
        HOW_MUCH,
        True,
        explanation="Deltagere i registrerede aktiviteter."
        if reached
        else "Antal registrerede aktiviteter.",
    )
    periods = [year_period(year, as_of)] if year else _count_periods(criterion, as_of)
    for start, end in periods:
        total = queries.activity_total(
            criterion.initiative_id, terms.kinds, terms.audiences, start, end, attendees=reached
        )
        # Activities reach people who are not registered one by one: no small counts to hide.
        card.add(
            count_result(
                label=_span(start, end),
                count=total,
                target=criterion.target_value,
                direction=criterion.direction,
                period_running=_running((start, end), as_of),
                identifies_people=False,
            )
        )
    return card


def _survey_card(criterion: SuccessCriterion, as_of: date, year: int | None) -> CriterionCard:
    years = sorted(
        set(
            criterion.survey_answers.annotate(year=ExtractYear("answered_on")).values_list(
                "year", flat=True
            )
        )
    )
    if year is None and not years:
        card = _reported_card(criterion)
        card.explanation = ("Ingen spørgeskemasvar importeret endnu. " + card.explanation).strip()
        return card
    card = CriterionCard(
        criterion,
        BETTER_OFF,
        True,
        explanation="Andel af de importerede spørgeskemasvar, der svarer ja.",
    )
    start, end = year_period(year or years[-1], as_of)
    agreeing, answers = queries.survey_counts(criterion.pk, start, end)
    card.add(
        share_result(
            label=f"svar {_span(start, end)}",
            successes=agreeing,
            observed=answers,
            cohort=answers,
            target_percent=criterion.target_value,
            direction=criterion.direction,
        )
    )
    return card


def _unknown_terms_card(criterion: SuccessCriterion, unknown: tuple[str, ...]) -> CriterionCard:
    card = CriterionCard(criterion, BETTER_OFF, computed=False)
    listed = ", ".join(unknown) or "ingen statusser angivet"
    card.explanation = f"Kan ikke beregnes: kriteriets statusser kendes ikke ({listed})."
    return card


def _cohort_card(criterion: SuccessCriterion, as_of: date, year: int | None) -> CriterionCard:
    terms = criterion_terms(criterion.statuses)
    if terms.unknown or not (terms.statuses or terms.crime_kinds or terms.offer_kinds):
        return _unknown_terms_card(criterion, terms.unknown)
    scope, target = participation_scope(criterion), criterion.target_value
    period = year_period(year, as_of) if year else None
    card = CriterionCard(criterion, BETTER_OFF, computed=True)
    if terms.offer_kinds:
        start, end = period or _own_period(criterion) or year_period(as_of.year, as_of)
        with_offer, total = queries.offer_share_counts(scope, terms.offer_kinds, start, end)
        card.group = HOW_WELL
        card.add(
            share_result(
                label=_span(start, end),
                successes=with_offer,
                observed=total,
                cohort=total,
                target_percent=target,
                direction=criterion.direction,
            ),
            lambda: queries.offer_members(scope, terms.offer_kinds, start, end),
        )
        return card
    months_list = follow_up_months(criterion.follow_up_months)
    if terms.is_recidivism:
        _crime_results(card, terms.crime_kinds, months_list, as_of, period)
        return card
    anchor = follow_up_anchor(criterion.start_event)
    # 'Rises'/'falls' without a target: compare with the same cohort's status at the anchor.
    compare_with_start = criterion.direction in ("increase", "decrease")
    baseline: float | None = None
    months_list = months_list or [DEFAULT_FOLLOW_UP_MONTHS]
    for months in ([0] if compare_with_start else []) + months_list:
        # The baseline is taken on the cohort of the last measurement: the same people.
        measured = months or months_list[-1]
        counts = dict(
            scope=scope,
            statuses=terms.statuses,
            months=months,
            anchor=anchor,
            as_of=as_of if months else as_of - timedelta(days=days_after(measured)),
            period=period or latest_cohort(as_of, measured),
        )
        successes, observed, size = queries.cohort_status_counts(**counts)
        result = share_result(
            label=f"efter {months} mdr." if months else "ved start (samme personer)",
            successes=successes,
            observed=observed,
            cohort=size,
            target_percent=target,
            direction=criterion.direction,
        )
        if compare_with_start:
            result, baseline = compared_with_baseline(result, baseline, criterion.direction)
        card.add(result, lambda c=counts: queries.cohort_status_members(**c))
    card.explanation = COHORT_NOTE if year is None else ""
    if not criterion.follow_up_months:
        card.explanation += " Kriteriet angiver intet tidspunkt; vist 12 måneder efter start."
    return card


def _crime_results(
    card: CriterionCard,
    crime_kinds: frozenset[str],
    months_list: list[int],
    as_of: date,
    period: Period | None,
) -> None:
    """Recidivism (a share with a new charge or conviction within k months, against a target),
    or, for 'crime falls', the same people's share in the k months before and after the start."""
    criterion = card.criterion
    for months in months_list or [DEFAULT_RECIDIVISM_MONTHS]:
        counts = dict(
            scope=participation_scope(criterion),
            crime_kinds=crime_kinds,
            months=months,
            as_of=as_of,
            period=period or latest_cohort(as_of, months),
        )
        if criterion.direction != "decrease":
            reoffended, size = queries.recidivism_counts(**counts)
            card.add(
                share_result(
                    label=f"ny sigtelse/dom inden {months} mdr.",
                    successes=reoffended,
                    observed=size,
                    cohort=size,
                    target_percent=criterion.target_value,
                    direction="at_least" if criterion.direction == "at_least" else "at_most",
                ),
                lambda c=counts: queries.crime_members(**c),
            )
            continue
        before, after, size = queries.crime_before_after_counts(**counts)
        shown_before = share_result(
            label=f"{months} mdr. før start",
            successes=before,
            observed=size,
            cohort=size,
            target_percent=None,
            direction="decrease",
        )
        shown_after = share_result(
            label=f"{months} mdr. efter start",
            successes=after,
            observed=size,
            cohort=size,
            target_percent=None,
            direction="decrease",
        )
        shown_after, _ = compared_with_baseline(shown_after, shown_before.value, "decrease")
        card.add(shown_before, lambda c=counts: queries.crime_members(**c, before=True))
        card.add(shown_after, lambda c=counts: queries.crime_members(**c))
    card.explanation = "Andel med ny anholdelse, sigtelse eller dom (politiets registreringer)."
    if period is None:
        card.explanation += " " + COHORT_NOTE


def _reported_card(criterion: SuccessCriterion) -> CriterionCard:
    latest = criterion.reported_values.order_by("-reported_at", "-id").first()
    card = CriterionCard(criterion, BETTER_OFF, computed=False)
    if criterion.kind == MeasureKind.AREA_VS_CITY:
        card.explanation = (
            "Områdemål: kobles kriteriet til et område med et mål (tryg, nat, anmeldelser …), "
            "beregnes det ud fra tryghedsindekset; indtil da indberettet tal."
        )
    elif latest:
        card.explanation = "Indberettet tal (beregnes ikke af systemet)."
    else:
        card.explanation = "Intet indberettet tal endnu."
    if latest is not None:
        card.add(
            MeasureResult(
                label=f"indberettet for {latest.period}",
                numerator=None,
                denominator=None,
                value=float(latest.value),
                is_share=False,
                verdict=Verdict.NO_TARGET,
                note=latest.note,
            )
        )
    return card


AREA_MEASURE_LABELS = {
    "safe": "trygge i nabolaget",
    "unsafe": "utrygge i nabolaget",
    "evening": "trygge om aftenen",
    "night": "trygge om natten",
    "victim": "udsat for kriminalitet",
    "crime": "anmeldelser pr. 1.000 beboere",
    "index": "tryghedsindeks",
}


def _area_value(row, measure: str):
    """(value, share or None) of a safety-index row for a measure."""
    if measure == "crime":
        return row.crime_rate, None
    if measure == "index":
        return row.index, None
    share = row.shares.get(measure)
    return (share.value if share else None), share


# Within one scorecard or trend, every area goal of the same area set shares one history
# (three Tingbjerg goals on a card, six years of a trend: one computation, not 3 or 6).
_histories: ContextVar[dict[int, dict] | None] = ContextVar("safety_histories", default=None)


@contextmanager
def _one_safety_history_per_area_set() -> Iterator[None]:
    token = _histories.set({})
    try:
        yield
    finally:
        _histories.reset(token)


def _safety_history_of(area_set) -> dict:
    memo = _histories.get()
    if memo is None:
        return safety_history(area_set)
    if area_set.pk not in memo:
        memo[area_set.pk] = safety_history(area_set)
    return memo[area_set.pk]


def _area_card(criterion: SuccessCriterion, as_of: date, year: int | None) -> CriterionCard:
    """An area goal measured on its area's safety index: against the city ('at the city
    average or better', not met only if significantly worse), or against the area's first
    year ('rises', 'falls', 'kept at a reduced level')."""
    measures, unknown = area_measures(criterion.statuses)
    if measures and not unknown and set(measures) <= HOUSING_MEASURES:
        return _housing_card(criterion, as_of, year, measures)
    if criterion.area is None or unknown or not measures:
        return _reported_card(criterion)
    history = _safety_history_of(criterion.area.area_set)
    years = sorted(y for y in history if y <= (year or as_of.year))
    if criterion.period_end and not year:
        years = [y for y in years if y <= criterion.period_end.year] or years
    rows = {
        y: (next(r for r in history[y][0] if r.area == criterion.area), history[y][1])
        for y in years
    }
    published = [y for y in years if rows[y][0].published]
    if not published:
        return _reported_card(criterion)
    first, last = published[0], published[-1]
    card = CriterionCard(criterion, BETTER_OFF, computed=True)
    for measure in measures:
        value, share = _area_value(rows[last][0], measure)
        city_value, city_share = _area_value(rows[last][1], measure)
        base_value, base_share = _area_value(rows[first][0], measure)
        if value is None:
            continue
        label = f"{AREA_MEASURE_LABELS[measure]} {last}"
        if criterion.direction == "at_least":
            verdict, note = _judge("at_least", share, city_share, value, city_value, "byen")
        else:
            verdict, note = _judge(
                criterion.direction, share, base_share, value, base_value, str(first)
            )
        verdict, note = target_date_rule(criterion.period_end, as_of, year, last, verdict, note)
        card.add(
            MeasureResult(
                label=label,
                numerator=None,
                denominator=None,
                value=value,
                is_share=share is not None,
                low=share.low if share else None,
                high=share.high if share else None,
                verdict=verdict,
                note=f"{note}; {rows[last][0].respondents} besvarelser" if share else note,
            )
        )
    card.explanation = (
        f"Målt i tryghedsindekset for {criterion.area.name} ({criterion.area.area_set.name})."
    )
    return card


def _housing_card(
    criterion: SuccessCriterion, as_of: date, year: int | None, measures: list[str]
) -> CriterionCard:
    """Seed 002's housing-area goals: no new vulnerable areas since the year before the
    period began; the share outside the labour market falls by the target in points."""
    years = housing_figure_years()
    period_start = criterion.period_start or criterion.initiative.period_start
    period_end = criterion.period_end or criterion.initiative.period_end
    last_wanted = min(year or as_of.year, period_end.year if period_end else as_of.year)
    start = period_start.year - 1 if period_start else None
    baseline = next((y for y in years if start is None or y >= start), None)
    last = max((y for y in years if y <= last_wanted), default=None)
    if baseline is None or last is None or last <= baseline:
        return _reported_card(criterion)
    card = CriterionCard(criterion, BETTER_OFF, computed=True)
    target = float(criterion.target_value) if criterion.target_value is not None else None
    for measure in measures:
        if measure == "new_vulnerable":
            found = new_vulnerable_areas(baseline, last)
            allowed = int(target or 0)
            verdict, note = target_date_rule(
                period_end,
                as_of,
                year,
                last,
                Verdict.MET if len(found.new) <= allowed else Verdict.NOT_MET,
                (", ".join(found.new) if found.new else "ingen")
                + f"; {found.baseline} udsatte i {baseline}, {found.now} i {last}",
            )
            card.add(
                MeasureResult(
                    label=f"nye udsatte områder {baseline}–{last}",
                    numerator=None,
                    denominator=None,
                    value=len(found.new),
                    is_share=False,
                    verdict=verdict,
                    note=note,
                    identifies_people=False,
                )
            )
        else:
            change = outside_labour_market_change(baseline, last)
            if change is None:
                continue
            fall = -change.points
            verdict, note = target_date_rule(
                period_end,
                as_of,
                year,
                last,
                Verdict.NO_TARGET
                if target is None
                else (Verdict.MET if fall >= target else Verdict.NOT_MET),
                f"{100 * change.share_before:.1f} % → {100 * change.share_now:.1f} % "
                f"i {', '.join(change.areas)} (udsatte i {baseline})".replace(".", ","),
            )
            card.add(
                MeasureResult(
                    label=f"fald i andel uden for arbejdsmarkedet {baseline}–{last}",
                    numerator=None,
                    denominator=None,
                    value=round(fall, 1),
                    is_share=False,
                    verdict=verdict,
                    note=note,
                    identifies_people=False,
                )
            )
    if not card.results:
        return _reported_card(criterion)
    card.explanation = (
        "Beregnet af boligområdernes årstal (områdetyper og boligafdelingernes voksne uden for "
        "arbejdsmarkedet)."
    )
    return card


def target_date_rule(
    target_date: date | None,
    as_of: date,
    year: int | None,
    last: int,
    verdict: Verdict,
    note: str,
) -> tuple[Verdict, str]:
    """A target dated 'by the end of Y' is judged on year Y's figures. Before that date it is
    too early, whatever earlier years show; after it, without Y's figures, too few data."""
    if target_date is None or last >= target_date.year or verdict == Verdict.NO_TARGET:
        return verdict, note
    judged_on = date(year, 12, 31) if year else as_of
    if judged_on < target_date:
        return Verdict.TOO_EARLY, f"{note}; målet gælder udgangen af {target_date.year}"
    return Verdict.TOO_LITTLE_DATA, f"{note}; intet tal for {target_date.year}"


def _judge(
    direction: str, share, other_share, value: float, other_value, other_name: str
) -> tuple[Verdict, str]:
    """Compare a figure with the city's or the first year's. Shares count as higher or lower
    only when the difference is significant; other figures compare plainly.
    at_least: not significantly below · increase: significantly above · decrease:
    significantly below · at_most: not significantly above."""
    if other_value is None:
        return Verdict.TOO_LITTLE_DATA, f"intet tal for {other_name}"
    if share is not None and other_share is not None:
        diff = difference(share, other_share)
        higher, lower = diff.significant and diff.points > 0, diff.significant and diff.points < 0
        significance = "signifikant" if diff.significant else "ikke signifikant"
        note = f"{diff.points:+.1f} point mod {other_name} ({significance})"
    else:
        higher, lower = value > other_value, value < other_value
        change = 100 * (value - other_value) / other_value if other_value else 0.0
        note = f"{change:+.0f} % mod {other_name}"
    met = {
        "at_least": not lower,
        "increase": higher,
        "decrease": lower,
        "at_most": not higher,
    }.get(direction)
    if met is None:
        return Verdict.NO_TARGET, note.replace(".", ",")
    return (Verdict.MET if met else Verdict.NOT_MET), note.replace(".", ",")


def _ssp_resource_card(criterion: SuccessCriterion, as_of: date, year: int | None) -> CriterionCard:
    """A district's share of the city's SSP cases against an even share (the norm), first
    year and this year (outcomes/ssp_resources.py)."""
    district = criterion.area
    first_year = ssp_resources.first_case_year()
    if district is None or district.area_set.kind != AreaKind.SSP_DISTRICT or not first_year:
        return _reported_card(criterion)
    if criterion.period_start:
        first_year = max(first_year, criterion.period_start.year)
    last_year = year or as_of.year
    uses = [
        use
        for y in sorted({first_year, last_year})
        if y <= last_year and (use := ssp_resources.district_resource_use(district, y, as_of))
    ]
    if not uses:
        return _reported_card(criterion)
    card = CriterionCard(criterion, HOW_WELL, computed=True)
    for use in uses:
        verdict, judged = (
            ssp_resources.falls_towards_normal(uses[0], use)
            if use is not uses[0]
            else (Verdict.NO_TARGET, "første år")
        )
        low, high = use.interval
        card.add(
            MeasureResult(
                label=f"andel af byens SSP-sager {_span(use.start, use.end)}",
                numerator=use.cases,
                denominator=use.city_cases,
                value=use.share,
                is_share=True,
                low=low,
                high=high,
                verdict=verdict,
                note=f"indeks {use.index:.2f} (normalt niveau 1,00 = {use.districts} "
                f"distrikters gennemsnit, {100 * use.normal_share:.1f} %); ".replace(".", ",")
                + judged,
            ),
            lambda u=use: [
                (pid, "success") for pid in ssp_case_persons(district.name, u.start, u.end)
            ],
        )
    if len(uses) == 1:
        card.results[0] = replace(
            card.results[0],
            verdict=Verdict.TOO_LITTLE_DATA,
            note=card.results[0].note.replace("første år", "kun ét år med sager"),
        )
    card.explanation = (
        f"Beregnet af SSP-sagerne: {district.name}s andel af byens sager, der var åbne i "
        "perioden, mod en ligelig andel (byens gennemsnit pr. SSP-distrikt)."
    )
    return card


CARD_BUILDERS = {
    MeasureKind.COHORT_SHARE: _cohort_card,
    MeasureKind.COUNT_IN_PERIOD: _count_card,
    MeasureKind.STOCK_AT_TIME: _stock_card,
    MeasureKind.ACTIVITY_COUNT: _activity_card,
    MeasureKind.SURVEY_SHARE: _survey_card,
    MeasureKind.AREA_VS_CITY: _area_card,
    MeasureKind.SSP_RESOURCE_USE: _ssp_resource_card,
}


def criterion_card(
    criterion: SuccessCriterion, as_of: date, year: int | None = None
) -> CriterionCard:
    """The criterion computed now; with `year`, restricted to that calendar year (cohorts by
    the year of their start event, counts and answers within it). For an initiative that
    lapsed with nothing recorded since, its last figures: as of the day they became final."""
    builder = CARD_BUILDERS.get(criterion.kind)
    if builder is None:
        return _reported_card(criterion)
    lapsed = None if year else lapsed_without_records(criterion, as_of)
    if lapsed is None:
        return builder(criterion, as_of, year)
    day = min(as_of, final_on(criterion, lapsed))
    with _as_final_figures():
        card = builder(criterion, day, None)
    card.explanation = (
        f"Indsatsen bortfaldt efter {lapsed}, og intet er registreret siden: tallene er dens "
        f"sidste, opgjort {day:%d.%m.%Y}. " + card.explanation
    ).strip()
    return card


# What a lapsed initiative may still record against a criterion (area figures do not depend on
# the initiative running; SSP's cases do not either).
RECORDED_BY_THE_INITIATIVE = frozenset(
    {
        MeasureKind.COHORT_SHARE,
        MeasureKind.COUNT_IN_PERIOD,
        MeasureKind.STOCK_AT_TIME,
        MeasureKind.ACTIVITY_COUNT,
        MeasureKind.SURVEY_SHARE,
    }
)


def lapsed_without_records(criterion: SuccessCriterion, today: date) -> int | None:
    """The year the criterion's initiative lapsed after, if that was before this year and
    nothing has been recorded for the criterion since (else None): a lapsed initiative is
    judged on its last figures, not shown as 'no records' for a year it did not run."""
    if criterion.kind not in RECORDED_BY_THE_INITIATIVE:
        return None
    lapsed = criterion.initiative.lapses_after()
    if lapsed is None or lapsed >= today.year:
        return None
    after = date(lapsed + 1, 1, 1)
    if criterion.kind == MeasureKind.ACTIVITY_COUNT:
        since = criterion.initiative.activities_held.filter(held_on__gte=after)
    elif criterion.kind == MeasureKind.SURVEY_SHARE:
        since = criterion.survey_answers.filter(answered_on__gte=after)
    else:
        since = queries.participations_overlapping(participation_scope(criterion), after, today)
    return None if since.exists() else lapsed


@dataclass(frozen=True)
class TrendRow:
    year: int
    card: CriterionCard

    @property
    def results(self) -> list[MeasureResult]:
        return self.card.results

    @property
    def rows(self) -> list[tuple[int, MeasureResult, bool]]:
        return self.card.rows


def _first_trend_year(criterion: SuccessCriterion, as_of: date) -> int:
    first = queries.first_record_year(participation_scope(criterion)) or as_of.year
    if criterion.kind == MeasureKind.SURVEY_SHARE:
        answered = criterion.survey_answers.order_by("answered_on").first()
        first = answered.answered_on.year if answered else as_of.year
    if criterion.kind == MeasureKind.ACTIVITY_COUNT:
        held = criterion.initiative.activities_held.order_by("held_on").first()
        first = held.held_on.year if held else as_of.year
    if criterion.kind == MeasureKind.SSP_RESOURCE_USE:
        first = ssp_resources.first_case_year() or as_of.year
    return first


def criterion_trend(criterion: SuccessCriterion, as_of: date) -> list[TrendRow]:
    """The criterion year by year, from its first records (at most `TREND_YEARS` years)."""
    if criterion.kind not in CARD_BUILDERS:
        return []
    first = _first_trend_year(criterion, as_of)
    last = lapsed_without_records(criterion, as_of) or as_of.year
    years = range(max(first, last - TREND_YEARS + 1), last + 1)
    with _one_safety_history_per_area_set():
        return [TrendRow(year, criterion_card(criterion, as_of, year)) for year in years]


# Figures of persons that those without person access see: final figures of whole years only
# (docs/decisions/0010-disclosure-control-for-readers.md). A figure of a running year, or of
# a rolling window, changes from one day to the next by a handful of people: comparing two
# days (or an overall figure with the years) would single them out.
PERSON_KINDS = frozenset(
    {
        MeasureKind.COHORT_SHARE,
        MeasureKind.COUNT_IN_PERIOD,
        MeasureKind.STOCK_AT_TIME,
        MeasureKind.SSP_RESOURCE_USE,
    }
)


def final_on(criterion: SuccessCriterion, year: int) -> date:
    """The day a year's figure is final: the year's end, and for a cohort criterion the day
    the last of the year's cohort has been measured at its longest follow-up."""
    end = date(year, 12, 31)
    if criterion.kind != MeasureKind.COHORT_SHARE:
        return end
    months = follow_up_months(criterion.follow_up_months) or [
        max(DEFAULT_FOLLOW_UP_MONTHS, DEFAULT_RECIDIVISM_MONTHS)
    ]
    return end + timedelta(days=days_after(max(months)) + OBSERVATION_WINDOW_DAYS)


def _final_years(criterion: SuccessCriterion, today: date) -> list[int]:
    """The years whose figure of a person criterion is final by `today`."""
    first = _first_trend_year(criterion, today)
    lapsed = lapsed_without_records(criterion, today)
    end = lapsed + 1 if lapsed is not None else today.year
    return [
        year
        for year in range(max(first, end - TREND_YEARS), end)
        if final_on(criterion, year) <= today
    ]


def _final_row(criterion: SuccessCriterion, year: int) -> TrendRow:
    # A year's figure as of the day it became final: its period has ended, even on that day.
    with _one_safety_history_per_area_set(), _as_final_figures():
        return TrendRow(year, criterion_card(criterion, final_on(criterion, year), year))


def final_trend(criterion: SuccessCriterion, today: date) -> list[TrendRow]:
    """Year by year, each year's final figure, computed as of the day it became final (so it
    never changes afterwards); years not yet final are left out."""
    if criterion.kind not in PERSON_KINDS:
        return criterion_trend(criterion, today)
    return [_final_row(criterion, year) for year in _final_years(criterion, today)]


def final_card(criterion: SuccessCriterion, today: date) -> CriterionCard:
    """The latest final figure (a whole year's), or 'too early' while there is none."""
    if criterion.kind not in PERSON_KINDS:
        return criterion_card(criterion, today)
    years = _final_years(criterion, today)  # only the latest is computed
    rows = [_final_row(criterion, years[-1])] if years else []
    if rows:
        card = rows[-1].card
        card.explanation = (
            f"Endelige tal for {rows[-1].year}: tal om personer vises for afsluttede år. "
            + card.explanation
        ).strip()
        return card
    card = CriterionCard(
        criterion, BETTER_OFF if criterion.kind == MeasureKind.COHORT_SHARE else HOW_MUCH, True
    )
    card.add(
        MeasureResult(
            label="endelige tal",
            numerator=None,
            denominator=None,
            value=None,
            is_share=False,
            verdict=Verdict.TOO_EARLY,
            note="intet afsluttet år endnu",
        )
    )
    card.explanation = "Tal om personer vises for afsluttede år."
    return card


def initiative_scorecard(
    initiative: Initiative, as_of: date, *, final: bool = False
) -> dict[str, list[CriterionCard]]:
    """Every criterion computed now; with `final`, figures of persons as final figures of
    whole years (for those without person access)."""
    groups: dict[str, list[CriterionCard]] = {HOW_MUCH: [], HOW_WELL: [], BETTER_OFF: []}
    with _one_safety_history_per_area_set():
        for criterion in initiative.success_criteria.all():
            card = final_card(criterion, as_of) if final else criterion_card(criterion, as_of)
            groups[card.group].append(card)
    return groups


def status_attainment(initiative: Initiative, as_of: date) -> list[dict]:
    """Heading 7 of the status form (seed 002: 'Status i forhold til målopfyldelse'): each
    criterion with its computed figure, target and verdict as of `as_of`, as a committee may
    see it (final figures of whole years, small counts hidden). JSON-ready: an approved
    status form stores it."""
    rows = []
    with _one_safety_history_per_area_set():
        for criterion in initiative.success_criteria.all():
            card = final_card(criterion, as_of)
            rows.append(
                {
                    "criterion": criterion.text,
                    "target": criterion.target_label(),
                    "computed": card.computed,
                    "results": [
                        {
                            "label": r.label,
                            "figure": _figure_text(r),
                            "verdict": str(r.verdict),
                            "verdict_label": r.verdict_label,
                        }
                        for r in map(without_small_counts, card.results)
                    ],
                }
            )
    return rows


def _figure_text(result: MeasureResult) -> str:
    if result.value is None:
        return "–"
    if result.is_share:
        return f"{100 * result.value:.0f} % ({result.numerator} af {result.denominator})"
    return f"{result.value:g}".replace(".", ",")
