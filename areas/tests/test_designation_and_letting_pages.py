"""The designation page retells seed 002 from the (synthetic) figures, and a letting decision
is made under the rule in force, recorded, audited and counted per area and year."""

from datetime import date

import pytest
from django.test import Client

from areas.actions import letting_decide
from areas.demo import demo_areas_create
from areas.models import Area, AreaKind, AreaSet, AreaType, AreaTypeYear, LettingDecision
from areas.queries import area_types_by_year, designation_changes, housing_area_designations
from audit.models import AuditEvent
from conftest import ROLE_NAMES, login_client


@pytest.fixture
def housing_areas(db):
    demo_areas_create()
    return {a.name: a for a in Area.objects.filter(area_set__key="almene-boligomraader")}


def test_two_areas_became_six_when_the_rule_changed_while_the_areas_improved(housing_areas):
    changes = {c.year: c for c in designation_changes(housing_area_designations(range(2006, 2013)))}
    assert changes[2009].listed == ["Mjølnerparken", "Tingbjerg/Utterslevhuse"]
    assert len(changes[2010].listed) == 6 and "Bispeparken" in changes[2010].joined
    # Judged by the old rule, 2010 would still have had two.
    assert changes[2010].under_previous_rule == 2
    assert changes[2011].left == ["Bispeparken"]


def test_area_types_are_listed_per_year_and_counted(db):
    AreaTypeYear.objects.create(area=_area("Nord"), year=2010, area_type=AreaType.VULNERABLE)
    AreaTypeYear.objects.create(area=_area("Syd"), year=2010, area_type=AreaType.VULNERABLE)
    AreaTypeYear.objects.create(area=_area("Syd"), year=2011, area_type=AreaType.RISK)
    types = area_types_by_year(range(2010, 2012))
    assert types.by_area == [
        (Area.objects.get(name="Nord"), ["Udsat", ""]),
        (Area.objects.get(name="Syd"), ["Udsat", "Risiko"]),
    ]
    assert dict(types.counts)["Udsat"] == [2, 0] and dict(types.counts)["Risiko"] == [0, 1]


def _area(name: str) -> Area:
    area_set, _ = AreaSet.objects.get_or_create(
        key="test-boliger", defaults={"name": "Test", "kind": AreaKind.HOUSING_AREA}
    )
    return Area.objects.get_or_create(area_set=area_set, code=name, defaults={"name": name})[0]


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_role_reads_the_designation_page(all_roles, housing_areas, role):
    page = login_client(Client(), all_roles[role]).get("/omraader/")
    assert page.status_code == 200
    assert "Tingbjerg/Utterslevhuse" in page.content.decode()


def _months(n: int) -> list[tuple[date, str]]:
    return [(date(2026, m, 1), "kontanthjælp") for m in range(10 - n, 10)]


def test_a_letting_decision_is_recorded_with_its_reason_and_audited(housing_areas, caseworker):
    decision = letting_decide(
        by=caseworker,
        area=housing_areas["Mjølnerparken"],
        application_reference="A-123",
        applied_on=date(2026, 10, 5),
        months_received=_months(7),
    )
    assert not decision.approved and decision.consecutive_months == 7
    assert AuditEvent.objects.filter(action="letting.decide").count() == 1


def test_the_letting_page_decides_for_case_workers_and_hides_small_counts_from_others(
    housing_areas, caseworker, analyst
):
    client = login_client(Client(), caseworker)
    response = client.post(
        "/omraader/udlejning/",
        {
            "area": housing_areas["Bispeparken"].pk,
            "application_reference": "A-9",
            "applied_on": "2026-10-05",
            "months": "03-2026 kontanthjælp\n04-2026 kontanthjælp\n",
        },
        follow=True,
    )
    assert "Godkendt" in response.content.decode()
    assert LettingDecision.objects.get().approved
    # An analyst reads the counts but not the one decision (1 < 5), and cannot decide.
    reader = login_client(Client(), analyst)
    text = reader.get("/omraader/udlejning/").content.decode()
    assert "&lt;5" in text and "A-9" not in text
    assert reader.post("/omraader/udlejning/", {}).status_code == 403


def test_a_badly_written_month_line_is_refused_with_its_line_number(housing_areas, caseworker):
    response = login_client(Client(), caseworker).post(
        "/omraader/udlejning/",
        {
            "area": housing_areas["Bispeparken"].pk,
            "application_reference": "A-10",
            "applied_on": "2026-10-05",
            "months": "03-2026 kontanthjælp\nmarts kontanthjælp\n",
        },
    )
    assert "Linje 2" in response.content.decode()
    assert not LettingDecision.objects.exists()


def test_combined_letting_applies_only_in_areas_designated_that_year(housing_areas, caseworker):
    """Seed 002: the rule applies 'i de udpegede områder'. Blågården was not designated in
    2010, so an applicant there was not covered, never rejected."""
    from areas.queries import designated_in

    assert not designated_in(housing_areas["Blågården"], 2010)
    decision = letting_decide(
        by=caseworker,
        area=housing_areas["Blågården"],
        application_reference="B-2010",
        applied_on=date(2010, 10, 5),
        months_received=[(date(2010, m, 1), "kontanthjælp") for m in range(1, 10)],
    )
    assert (decision.covered, decision.approved) == (False, True)
    assert "Ikke omfattet" in decision.reason
    rejected = letting_decide(
        by=caseworker,
        area=housing_areas["Mjølnerparken"],
        application_reference="M-2010",
        applied_on=date(2010, 10, 5),
        months_received=[(date(2010, m, 1), "kontanthjælp") for m in range(1, 10)],
    )
    assert (rejected.covered, rejected.approved) == (True, False)
