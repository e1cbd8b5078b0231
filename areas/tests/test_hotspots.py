"""Designated hotspots: goals, a responsible unit and a period; designated by the
secretariat, read by everyone."""

import pytest
from django.test import Client

from accounts.models import Unit
from areas.models import Area, AreaKind, AreaSet, Hotspot
from audit.models import AuditEvent
from conftest import login_client


@pytest.fixture
def norrebro(db):
    area_set = AreaSet.objects.create(key="bydele", name="Bydele", kind=AreaKind.DISTRICT)
    return Area.objects.create(area_set=area_set, code="03", name="Nørrebro")


def _form(area, **extra):
    return {
        "name": "Blågårds Plads",
        "area": area.pk,
        "goals": "Færre anmeldelser om aftenen; flere trygge beboere.",
        "responsible_unit": Unit.objects.first().pk,
        "period_start": "2026-01-01",
        **extra,
    }


def test_the_secretariat_designates_a_hotspot_and_everyone_reads_it(
    norrebro, analyst, committee_reader
):
    response = login_client(Client(), analyst).post("/omraader/hotspots/", _form(norrebro))
    assert response.status_code == 302
    hotspot = Hotspot.objects.get()
    assert hotspot.area == norrebro and AuditEvent.objects.filter(action="hotspot.designate")
    page = login_client(Client(), committee_reader).get("/omraader/hotspots/").content.decode()
    assert "Blågårds Plads" in page and "Udpeg et hotspot" not in page


def test_a_period_ending_before_it_starts_is_refused(norrebro, analyst, caseworker):
    client = login_client(Client(), analyst)
    page = client.post("/omraader/hotspots/", _form(norrebro, period_end="2025-06-30"))
    assert page.status_code == 200 and not Hotspot.objects.exists()
    assert (
        login_client(Client(), caseworker).post("/omraader/hotspots/", _form(norrebro)).status_code
        == 403
    )
