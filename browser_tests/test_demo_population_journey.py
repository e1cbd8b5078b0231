"""On the demo population: the SSP consultant registers a family member from the person page,
and the SOF department leader sees the department's cases on 'Mit arbejde' (read only)."""

from playwright.sync_api import expect

from accounts.demo import demo_users_create
from accounts.models import User
from browser_tests.conftest import assert_accessible, log_in_as_demo_user
from cases.demo_population import demo_population_create
from cases.permissions import cases_visible_to


def test_family_editing_and_the_department_leaders_view_on_the_demo_population(
    live_server, page, catalogue, settings
):
    settings.DEBUG = True
    demo_users_create()
    demo_population_create(young_people=60)
    consultant = User.objects.get(username="ssp")
    case = cases_visible_to(consultant).filter(closed_at__isnull=True).first()

    log_in_as_demo_user(page, live_server, "ssp")
    page.goto(f"{live_server.url}/personer/{case.person_id}/")
    expect(page.get_by_role("heading", name="Familie", exact=True)).to_be_visible()
    page.get_by_text("Tilføj et familiemedlem").click()
    page.get_by_label("Fornavn").fill("Faster")
    page.get_by_label("Efternavn").fill("Demo")
    page.get_by_label("Fødselsdato (kun uden CPR-nummer)").fill("1975-06-01")
    page.get_by_label("Rolle i familien").select_option(label="Anden omsorgsperson")
    page.get_by_role("button", name="Tilføj", exact=True).click()
    expect(page.get_by_text("Familiemedlemmet er tilføjet.")).to_be_visible()
    expect(page.get_by_role("cell", name="Anden omsorgsperson")).to_be_visible()
    assert_accessible(page, "36-person-family")
    page.goto(f"{live_server.url}/mit-arbejde/")
    assert_accessible(page, "34a-my-work-demo")
    page.get_by_role("button", name="Log ud").click()

    log_in_as_demo_user(page, live_server, "leder.sof")
    page.goto(f"{live_server.url}/mit-arbejde/")
    expect(page.get_by_role("heading", name="Åbne sager, du kan se")).to_be_visible()
    expect(page.get_by_role("link", name="Ny SSP-sag")).to_have_count(0)
    assert_accessible(page, "37-department-leader")
