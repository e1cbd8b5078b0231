"""What the intervention steering group is shown (docs/decisions/0013): exact counts by
district and phase for those who may see every family in the programme; for the others the
programme as a whole at the end of last month, aggregated until the figures say something,
with no cell under 5 derivable from another table."""

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client

from cases.intervention import steering_figures
from cases.models import InterventionCourse, Phase, PhaseDecision
from conftest import login_client
from people.models import Household

TODAY = date(2026, 12, 2)


def _courses(coordinator, district: str, phases: dict[str, int]) -> None:
    for phase, n in phases.items():
        for _ in range(n):
            course = InterventionCourse.objects.create(
                household=Household.objects.create(name="Familien Demo"),
                district=district,
                coordinator=coordinator,
                admitted_on=date(2026, 6, 1),
                phase=phase,
                phase_started_on=date(2026, 9, 1),
            )
            if phase != Phase.INTENSIVE:
                PhaseDecision.objects.create(
                    course=course,
                    from_phase=Phase.INTENSIVE,
                    to_phase=phase,
                    decided_by=coordinator,
                    decided_on=date(2026, 9, 1),
                )


@pytest.fixture
def programme(coordinator):
    """Nørrebro: 4 intensive, 3 in phase-out; Tingbjerg (Brønshøj-Husum): 4 intensive,
    3 in phase-out. By district every cell is under 5; for the programme none is."""
    for district in ("noerrebro", "broenshoej-husum"):
        _courses(coordinator, district, {Phase.INTENSIVE: 4, Phase.PHASE_OUT: 3})


def test_those_who_see_every_family_see_exact_counts_by_district(programme, coordinator):
    figures = steering_figures(coordinator, TODAY)
    assert figures.exact and figures.as_of == TODAY
    assert figures.families["noerrebro"]["intensive"] == 4
    assert figures.families["noerrebro"]["phase_out"] == 3


def test_others_see_the_whole_programme_at_the_end_of_last_month(programme, analyst):
    figures = steering_figures(analyst, TODAY)
    assert not figures.exact and figures.as_of == date(2026, 11, 30)
    assert figures.families == {
        "begge": {"intensive": 8, "phase_out": 6, "aftercare": 0, "ended": 0}
    }
    assert figures.admitted == {"noerrebro": 7, "broenshoej-husum": 7}


def test_the_aggregated_page_shows_the_figures_instead_of_small_count_marks(programme, analyst):
    with time_machine.travel(TODAY):
        page = login_client(Client(), analyst).get("/interventionsteam/styregruppe/")
    text = page.content.decode()
    assert ">8<" in text and ">6<" in text and "&lt;5" not in text
    assert "Nørrebro" in text  # admitted per district: 7 and 7


def test_a_phase_change_today_reaches_the_aggregated_view_only_after_the_month(
    programme, analyst, coordinator
):
    course = InterventionCourse.objects.filter(phase=Phase.PHASE_OUT).first()
    PhaseDecision.objects.create(
        course=course,
        from_phase=Phase.PHASE_OUT,
        to_phase=Phase.AFTERCARE,
        decided_by=coordinator,
        decided_on=TODAY,
    )
    assert steering_figures(analyst, TODAY).families["begge"]["aftercare"] == 0
    later = steering_figures(analyst, TODAY + timedelta(days=31))
    assert later.families["begge"]["aftercare"] == 1
    exact = steering_figures(coordinator, TODAY).families
    assert exact["noerrebro"]["aftercare"] + exact["broenshoej-husum"]["aftercare"] == 1


def test_no_table_of_the_aggregated_view_can_be_subtracted_from_another(programme, analyst):
    figures = steering_figures(analyst, TODAY)
    # One row each, and the same total: a difference of two tables is 0, never a cell.
    assert len(figures.families) == 1 and len(figures.overdue) == 1
    assert sum(figures.families["begge"].values()) == sum(figures.admitted.values())
