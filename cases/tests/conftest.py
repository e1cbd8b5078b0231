from datetime import date

import pytest

from cases.actions import ssp_case_open
from cases.models import SspBodyMembership
from people.actions import person_create


@pytest.fixture
def young_person(ssp_consultant):
    return person_create(
        by=ssp_consultant,
        first_name="Test",
        last_name="Ungesen",
        cpr_text="010108-4123",
        purpose="test",
        is_synthetic=True,
    )


@pytest.fixture
def level_3_case(ssp_consultant, young_person):
    return ssp_case_open(
        by=ssp_consultant,
        person=young_person,
        level=3,
        reporting_partner="Politiet",
        reported_on=date(2026, 11, 2),
        ssp_district="15 Sundbyvester",
        description="Gentagne røverier.",
        legal_basis="rpl115",
        necessity="Nødvendigt for at koordinere skolens og socialforvaltningens indsats.",
    )


@pytest.fixture
def district_body_member(catalogue):
    from accounts.roles import Role
    from conftest import make_user

    user = make_user("ssp_district_15", [Role.SSP_CONSULTANT], "BUF")
    SspBodyMembership.objects.create(user=user, ssp_district="15 Sundbyvester")
    return user
