"""An analyst imports a survey wave with a progress bar and opens the safety index; the
designation page tells the seed's story. axe-core on every page."""

from playwright.sync_api import expect

from browser_tests.conftest import assert_accessible, log_in, run_the_worker_with_the_page_waiting


def test_an_analyst_imports_a_survey_wave_and_reads_the_index(live_server, page, analyst, tmp_path):
    from areas.demo import demo_areas_create

    demo_areas_create()
    rows = ["område;vægt;nabolag;aften;nat;offer"]
    for district in ["Nørrebro", "Østerbro"]:
        rows += [f"{district};1,2;tryg;ja;ja;nej"] * 90 + [f"{district};0,8;utryg;nej;nej;ja"] * 30
    wave = tmp_path / "tryghed-2008.csv"
    wave.write_bytes("\r\n".join(rows).encode("cp1252"))
    log_in(page, live_server, "analyst")
    page.goto(f"{live_server.url}/omraader/tryghed/")
    page.get_by_role("link", name="Indlæs en undersøgelse eller politiets tal").click()
    page.get_by_label("Hvad indlæses").select_option("areas.survey")
    page.get_by_label("Inddeling").select_option(label="Københavns 10 bydele")
    page.get_by_label("År (undersøgelse)").fill("2008")
    page.get_by_label("Inviterede (undersøgelse)").fill("900")
    page.get_by_label("Fil (CSV eller Excel)").set_input_files(str(wave))
    page.get_by_role("button", name="Indlæs", exact=True).click()
    expect(page.locator("progress")).to_be_visible()
    assert_accessible(page, "82-area-import-queued")
    run_the_worker_with_the_page_waiting(page)
    expect(page.get_by_text("240 rækker er gemt.")).to_be_visible(timeout=5000)
    page.goto(f"{live_server.url}/omraader/tryghed/?aar=2008")
    # 90 × 1.2 safe of 90 × 1.2 + 30 × 0.8 answers: 108 / 132 = 82 %.
    expect(page.get_by_role("row", name="Nørrebro")).to_contain_text("82 %")
    assert_accessible(page, "83-safety-index-2008")
    page.goto(f"{live_server.url}/omraader/")
    expect(page.get_by_role("row", name="2010 Områder hvor kombineret")).to_contain_text(
        "Bispeparken"
    )
    assert_accessible(page, "84-designation")
