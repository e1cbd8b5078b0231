"""The 10-parameter progression: configured parameters scored 1–10, a trajectory on the person
page, and the mean change per parameter among an initiative's participants."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from conftest import login_client
from outcomes.models import Assessment, ProgressionParameter
from outcomes.progression import assessment_record, initiative_progression, mean_changes


def _scores(value):
    return {p.pk: value for p in ProgressionParameter.objects.filter(active=True)}


def test_ten_labelled_default_parameters_six_of_them_named_by_the_seed(catalogue):
    parameters = ProgressionParameter.objects.all()
    assert parameters.count() == 10 and all(p.is_default for p in parameters)
    assert set(parameters.filter(from_seed=True).values_list("name", flat=True)) == {
        "Personlig trivsel",
        "Familierelationer",
        "Skolefravær",
        "Faglig udvikling",
        "Venskaber",
        "Kriminalitet",
    }


def test_an_assessment_needs_every_active_parameter_on_the_1_to_10_scale(
    young_person, ssp_consultant
):
    today = timezone.localdate()
    partial = _scores(5)
    partial.popitem()
    with pytest.raises(ValidationError, match="Giv en score for"):
        assessment_record(by=ssp_consultant, person=young_person, assessed_on=today, scores=partial)
    with pytest.raises(ValidationError, match="Scoren skal være 1–10"):
        assessment_record(
            by=ssp_consultant, person=young_person, assessed_on=today, scores=_scores(11)
        )
    assert not Assessment.objects.exists()


def test_the_mean_change_is_latest_minus_first_over_people_with_two_assessments():
    rows = [
        (1, "Venskaber", date(2026, 1, 1), 3),
        (1, "Venskaber", date(2026, 6, 1), 5),
        (1, "Venskaber", date(2026, 3, 1), 9),  # in between: ignored
        (2, "Venskaber", date(2026, 1, 1), 6),
        (2, "Venskaber", date(2026, 6, 1), 5),
        (3, "Venskaber", date(2026, 1, 1), 2),  # only one assessment: left out
    ]
    [change] = mean_changes(rows)
    assert (change.people, change.mean_change) == (2, 0.5)


def test_the_person_page_shows_the_trajectory_and_the_scorecard_the_mean_change(
    cohort, ssp_consultant
):
    for number, participation in enumerate(cohort):
        person, start = participation.person, participation.started_on
        assessment_record(by=ssp_consultant, person=person, assessed_on=start, scores=_scores(3))
        assessment_record(
            by=ssp_consultant,
            person=person,
            assessed_on=start + timedelta(days=90),
            scores=_scores(5 + number % 2),
        )
    changes = {c.parameter: c for c in initiative_progression(cohort[0].initiative_id)}
    assert (changes["Kriminalitet"].people, changes["Kriminalitet"].mean_change) == (10, 2.5)
    client = login_client(Client(), ssp_consultant)
    page = client.get(f"/personer/{cohort[0].person_id}/").content.decode()
    assert "<polyline" in page and "Progression pr. parameter" in page
    scorecard = client.get("/indsatser/fremskudt-norrebro/resultater/").content.decode()
    assert "Gennemsnitlig ændring" in scorecard and "2,5" in scorecard


def test_a_case_worker_records_an_assessment_from_the_person_page(level_3_case, ssp_consultant):
    data = {"assessed_on": timezone.localdate().isoformat()}
    data.update({f"score-{pk}": 7 for pk in _scores(0)})
    client = login_client(Client(), ssp_consultant)
    client.post(f"/personer/{level_3_case.person_id}/vurdering/", data)
    assert Assessment.objects.get().scores.count() == 10


@pytest.mark.parametrize("role", ["administrator", "ssp_consultant", "analyst"])
def test_only_an_administrator_configures_the_parameters(all_roles, role):
    client = login_client(Client(), all_roles[role])
    response = client.post(
        "/progressionsparametre/", {"name": "Sundhed", "description": "God helbred"}
    )
    assert response.status_code == (302 if role == "administrator" else 403)
    assert ProgressionParameter.objects.filter(name="Sundhed").exists() == (role == "administrator")
    if role == "administrator":
        kriminalitet = ProgressionParameter.objects.get(name="Kriminalitet")
        client.post("/progressionsparametre/", {"toggle": kriminalitet.pk})
        assert not ProgressionParameter.objects.get(pk=kriminalitet.pk).active
