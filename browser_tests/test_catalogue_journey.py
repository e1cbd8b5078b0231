"""An initiative owner's journey: log in, browse and filter the catalogue, open an initiative,
change a success criterion, download the status form as PDF."""

import re

from playwright.sync_api import expect

from browser_tests.conftest import assert_accessible, log_in
from initiatives.models import SuccessCriterion


def test_an_owner_browses_changes_a_criterion_and_downloads_the_pdf(live_server, page, bif_owner):
    page.goto(f"{live_server.url}/konto/log-ind/")
    assert_accessible(page, "01-login")
    log_in(page, live_server, "bif_owner")
    assert page.get_by_role("heading", name="Indsatskatalog").is_visible()
    assert_accessible(page, "02-catalogue")

    page.get_by_label("Forvaltning").select_option("BIF")
    expect(page.locator("#results")).to_contain_text("20 indsatser")
    page.get_by_label("Aktiv i år").fill("2014")
    page.get_by_role("button", name="Filtrér").click()
    expect(page.locator("#results")).to_contain_text("18 indsatser")
    expect(page).to_have_url(re.compile(r"department=BIF.*year=2014"))
    assert page.get_by_role("link", name="Den Korte Snor", exact=True).count() == 0
    assert_accessible(page, "03-catalogue-filtered")

    page.get_by_role("link", name="SSP/SSP+/national-EXIT").click()
    assert page.get_by_role("heading", name="SSP/SSP+/national-EXIT", level=1).is_visible()
    assert page.get_by_text("100 unge modtager løbende tilbud i SSP+.").first.is_visible()
    assert_accessible(page, "04-initiative")

    page.locator("section.criterion", has_text="100 unge modtager").get_by_role(
        "link", name="Rediger"
    ).click()
    assert_accessible(page, "05-criterion-edit")
    page.get_by_role("spinbutton", name="Mål").fill("120")
    page.get_by_role("button", name="Gem succeskriterium").click()
    assert page.get_by_text("Succeskriteriet er gemt.").is_visible()
    assert page.get_by_text("Mål: mindst 120 personer").is_visible()
    assert SuccessCriterion.objects.get(initiative__slug="ssp-plus-exit").target_value == 120

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Statusskema som PDF").click()
    download = download_info.value
    assert download.suggested_filename == "statusskema-ssp-plus-exit.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"


def test_an_owner_cannot_edit_another_departments_initiative(live_server, page, bif_owner):
    log_in(page, live_server, "bif_owner")
    page.goto(f"{live_server.url}/indsatser/den-korte-snor/")
    assert page.get_by_role("link", name="Rediger indsatsen").count() == 0
    response = page.goto(f"{live_server.url}/indsatser/den-korte-snor/rediger/")
    assert response.status == 403
    assert page.get_by_role("heading", name="Ingen adgang").is_visible()
