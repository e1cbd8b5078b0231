"""A caseworker records a job-centre status for a participant and sees the initiative's
scorecard change on the next load; then the criterion's trend and the people behind it."""

from datetime import timedelta

from playwright.sync_api import expect

from browser_tests.conftest import assert_accessible, log_in, run_the_worker_with_the_page_waiting
from outcomes.models import StatusObservation
from outcomes.tests.conftest import cohort  # noqa: F401 (a fixture, used through request)


def test_recording_a_status_changes_the_scorecard(live_server, page, request):
    members = request.getfixturevalue("cohort")  # outcomes' fixture: ten participants
    for participation in members[:4]:
        StatusObservation.objects.create(
            person=participation.person,
            observed_on=participation.started_on + timedelta(days=91),
            status="none",
            source="job_centre",
        )
    log_in(page, live_server, "ssp_consultant")
    scorecard = f"{live_server.url}/indsatser/fremskudt-norrebro/resultater/"
    page.goto(scorecard)
    three_months = page.get_by_role("row", name="efter 3 mdr.").first
    expect(three_months).to_contain_text("For få data")  # 4 observed: under 5

    person = members[4].person
    page.goto(f"{live_server.url}/personer/{person.pk}/")
    page.get_by_text("Registrér status", exact=True).first.click()
    form = page.locator(f"form[action='/personer/{person.pk}/status/']")
    form.get_by_label("Status").select_option("job")
    form.get_by_label("Dato").fill((members[4].started_on + timedelta(days=91)).isoformat())
    form.get_by_label("Kilde").select_option("job_centre")
    form.get_by_role("button", name="Registrér status").click()
    expect(page.get_by_text("Gemt.")).to_be_visible()

    page.goto(scorecard)
    three_months = page.get_by_role("row", name="efter 3 mdr.").first
    expect(three_months).to_contain_text("20 %")  # 1 in job of 5 observed
    expect(three_months).to_contain_text("Opfyldt")  # at least 20 %
    assert_accessible(page, "63-scorecard-after-status")

    page.get_by_role("link", name="Udvikling år for år og personerne bag tallene").first.click()
    expect(page.get_by_role("heading", name="Udvikling år for år")).to_be_visible()
    assert_accessible(page, "64-criterion-trend")
    page.get_by_role("link", name="Vis personer").first.click()
    expect(page.get_by_role("heading", name="Personerne bag tallet")).to_be_visible()
    expect(page.get_by_role("link", name=str(person))).to_be_visible()
    assert_accessible(page, "65-people-behind-a-figure")


def test_an_administrator_imports_an_extract_with_a_progress_bar(
    live_server, page, administrator, tmp_path, request
):
    request.getfixturevalue("young_person")  # CPR 010108-4123
    extract = tmp_path / "jobcenter.csv"
    rows = "\r\n".join(["cpr;dato;status"] + ["010108-4123;03-02-2026;I job"] * 500)
    extract.write_bytes(rows.encode("cp1252"))
    log_in(page, live_server, "administrator", administrator=True)
    page.get_by_role("link", name="Registerudtræk").click()
    page.get_by_label("Udtræk").select_option("status")
    page.get_by_label("Fil (CSV eller Excel)").set_input_files(str(extract))
    page.get_by_role("button", name="Indlæs", exact=True).click()
    expect(page.get_by_text("Venter på at blive indlæst")).to_be_visible()
    assert_accessible(page, "69-import-queued")
    run_the_worker_with_the_page_waiting(page)
    # The page polls the job and shows the outcome without a reload.
    expect(page.get_by_text("500 rækker er gemt.")).to_be_visible(timeout=5000)
    expect(page.locator("progress")).to_have_attribute("value", "100")
    assert_accessible(page, "70-import-done")
