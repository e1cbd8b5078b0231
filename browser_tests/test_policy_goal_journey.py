"""An owner in SOF opens the policy goals, reads goal b's figures and verdict, writes the
department's assessment and reports it, frozen with the figures. axe-core on every page."""

from playwright.sync_api import expect

from areas.demo import demo_areas_create
from browser_tests.conftest import assert_accessible, log_in


def test_an_owner_assesses_a_policy_goal_and_reports_it(live_server, page, sof_owner):
    demo_areas_create()
    log_in(page, live_server, "sof_owner")
    page.get_by_role("link", name="Politiske mål").click()
    expect(page.get_by_role("heading", name="Politiske mål", exact=True)).to_be_visible()
    assert_accessible(page, "76-policy-goals")

    page.get_by_role("link", name="b) Andelen af personer uden tilknytning").click()
    expect(page.get_by_role("heading", name="Tallene")).to_be_visible()
    expect(page.get_by_text("Fristen 31.12.2010 er passeret").first).to_be_visible()
    page.get_by_label("Forvaltningens vurdering").fill("Realistisk med udlejningsaftalen.")
    page.get_by_role("button", name="Gem som kladde").click()
    expect(page.get_by_text("Vurderingen er gemt som kladde.")).to_be_visible()
    assert_accessible(page, "77-policy-goal-draft")

    page.get_by_role("button", name="Indberet vurderingen").click()
    expect(
        page.get_by_text("Vurderingen er indberettet og låst sammen med tallene.")
    ).to_be_visible()
    expect(page.get_by_text("Låst sammen med tallene, som de var")).to_be_visible()
    page.get_by_text("Tallene ved indberetningen").click()
    assert_accessible(page, "78-policy-goal-reported")


def test_an_analyst_loads_goal_cs_register_table_and_reads_the_comparison(
    live_server, page, analyst, tmp_path
):
    from policy_goals.demo import demo_crime_table_csv

    table = tmp_path / "kriminalitetsfrekvens.csv"
    table.write_bytes(demo_crime_table_csv())
    log_in(page, live_server, "analyst")
    page.goto(f"{live_server.url}/maal/c/")
    expect(page.get_by_text("Ikke målt").first).to_be_visible()
    page.get_by_role("link", name="Indlæs en registertabel for målet").click()
    assert_accessible(page, "79-goal-c-table-import")
    page.get_by_label("Fil (CSV eller Excel)").set_input_files(str(table))
    page.get_by_role("button", name="Indlæs", exact=True).click()
    expect(page.get_by_text("36 celler er indlæst.")).to_be_visible()
    expect(page.get_by_text("Rateratio, standardiseret:")).to_be_visible()
    expect(page.get_by_text("På niveau").first).to_be_visible()
    page.get_by_text("Social baggrund: standardpopulation og celler").click()
    assert_accessible(page, "80-goal-c-standardised")
