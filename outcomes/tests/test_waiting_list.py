"""The waiting list: people waiting for a place, taken off when they start or with a reason;
the scorecard shows how many wait and for how long (hidden under 5 for readers)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from conftest import login_client
from initiatives.models import Initiative
from outcomes.actions import participation_start, waiting_list_add, waiting_list_remove
from outcomes.models import WaitingListEntry
from outcomes.queries import waiting_list_summary


def test_starting_takes_the_person_off_the_waiting_list(cohort, ssp_consultant):
    exit_programme = Initiative.objects.get(slug="exit-programmet")
    today = timezone.localdate()
    entry = waiting_list_add(
        by=ssp_consultant,
        person=cohort[0].person,
        initiative=exit_programme,
        added_on=today - timedelta(days=30),
    )
    assert waiting_list_summary(exit_programme.pk, today) == (1, 30)
    participation_start(
        by=ssp_consultant,
        person=cohort[0].person,
        initiative=exit_programme,
        offer_kind="mentor",
        started_on=today,
    )
    entry.refresh_from_db()
    assert (entry.removed_on, entry.outcome) == (today, "started")
    assert waiting_list_summary(exit_programme.pk, today) == (0, None)
    # The day before the start, the person was still waiting.
    assert waiting_list_summary(exit_programme.pk, today - timedelta(days=1))[0] == 1


def test_a_person_waits_once_per_initiative_and_not_while_taking_part(cohort, ssp_consultant):
    exit_programme = Initiative.objects.get(slug="exit-programmet")
    today = timezone.localdate()
    waiting_list_add(
        by=ssp_consultant, person=cohort[1].person, initiative=exit_programme, added_on=today
    )
    with pytest.raises(ValidationError, match="allerede på ventelisten"):
        waiting_list_add(
            by=ssp_consultant, person=cohort[1].person, initiative=exit_programme, added_on=today
        )
    with pytest.raises(ValidationError, match="deltager allerede"):
        waiting_list_add(
            by=ssp_consultant,
            person=cohort[1].person,
            initiative=cohort[1].initiative,  # fremskudt-norrebro, taking part now
            added_on=today,
        )


def test_taking_someone_off_the_list_needs_an_outcome_and_happens_once(cohort, ssp_consultant):
    entry = waiting_list_add(
        by=ssp_consultant,
        person=cohort[2].person,
        initiative=Initiative.objects.get(slug="exit-programmet"),
        added_on=timezone.localdate(),
    )
    waiting_list_remove(by=ssp_consultant, entry=entry, outcome="withdrawn")
    with pytest.raises(ValidationError):
        waiting_list_remove(by=ssp_consultant, entry=entry, outcome="withdrawn")


def test_the_scorecard_shows_the_waiting_list_exactly_only_to_case_workers(
    cohort, ssp_consultant, analyst
):
    client = login_client(Client(), ssp_consultant)
    # Written up last December: readers see the list as it was at the end of last year.
    last_december = date(timezone.localdate().year - 1, 12, 1)
    for p in cohort[:3]:
        response = client.post(
            f"/personer/{p.person.pk}/venteliste/",
            {
                "initiative": Initiative.objects.get(slug="exit-programmet").pk,
                "added_on": last_december.isoformat(),
            },
        )
        assert response.status_code == 302
    assert WaitingListEntry.objects.filter(removed_on=None).count() == 3
    url = "/indsatser/exit-programmet/resultater/"
    assert "på venteliste: 3" in client.get(url).content.decode()
    assert "på venteliste: under 5" in login_client(Client(), analyst).get(url).content.decode()
