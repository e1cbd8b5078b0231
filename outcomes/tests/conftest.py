from datetime import date, timedelta

import pytest
from django.utils import timezone

from cases.actions import ssp_case_open
from initiatives.models import Initiative
from outcomes.models import Participation
from people.actions import person_create


@pytest.fixture
def cohort(ssp_consultant):
    """Ten young people who started an active offer in 'Fremskudt beskæftigelsesindsats på
    Nørrebro' 200 days ago (criterion: at least 20 % in education or job after 3, 6, 12
    months), each with an SSP case the consultant works on."""
    initiative = Initiative.objects.get(slug="fremskudt-norrebro")
    started = timezone.localdate() - timedelta(days=200)
    members = []
    for number in range(10):
        person = person_create(
            by=ssp_consultant,
            first_name=f"Ung{number}",
            last_name="Kohorte",
            birth_date=date(2006, 1, 2 + number),
            purpose="t",
        )
        ssp_case_open(
            by=ssp_consultant,
            person=person,
            level=2,
            reporting_partner="Skole",
            reported_on=started,
            ssp_district="3 Nørrebro",
            description="x",
            legal_basis="consent",
            consent_date=started,
            consent_scope="SSP",
        )
        members.append(
            Participation.objects.create(
                person=person,
                initiative=initiative,
                offer_kind="active_employment",
                started_on=started,
                created_by=ssp_consultant,
            )
        )
    return members
