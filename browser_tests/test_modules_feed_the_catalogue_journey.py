"""On the demo population, the modules feed the catalogue's scorecards: admitting one more
family changes the intervention-team initiative's count on the next load, a new SSP+ plan
changes SSP+'s stock, and a half-year report sent to all four committees counts as an
afrapportering (the troubled-areas journey sends one; this test reads the result)."""

from datetime import date

from playwright.sync_api import expect

from accounts.demo import demo_users_create
from accounts.models import User
from browser_tests.conftest import assert_accessible, log_in_as_demo_user
from cases.actions import ssp_case_open
from cases.demo_population import demo_population_create
from people.actions import person_create


def _stock_on_the_scorecard(page, live_server, slug: str, criterion_start: str) -> str:
    page.goto(f"{live_server.url}/indsatser/{slug}/resultater/")
    card = page.locator("section.criterion", has_text=criterion_start)
    return card.locator("tbody tr").first.locator("td").nth(1).inner_text()


def test_admitting_a_family_and_a_new_ssp_plus_plan_change_the_scorecards(
    live_server, page, catalogue, settings
):
    settings.DEBUG = True
    demo_users_create()
    demo_population_create(young_people=120)

    # The coordinator leads the programme's families: the count is exact.
    log_in_as_demo_user(page, live_server, "koordinator")
    families = _stock_on_the_scorecard(page, live_server, "interventionsteam", "De 10 familier")
    assert families == "18"  # ten per district, one of them ended
    assert_accessible(page, "53-intervention-scorecard")
    page.goto(f"{live_server.url}/interventionsteam/")
    page.get_by_role("button", name="Optag Familien").first.click()
    expect(page.get_by_text("Familien er optaget")).to_be_visible()
    assert _stock_on_the_scorecard(page, live_server, "interventionsteam", "De 10") == "19"
    page.get_by_role("button", name="Log ud").click()

    # A young person of 19 with a level 3 case in the SSP consultant's district gets a plan.
    consultant = User.objects.get(username="ssp")
    person = person_create(
        by=consultant,
        first_name="Plan",
        last_name="Demo",
        birth_date=date(date.today().year - 19, 3, 1),
        purpose="t",
        is_synthetic=True,
    )
    case = ssp_case_open(
        by=consultant,
        person=person,
        level=3,
        reporting_partner="Politi",
        reported_on=date.today(),
        ssp_district="3 Nørrebro",
        description="Gentagne røverier.",
        legal_basis="consent",
        consent_date=date.today(),
        consent_scope="SSP",
    )
    log_in_as_demo_user(page, live_server, "ssp")
    before = int(_stock_on_the_scorecard(page, live_server, "ssp-plus-exit", "100 unge"))
    page.goto(f"{live_server.url}/sager/{case.pk}/")
    page.get_by_role("button", name="Opret SSP+-plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("SSP+")
    after = int(_stock_on_the_scorecard(page, live_server, "ssp-plus-exit", "100 unge"))
    assert after == before + 1
    assert_accessible(page, "54-ssp-plus-scorecard")
