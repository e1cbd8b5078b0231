"""A referral is sent, declined with a reason, re-sent and accepted."""

from datetime import date

from playwright.sync_api import expect

from accounts.models import Unit
from accounts.roles import Role
from browser_tests.conftest import assert_accessible, log_in
from cases.actions import ssp_case_open
from conftest import make_user
from people.actions import person_create


def _log_out(page):
    page.get_by_role("button", name="Log ud").click()


def test_a_referral_is_declined_resent_and_accepted(live_server, page, ssp_consultant):
    receiver = make_user("jobcenter", [Role.CASEWORKER], "BIF")
    receiver.unit = Unit.objects.get(name="Jobcenter København – Unge / Krimiteamet")
    receiver.save()
    person = person_create(
        by=ssp_consultant,
        first_name="Henvist",
        last_name="Demo",
        birth_date=date(2009, 4, 4),
        purpose="test",
        is_synthetic=True,
    )
    case = ssp_case_open(
        by=ssp_consultant,
        person=person,
        level=3,
        reporting_partner="Politi",
        reported_on=date(2026, 11, 1),
        ssp_district="3 Nørrebro",
        description="x",
        legal_basis="consent",
        consent_date=date(2026, 11, 1),
        consent_scope="SSP",
    )

    log_in(page, live_server, "ssp_consultant")
    page.goto(f"{live_server.url}/sager/{case.pk}/")
    page.get_by_role("link", name="Henvis til en anden enhed").click()
    assert_accessible(page, "40-referral-form")
    page.get_by_label("Til enhed (indgang)").select_option(
        label="BIF: Jobcenter København – Unge / Krimiteamet"
    )
    page.get_by_label("Årsag").fill("Den unge har brug for en jobrettet indsats.")
    page.get_by_label("Samtykke").check()
    page.get_by_role("button", name="Send henvisning").click()
    expect(page.get_by_text("Henvisningen er sendt")).to_be_visible()
    _log_out(page)

    log_in(page, live_server, "jobcenter")
    page.get_by_role("link", name="Henvisninger").click()
    assert_accessible(page, "41-referral-queue")
    page.get_by_label("Begrundelse (skal udfyldes ved afvisning)").fill(
        "Mangler oplysning om uddannelse."
    )
    page.get_by_role("button", name="Afvis").click()
    expect(page.get_by_text("Mangler oplysning om uddannelse.")).to_be_visible()
    _log_out(page)

    log_in(page, live_server, "ssp_consultant")
    page.goto(f"{live_server.url}/sager/{case.pk}/")
    expect(page.get_by_text("Afvist (Mangler oplysning om uddannelse.)")).to_be_visible()
    page.get_by_role("link", name="Send igen").click()
    page.get_by_label("Årsag").fill("Den unge har afsluttet 9. klasse og ønsker uddannelse.")
    page.get_by_role("button", name="Send henvisning").click()
    _log_out(page)

    log_in(page, live_server, "jobcenter")
    page.goto(f"{live_server.url}/henvisninger/")
    page.get_by_role("button", name="Modtag").click()
    expect(page.get_by_text("Henvisningen er besvaret.")).to_be_visible()
    page.goto(f"{live_server.url}/sager/{case.pk}/")
    expect(page.get_by_text("Modtager af henvisning")).to_be_visible()
