from datetime import timedelta

import pytest
from django.test import Client

from api.tests.test_api import bearer
from conftest import ROLE_NAMES
from outcomes.models import StatusObservation


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_scorecard_api_gives_every_criterion_and_hides_small_counts_like_the_page(
    all_roles,
    cohort,
    role,
):
    for p in cohort[:3]:
        StatusObservation.objects.create(
            person=p.person,
            observed_on=p.started_on + timedelta(days=91),
            status="job",
            source="job_centre",
        )
    body = Client().get(
        "/api/v1/initiatives/fremskudt-norrebro/scorecard", **bearer(all_roles[role])
    )
    assert body.status_code == 200
    data = body.json()
    cohort_criterion = next(c for c in data["criteria"] if c["kind"] == "cohort_share")
    three = cohort_criterion["results"][0]
    sees_every_person = role == "ssp_consultant"  # the only one who sees every person behind it
    works_with_persons = role in {"coordinator", "caseworker", "department_leader"}
    assert data["small_counts_hidden"] is works_with_persons
    # 3 of 3 observed, 7 missing: exact only for those who see every person; hidden from
    # others who work with persons; final figures of whole years for everyone else (none yet).
    if sees_every_person or works_with_persons:
        assert (three["numerator"], three["missing"]) == (
            (3, 7) if sees_every_person else (None, 0)
        )
        # A verdict is shown only where its figure may be shown.
        verdict = "too_little_data" if sees_every_person else "hidden"
        assert three["label"] == "efter 3 mdr." and three["verdict"] == verdict
    else:
        assert (three["numerator"], three["verdict"]) == (None, "too_early")
