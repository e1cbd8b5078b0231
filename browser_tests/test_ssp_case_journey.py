"""An SSP consultant registers a level-3 case and sees its actions; raising it to level 4
adds the new level's actions."""

import re

from playwright.sync_api import expect

from browser_tests.conftest import assert_accessible, log_in


def test_an_ssp_consultant_registers_a_level_3_case_and_raises_it(
    live_server, page, ssp_consultant
):
    log_in(page, live_server, "ssp_consultant")
    page.goto(f"{live_server.url}/mit-arbejde/")
    assert_accessible(page, "30-my-work-empty")
    page.get_by_role("link", name="Ny SSP-sag").click()
    assert_accessible(page, "31-case-new")
    page.get_by_role("textbox", name="CPR-nummer (frivilligt)").fill("050508-4321")
    page.get_by_label("Fornavn").fill("Demo")
    page.get_by_label("Efternavn").fill("Ungesen")
    page.get_by_label("SSP-niveau").select_option("3")
    page.get_by_label("Indberettet af (partner)").fill("Københavns Politi")
    page.get_by_label("Dato", exact=True).fill("2026-11-20")
    page.get_by_label("SSP-distrikt").select_option("15 Sundbyvester")
    page.get_by_label("Beskrivelse").fill("Gentagne røverier i området.")
    page.get_by_label("Retsplejeloven § 115").check()
    page.get_by_label("Hvorfor er videregivelsen nødvendig?").fill(
        "Koordinering mellem skole, socialforvaltning og politi."
    )
    page.get_by_role("button", name="Opret sag").click()
    expect(page.get_by_text("SSP-sagen er oprettet")).to_be_visible()
    expect(
        page.get_by_role("cell", name="Behandling i koordinationsgruppen", exact=True)
    ).to_be_visible()
    assert page.get_by_text("050508-4321").count() == 0
    assert_accessible(page, "32-case-level-3")

    page.get_by_label("Nyt niveau").select_option("4")
    page.get_by_label("Begrundelse").fill("Vold mod en anden ung.")
    page.get_by_role("button", name="Skift niveau").click()
    expect(page.get_by_text("Niveauet er ændret.")).to_be_visible()
    expect(page.get_by_role("cell", name="Akut koordinationsmøde", exact=True)).to_be_visible()
    assert_accessible(page, "33-case-level-4")

    page.get_by_role("link", name="Mit arbejde").click()
    # Nobody in the district's coordination group holds the coordinator role, so the duty
    # comes to the consultant, and the task says why.
    duty = page.get_by_role("cell", name=re.compile(r"^Akut koordinationsmøde"))
    expect(duty).to_be_visible()
    expect(duty).to_contain_text("Ingen med rollen Koordinator")
    assert_accessible(page, "34-my-work")
    page.get_by_role("link", name="Søg person").click()
    page.get_by_label("Navn", exact=True).fill("Ungesen")
    page.get_by_role("button", name="Søg").click()
    page.get_by_role("link", name="Demo Ungesen").click()
    expect(page.get_by_text("050508-xxxx")).to_be_visible()
    assert_accessible(page, "35-person")
    page.get_by_role("button", name="Vis CPR-nummer").click()
    expect(page.get_by_text("050508-4321")).to_be_visible()
    assert_accessible(page, "36-person-cpr-revealed")
