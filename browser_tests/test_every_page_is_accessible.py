"""axe-core on every page of the catalogue part, as an administrator (who sees them all)."""

from browser_tests.conftest import assert_accessible, log_in

PAGES = [
    ("/indsatser/budget/", "06-budget"),
    ("/indsatser/budget/?first=2014&last=2017&view=department", "07-budget-by-department"),
    ("/indsatser/budget/?first=2009&last=2012&view=source", "08-budget-by-source"),
    ("/indsatser/budget/kilde/002-tabel-integrationspolitikkens-maal/", "09-source-table-002"),
    ("/indsatser/budget/kilde/003-tabel-1/", "10-source-table-003"),
    ("/indsatser/medfinansiering/", "11-cofinancing"),
    ("/indsatser/interventionsteam/", "12-intervention-team"),
    ("/indsatser/fritidsjob/rediger/", "13-initiative-edit"),
    ("/indsatser/fritidsjob/succeskriterier/ny/", "14-criterion-new"),
    ("/indsatser/budget/import/", "15-budget-import"),
    ("/indsatser/fritidsjob/bevillinger/", "15a-fundings"),
    ("/indsatser/fritidsjob/status/ny/", "15b-status-report"),
    ("/konto/roller/", "16-roles"),
    ("/konto/api-noegler/", "17-api-tokens"),
    ("/revision/", "18-audit-trail"),
    ("/konto/brugere/", "20-users"),
    ("/konto/brugere/ny/", "21-user-new"),
    ("/niveauregler/", "22-level-rules"),
    ("/niveauregler/3/", "23-level-rule-edit"),
    ("/noedadgang/", "24-emergency-access"),
    ("/noedadgang/gennemgang/", "25-emergency-review"),
    ("/sager/overblik/", "26-case-overview"),
    ("/indsigt/", "27-subject-access-report"),
    ("/niveauregler/ssp-plus/", "28-ssp-plus-settings"),
    ("/interventionsteam/styregruppe/", "29a-intervention-steering-admin"),
    ("/indsatser/fremskudt-norrebro/resultater/", "60-scorecard"),
    ("/progressionsparametre/", "62-progression-parameters"),
    ("/indsatser/vink/resultater/", "66-scorecard-activities-and-surveys"),
    ("/indsatser/ny-start/resultater/", "67-scorecard-rises-and-falls"),
    ("/registerudtraek/", "71-records-import"),
    ("/omraader/", "80-areas-designation"),
    ("/omraader/udlejning/", "81-areas-letting"),
    ("/omraader/tryghed/", "85-safety-index"),
    ("/omraader/tryghed/bydele/03/", "86-safety-norrebro"),
    ("/omraader/import/", "87-area-import"),
    ("/omraader/kort/", "88-safety-map"),
    ("/omraader/overfoerselsindkomst/", "89-transfer-income"),
    ("/omraader/hotspots/", "92-hotspots"),
    ("/rapporter/urolige-omraader/", "90-troubled-areas-list"),
    ("/omraader/hotspots/forslag/", "93-hotspot-suggestions"),
    ("/omraader/haendelser/", "94-acute-incidents"),
    ("/omraader/tryghed/sammenlign/", "95a-safety-comparison"),
]


def test_every_page_passes_axe(live_server, page, administrator):
    from datetime import date

    from areas.demo import demo_areas_create
    from reports.troubled_areas import report_create

    demo_areas_create()
    report = report_create(
        by=administrator,
        title="Urolige områder, 1. halvår 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
    )
    pages = [*PAGES, (f"/rapporter/urolige-omraader/{report.pk}/", "91-troubled-areas-report")]
    page.goto(f"{live_server.url}/konto/log-ind/")
    page.get_by_label("Brugernavn").fill("administrator")
    from conftest import PASSWORD

    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    assert_accessible(page, "00-two-factor")
    from conftest import current_totp

    page.get_by_label("Kode fra din godkendelsesapp").fill(current_totp())
    page.get_by_role("button", name="Bekræft").click()
    page.wait_for_url(f"{live_server.url}/indsatser/**")
    for path, name in pages:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page, name)


def test_a_budget_import_with_a_bad_row_shows_the_line(live_server, page, bif_owner, tmp_path):
    log_in(page, live_server, "bif_owner")
    page.goto(f"{live_server.url}/indsatser/budget/import/")
    bad = tmp_path / "budget.csv"
    bad.write_bytes(
        "indsats;år;beløb;kilde;forvaltning\nkrimiteamet;2018;-1;egen-ramme;BIF\n".encode("cp1252")
    )
    page.get_by_label("Fil (CSV eller Excel)").set_input_files(str(bad))
    page.get_by_role("button", name="Indlæs").click()
    assert page.get_by_text("Linje 2: beløbet -1 er negativt").is_visible()
    assert_accessible(page, "19-budget-import-rejected")


def test_a_survey_criterion_page_with_its_upload_form_passes_axe(live_server, page, bif_owner):
    from initiatives.models import SuccessCriterion

    criterion = SuccessCriterion.objects.get(
        initiative__slug="vink", text__startswith="80 % af forældre og unge"
    )
    log_in(page, live_server, "bif_owner")
    page.goto(f"{live_server.url}/indsatser/vink/resultater/{criterion.pk}/")
    assert page.get_by_role("button", name="Indlæs svar").is_visible()
    assert_accessible(page, "68-survey-criterion")
