"""The half-year report on troubled areas, end to end: the secretariat creates it, a district's
SSP leader submits its texts, the secretariat approves it (the figures freeze: a charge
recorded afterwards does not change the report or its PDF) and sends it to BUU, SOU and BIU,
then ØU. On the way the analyst reads the safety map and a district's trend, and the hotspot
suggestions. axe-core on every page."""

from datetime import date

from playwright.sync_api import expect

from browser_tests.conftest import assert_accessible, log_in


def _log_out(page) -> None:
    page.get_by_role("button", name="Log ud").click()
    page.wait_for_url("**/konto/log-ind/**")


def test_a_district_submits_its_texts_and_the_approved_report_is_frozen(
    live_server, page, analyst, ssp_consultant, district_ssp_people
):
    from areas.demo import demo_areas_create
    from cases.models import SspBodyMembership
    from outcomes.models import CrimeEvent
    from people.actions import person_create
    from people.models import Person
    from reports.models import TroubledAreasReport
    from reports.troubled_areas import district_text_submit

    demo_areas_create()
    young = person_create(
        by=analyst, first_name="Ung", last_name="Demo", birth_date=date(2010, 5, 1), purpose="t"
    )
    Person.objects.filter(pk=young.pk).update(district="noerrebro")
    for day in range(1, 6):
        CrimeEvent.objects.create(
            person=young, occurred_on=date(2026, 3, day), kind="charge", category="property"
        )

    log_in(page, live_server, "analyst")
    page.goto(f"{live_server.url}/omraader/kort/")
    expect(page.locator("#safety-map .leaflet-interactive").first).to_be_visible()
    assert_accessible(page, "95-safety-map")
    page.get_by_role("link", name="Nørrebro", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nørrebro")
    expect(page.locator("svg.trend-chart, figure svg").first).to_be_visible()
    assert_accessible(page, "96-safety-district-trend")
    page.goto(f"{live_server.url}/omraader/hotspots/forslag/")
    expect(page.get_by_role("row", name="Nørrebro Sydøst")).to_contain_text("hot spot")
    assert_accessible(page, "97-hotspot-suggestions")

    page.goto(f"{live_server.url}/rapporter/urolige-omraader/")
    page.get_by_label("Titel").fill("Urolige områder, 1. halvår 2026")
    page.get_by_label("Halvår").select_option("2026-1")
    page.get_by_role("button", name="Opret rapport").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Urolige områder, 1. halvår 2026")
    report = TroubledAreasReport.objects.get()
    for text in report.district_texts.exclude(district="noerrebro"):
        district_text_submit(
            by=district_ssp_people, text=text, challenges="Rolig periode.", responses="Drift."
        )
    # The Nørrebro consultant sits in the SSP body of an SSP district within Nørrebro.
    SspBodyMembership.objects.create(user=ssp_consultant, ssp_district="3 Nørrebro")
    _log_out(page)

    log_in(page, live_server, "ssp_consultant")
    page.goto(f"{live_server.url}/rapporter/urolige-omraader/{report.pk}/")
    nørrebro = page.locator("section", has=page.get_by_role("heading", name="Nørrebro"))
    expect(nørrebro).to_contain_text("mangler")
    nørrebro.get_by_text("Skriv bydelens tekster").click()
    nørrebro.get_by_label("Udfordringer").fill("Uro på Blågårds Plads om aftenen.")
    nørrebro.get_by_label("Sådan mødes de").fill("Gadeplansmedarbejdere og natteravne.")
    assert_accessible(page, "98-troubled-areas-district-writes")
    nørrebro.get_by_role("button", name="Indsend").click()
    expect(page.get_by_text("Bydelens tekster er gemt.")).to_be_visible()
    expect(nørrebro).to_contain_text("indsendt")
    _log_out(page)

    log_in(page, live_server, "analyst")
    page.goto(f"{live_server.url}/rapporter/urolige-omraader/{report.pk}/")
    page.get_by_role("button", name="Godkend og frys tallene").click()
    expect(page.get_by_text("Frosset ved godkendelsen")).to_be_visible()
    row = page.get_by_role("row", name="Nørrebro")
    expect(row.locator("td").first).to_have_text("5")
    with page.expect_download() as first:
        page.get_by_role("link", name="Hent som PDF").click()
    frozen_pdf = first.value.path().read_bytes()
    assert frozen_pdf.startswith(b"%PDF")

    # A charge recorded after approval changes neither the page nor the figures in the PDF.
    CrimeEvent.objects.create(
        person=young, occurred_on=date(2026, 4, 1), kind="charge", category="property"
    )
    page.reload()
    expect(page.get_by_role("row", name="Nørrebro").locator("td").first).to_have_text("5")
    report.refresh_from_db()
    assert report.frozen_figures["districts"][2]["charges_under_18"] == 5

    for committee in ["BUU", "SOU", "BIU", "ØU"]:
        page.get_by_label("Udvalg", exact=True).select_option(committee)
        page.get_by_label("Udvalgsmøde").fill(date.today().isoformat())
        page.get_by_role("button", name="Send til udvalget").click()
        expect(page.get_by_text("Rapporten er sendt til")).to_be_visible()
    expect(page.locator(".font-lead")).to_contain_text("Sendt til alle udvalg")
    assert_accessible(page, "99-troubled-areas-sent")

    # Sent to all four committees, the report is one afrapportering of its initiative.
    page.goto(f"{live_server.url}/indsatser/urolige-omraader/resultater/")
    card = page.locator("section.criterion", has_text="halvårligt afrapporteringer")
    expect(card.locator("tbody tr").first.locator("td").nth(3)).to_have_text("1")
    expect(page.get_by_text("Urolige områder, 1. halvår 2026")).to_be_visible()
