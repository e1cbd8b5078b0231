"""A committee reader opens an initiative's evidence card from the catalogue and its PDF; the
owner adds a step to the change theory."""

from django.utils import timezone
from playwright.sync_api import expect

from accounts.demo import demo_users_create
from accounts.models import User
from browser_tests.conftest import assert_accessible, log_in_as_demo_user
from cases.demo_population import demo_population_create
from evidence.demo import demo_registers_create
from outcomes.models import Participation, StatusObservation


def test_a_reader_opens_the_evidence_card_and_its_pdf(live_server, page, catalogue, settings):
    settings.DEBUG = True
    demo_users_create()
    demo_population_create(young_people=400)
    demo_registers_create(today=timezone.localdate(), by=User.objects.get(username="sagsbehandler"))

    log_in_as_demo_user(page, live_server, "udvalg")
    page.goto(f"{live_server.url}/indsatser/fremskudt-norrebro/")
    page.get_by_role("link", name="Evidenskort: virker indsatsen?").click()
    expect(page.get_by_role("heading", name="Effekt", exact=True)).to_be_visible()
    expect(page.get_by_text("Endelige tal for afsluttede år")).to_be_visible()
    assert_accessible(page, "69-evidence-card-reader")
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent evidenskortet som PDF").click()
    assert download.value.suggested_filename == "evidenskort-fremskudt-norrebro.pdf"

    # A register delivers a status: the card computed before it is shown, saying so, while
    # the worker computes the new one.
    participation = Participation.objects.filter(initiative__slug="fremskudt-norrebro").first()
    StatusObservation.objects.create(
        person=participation.person,
        observed_on=timezone.localdate(),
        status="job",
        source="job_centre",
    )
    page.reload()
    expect(page.get_by_text("Et nyt kort beregnes nu")).to_be_visible()
    assert_accessible(page, "75-evidence-card-recomputing")


def test_the_owner_adds_a_step_to_the_change_theory(live_server, page, catalogue, settings):
    settings.DEBUG = True
    demo_users_create()
    log_in_as_demo_user(page, live_server, "ejer.bif")
    page.goto(f"{live_server.url}/indsatser/exit-programmet/evidens/")
    page.get_by_text("Tilføj et trin til forandringsteorien").click()
    page.get_by_label("Trin").select_option(label="Aktivitet")
    page.get_by_label("Beskrivelse").fill("Mentorforløb og jobsamtaler")
    page.get_by_role("button", name="Tilføj trin").click()
    expect(page.get_by_text("Trinnet er føjet til forandringsteorien.")).to_be_visible()
    assert_accessible(page, "70-evidence-card-change-theory")
