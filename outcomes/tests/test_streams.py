"""003, Fritidsjob: two streams, each with its own target and effect —
"260 15-24årige unge henvender sig årligt til Jobcenter København – Unge med en effekt på
60 % …" and "200 16-24årige … formidles til kommunale fritidsjob via samarbejdspartnere med en
effekt på 30 % 3 måneder efter ansættelse". Each criterion counts its own stream: by the
channel the young person came by and the age at the start."""

from datetime import date, timedelta

import pytest

from initiatives.models import Channel, Initiative
from outcomes.criteria import days_after
from outcomes.models import ObservationSource, OfferKind, Participation, StatusObservation
from outcomes.scorecard import criterion_card
from people.models import Person

STARTED = date(2026, 1, 15)
AS_OF = date(2026, 6, 30)


def _join(by, channel: str, born: date, *, in_job: bool) -> None:
    person = Person.objects.create(
        first_name="Ung",
        last_name="Fritidsjob",
        birth_date=born,
        replacement_number=f"FJ-{Person.objects.count()}",
    )
    Participation.objects.create(
        person=person,
        initiative=Initiative.objects.get(slug="fritidsjob"),
        offer_kind=OfferKind.LEISURE_JOB,
        channel=channel,
        started_on=STARTED,
        created_by=by,
    )
    StatusObservation.objects.create(
        person=person,
        observed_on=STARTED + timedelta(days=days_after(3)),
        status="leisure_job" if in_job else "none",
        source=ObservationSource.FOLLOW_UP,
        recorded_by=by,
    )


def _years_before(years: int, *, days: int = 0) -> date:
    return STARTED.replace(year=STARTED.year - years) - timedelta(days=days)


@pytest.fixture
def streams(db, catalogue, ssp_consultant):
    """Own contact: 6 aged 15–24 (4 in a job after 3 months), 1 aged 25 (outside).
    Via partners: 5 aged 16–24 (1 in a job), 1 who is 15 (outside, not yet 16 by a day)."""
    by = ssp_consultant
    for age, in_job in [(15, True), (17, True), (19, True), (22, True), (24, False), (20, False)]:
        _join(by, Channel.OWN_CONTACT, _years_before(age), in_job=in_job)
    _join(by, Channel.OWN_CONTACT, _years_before(25), in_job=True)
    for age, in_job in [(16, True), (16, False), (18, False), (21, False), (24, False)]:
        _join(by, Channel.PARTNER, _years_before(age), in_job=in_job)
    _join(by, Channel.PARTNER, _years_before(16, days=-1), in_job=True)  # 16 the day after


def _criterion(text: str):
    return Initiative.objects.get(slug="fritidsjob").success_criteria.get(text__startswith=text)


def test_each_count_counts_its_own_channel_and_age_band(streams):
    [job_centre] = criterion_card(_criterion("260 15-24årige"), AS_OF).results
    [partners] = criterion_card(_criterion("200 16-24årige"), AS_OF).results
    assert job_centre.numerator == 6
    assert partners.numerator == 5


def test_each_effect_is_measured_on_its_own_stream(streams):
    [job_centre] = criterion_card(_criterion("Effekt på 60 %"), AS_OF).results
    [partners] = criterion_card(_criterion("Effekt på 30 %"), AS_OF).results
    assert (job_centre.numerator, job_centre.denominator) == (4, 6)
    assert (partners.numerator, partners.denominator) == (1, 5)


def test_the_age_band_is_the_age_on_the_day_of_the_start(streams, ssp_consultant):
    # 16 on the day of the start counts; 25 on it does not.
    _join(ssp_consultant, Channel.PARTNER, _years_before(16), in_job=False)
    _join(ssp_consultant, Channel.PARTNER, _years_before(25), in_job=False)
    [partners] = criterion_card(_criterion("200 16-24årige"), AS_OF).results
    assert partners.numerator == 6


def test_the_criteria_say_which_stream_they_count(streams):
    assert _criterion("260 15-24årige").stream_label() == "henvendt sig selv, 15–24 år ved start"
    assert _criterion("Effekt på 30 %").stream_label() == (
        "formidlet via samarbejdspartner, 16–24 år ved start"
    )
