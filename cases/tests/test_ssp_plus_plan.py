from datetime import date, timedelta
from decimal import Decimal

from django.test import Client
from django.utils import timezone

from cases.actions import ssp_case_open
from cases.models import PlanGoal, SspPlusPlan, SspPlusSettings
from conftest import login_client
from initiatives.models import Initiative
from people.actions import person_create


def _born_years_ago(years: float) -> date:
    """A birth date that gives this age whatever day the suite runs."""
    return timezone.localdate() - timedelta(days=round(years * 365.25))


def _case_for(ssp_consultant, born, level=3):
    person = person_create(
        by=ssp_consultant, first_name="Plus", last_name="Demo", birth_date=born, purpose="t"
    )
    return ssp_case_open(
        by=ssp_consultant,
        person=person,
        level=level,
        reporting_partner="Kriminalforsorgen",
        reported_on=timezone.localdate() - timedelta(days=30),
        ssp_district="3 Nørrebro",
        description="x",
        legal_basis="consent",
        consent_date=timezone.localdate() - timedelta(days=30),
        consent_scope="SSP+",
    )


def test_an_eligible_young_person_gets_a_plan_with_goals_and_offers(ssp_consultant):
    case = _case_for(ssp_consultant, _born_years_ago(21))
    client = login_client(Client(), ssp_consultant)
    assert "Opret SSP+-plan" in client.get(f"/sager/{case.pk}/").content.decode()
    client.post(f"/sager/{case.pk}/ssp-plus/ny/")
    plan = SspPlusPlan.objects.get(case=case)
    exit_programme = Initiative.objects.get(slug="exit-programmet")
    client.post(
        f"/sager/{case.pk}/ssp-plus/",
        {
            "version": plan.version,
            "area": "desistance",
            "description": "Ud af bandemiljøet",
            "offer": exit_programme.pk,
        },
    )
    assert PlanGoal.objects.get(plan=plan).offer == exit_programme


def test_a_stale_plan_edit_is_refused(ssp_consultant):
    case = _case_for(ssp_consultant, _born_years_ago(21))
    client = login_client(Client(), ssp_consultant)
    client.post(f"/sager/{case.pk}/ssp-plus/ny/")
    client.post(
        f"/sager/{case.pk}/ssp-plus/", {"version": 1, "area": "job", "description": "Første mål"}
    )
    page = client.post(
        f"/sager/{case.pk}/ssp-plus/", {"version": 1, "area": "job", "description": "Andet mål"}
    ).content.decode()
    assert "En anden har ændret planen imens" in page
    assert list(PlanGoal.objects.values_list("description", flat=True)) == ["Første mål"]


def test_a_16_year_old_is_not_eligible_and_is_told_why(ssp_consultant):
    case = _case_for(ssp_consultant, _born_years_ago(16.5))
    client = login_client(Client(), ssp_consultant)
    assert "SSP+ starter ved 17,5 år" in client.get(f"/sager/{case.pk}/").content.decode()
    client.post(f"/sager/{case.pk}/ssp-plus/ny/")
    assert not SspPlusPlan.objects.exists()


def test_an_administrator_sets_the_003_bounds(administrator):
    client = login_client(Client(), administrator)
    assert (
        client.post("/niveauregler/ssp-plus/", {"min_age": "17,5", "max_age": "24"}).status_code
        == 302
    )
    assert (SspPlusSettings.current().min_age, SspPlusSettings.current().max_age) == (
        Decimal("17.5"),
        Decimal("24"),
    )


def test_the_default_bounds_are_those_003_states_with_copenhagens_later_rule_offered(
    administrator,
):
    """Seed 003: SSP+ covers 17½–24-year-olds (the catalogue and the level-3 action say so);
    Copenhagen's later rule, 18–25, is offered on the settings page as an alternative."""
    assert (SspPlusSettings.current().min_age, SspPlusSettings.current().max_age) == (
        Decimal("17.5"),
        Decimal("24"),
    )
    page = login_client(Client(), administrator).get("/niveauregler/ssp-plus/").content.decode()
    assert "003 (2014): 17,5" in page and "København i dag: 18" in page
