"""The edge cases the issue names, with the right answers worked out by hand."""

from datetime import date, timedelta

from django.utils import timezone

from initiatives.models import Initiative
from outcomes import queries
from outcomes.models import Participation, StatusObservation
from outcomes.scorecard import criterion_card

PERIOD = (date(2025, 1, 1), date(2025, 12, 31))


def _join(person, slug, started, by, ended=None, channel=""):
    return Participation.objects.create(
        person=person,
        initiative=Initiative.objects.get(slug=slug),
        offer_kind="other",
        channel=channel,
        started_on=started,
        ended_on=ended,
        end_reason="completed" if ended else "",
        created_by=by,
    )


def test_a_start_10_days_before_the_period_ends_counts_for_10_days_and_no_cohort_yet(
    young_person, ssp_consultant
):
    late = _join(young_person, "exit-programmet", date(2025, 12, 22), ssp_consultant)
    initiative_id = late.initiative_id
    assert queries.distinct_participants(initiative_id, *PERIOD) == 1
    assert queries.stock_on(initiative_id, PERIOD[1]) == 1
    # 22–31 December inclusive: 10 days, i.e. 10/365 of a full-year place.
    assert queries.occupied_days(initiative_id, *PERIOD) == 10
    # Three months after a start on 22 December is in March: on 31 December it is too early.
    assert queries.cohort_status_counts(
        scope=initiative_id,
        statuses=frozenset({"job"}),
        months=3,
        anchor="start",
        as_of=PERIOD[1],
    ) == (0, 0, 0)


def test_a_person_in_two_initiatives_counts_once_in_each(young_person, ssp_consultant):
    started = timezone.localdate() - timedelta(days=120)
    exit_part = _join(young_person, "exit-programmet", started, ssp_consultant)
    outreach = _join(young_person, "udegaaende-beskaeftigelsesindsats", started, ssp_consultant)
    StatusObservation.objects.create(
        person=young_person,
        observed_on=started + timedelta(days=91),
        status="job",
        source="job_centre",
    )
    today = timezone.localdate()
    for participation in (exit_part, outreach):
        assert queries.distinct_participants(participation.initiative_id, started, today) == 1
        # The one observation answers both initiatives' 3-month follow-up.
        assert queries.cohort_status_counts(
            scope=participation.initiative_id,
            statuses=frozenset({"job", "education", "job_centre_contact"}),
            months=3,
            anchor="start",
            as_of=today,
        ) == (1, 1, 1)
    # A second participation in the same initiative is still one person in the period.
    _join(
        young_person,
        "fritidsjob",
        started - timedelta(days=300),
        ssp_consultant,
        ended=started - timedelta(days=200),
    )
    _join(young_person, "fritidsjob", started, ssp_consultant)
    fritidsjob = Initiative.objects.get(slug="fritidsjob").pk
    assert queries.distinct_participants(fritidsjob, started - timedelta(days=300), today) == 1


def test_a_count_under_5_in_the_current_year_is_hidden_from_readers(young_person, ssp_consultant):
    from outcomes.measures import without_small_counts

    criterion = Initiative.objects.get(slug="fritidsjob").success_criteria.get(
        text__startswith="260 15-24årige"
    )
    _join(young_person, "fritidsjob", timezone.localdate(), ssp_consultant, channel="own_contact")
    result = criterion_card(criterion, timezone.localdate()).results[0]
    assert result.numerator == 1
    hidden = without_small_counts(result)
    assert (hidden.numerator, hidden.value, hidden.note) == (None, None, "Tal under 5 er skjult.")
