"""A coordinator admits a family, builds a team across three departments and moves it to phase-out."""

from datetime import date

from playwright.sync_api import expect

from accounts.roles import Role
from browser_tests.conftest import assert_accessible, log_in
from cases.actions import ssp_case_open
from conftest import make_user
from people.actions import person_create


def test_a_coordinator_admits_a_family_and_builds_its_team(
    live_server, page, ssp_consultant, coordinator, caseworker
):
    make_user("buf_teacher", [Role.CASEWORKER], "BUF")
    person = person_create(
        by=ssp_consultant,
        first_name="Barn",
        last_name="Hansen",
        birth_date=date(2009, 1, 1),
        district="noerrebro",
        purpose="t",
        is_synthetic=True,
    )
    ssp_case_open(
        by=ssp_consultant,
        person=person,
        level=4,
        reporting_partner="Politi",
        reported_on=date(2026, 11, 1),
        ssp_district="3 Nørrebro",
        description="x",
        legal_basis="consent",
        consent_date=date(2026, 11, 1),
        consent_scope="SSP",
    )
    log_in(page, live_server, "coordinator")
    page.get_by_role("link", name="Interventionsteam", exact=True).click()
    assert_accessible(page, "50-intervention-intake")
    page.get_by_role("button", name="Optag Familien Hansen").click()
    expect(page.get_by_text("Familien er optaget")).to_be_visible()
    for label, role in [
        ("Caseworker", "Jobcentret"),
        ("Buf", "Skolen"),
    ]:  # BIF and BUF beside the SOF coordinator
        page.get_by_label("Fagperson").select_option(label=label)
        page.get_by_label("Rolle i teamet").fill(role)
        page.get_by_role("button", name="Tilføj fagperson").click()
        expect(page.get_by_text(f"– {role}")).to_be_visible()
    assert_accessible(page, "51-intervention-course")
    page.get_by_label("Ny fase").select_option("phase_out")
    page.get_by_label("Begrundelse / progression").fill("Familien har god progression.")
    page.get_by_role("button", name="Skift fase").click()
    expect(page.get_by_text("Udfasning siden")).to_be_visible()
    page.goto(f"{live_server.url}/interventionsteam/styregruppe/")
    assert_accessible(page, "52-intervention-steering")
    assert page.get_by_text("Hansen").count() == 0
