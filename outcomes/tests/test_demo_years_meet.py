"""The demo's time frame meets the seeds': survey waves, police counts, cases and outcomes from
the seeds' years to today, so every scorecard shows computed figures (not 'no records') where
the seed gives a measurable criterion, and the current half-year report has this year's
safety index."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from initiatives.models import Initiative
from initiatives.reference_catalogue import area_goals_link
from outcomes.scorecard import CARD_BUILDERS, initiative_scorecard

TODAY = date(2026, 12, 2)
# Computable in kind, but the seed names no one area they could be measured on.
NO_AREA_IN_THE_SEED = {
    "Mere tryghed i de 4 udvalgte boligområder.",  # four unnamed housing areas
    "Tryghed i lokalområdet øges",  # Ny Start's four housing areas in two districts
}


@pytest.fixture
def demo(all_roles, settings):
    from accounts.demo import demo_users_create
    from areas.demo import demo_areas_create
    from cases.demo_population import demo_population_create
    from reports.demo import demo_presentations_create

    settings.DEBUG = True
    with time_machine.travel(datetime(2026, 12, 2, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        demo_users_create()
        demo_population_create(young_people=300, today=TODAY)
        demo_areas_create()
        area_goals_link()
        demo_presentations_create()
        yield


def test_every_measurable_criterion_of_the_demo_is_computed_from_records(demo):
    uncomputed, no_records = [], []
    with time_machine.travel(datetime(2026, 12, 2, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        for initiative in Initiative.objects.prefetch_related("success_criteria"):
            for cards in initiative_scorecard(initiative, TODAY).values():
                for card in cards:
                    text = card.criterion.text
                    if card.criterion.kind not in CARD_BUILDERS:
                        continue
                    if not card.computed:
                        if not any(text.startswith(t) for t in NO_AREA_IN_THE_SEED):
                            uncomputed.append(f"{initiative.slug}: {text[:60]}")
                        continue
                    if any("Ingen registreringer" in r.note for r in card.results):
                        no_records.append(f"{initiative.slug}: {text[:60]}")
    assert uncomputed == []
    assert no_records == []


def test_the_current_half_years_report_has_this_years_safety_index(demo):
    from reports.models import TroubledAreasReport
    from reports.troubled_areas import report_figures

    report = TroubledAreasReport(period_start=date(2026, 7, 1), period_end=date(2026, 12, 31))
    with time_machine.travel(datetime(2026, 12, 2, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        figures = report_figures(report)
    years = {row["safety"]["year"] for row in figures["districts"] if row.get("safety")}
    assert years == {2026}
