"""Acute incidents: recorded by SSP and the secretariat with a place, a day and a kind (never
a person), audited, read by everyone; a date in the future is refused and nothing saved."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from areas.models import AcuteIncident
from audit.models import AuditEvent
from conftest import login_client


def _form(**extra):
    return {
        "district": "noerrebro",
        "place": "Blågårds Plads",
        "occurred_on": timezone.localdate().isoformat(),
        "kind": "unrest",
        "description": "Større gruppe unge, politiet tilkaldt.",
        **extra,
    }


def test_ssp_records_an_incident_and_everyone_reads_it(ssp_consultant, committee_reader):
    response = login_client(Client(), ssp_consultant).post("/omraader/haendelser/", _form())
    assert response.status_code == 302
    incident = AcuteIncident.objects.get()
    assert incident.recorded_by == ssp_consultant
    assert AuditEvent.objects.filter(action="acute_incident.record").exists()
    page = login_client(Client(), committee_reader).get("/omraader/haendelser/").content.decode()
    assert "Blågårds Plads" in page and "Registrér en hændelse" not in page


def test_a_date_in_the_future_is_refused_and_a_case_worker_may_not_record(analyst, caseworker):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    page = login_client(Client(), analyst).post(
        "/omraader/haendelser/", _form(occurred_on=tomorrow), follow=True
    )
    assert "Datoen ligger i fremtiden" in page.content.decode()
    assert not AcuteIncident.objects.exists()
    refused = login_client(Client(), caseworker).post("/omraader/haendelser/", _form())
    assert refused.status_code == 403 and not AcuteIncident.objects.exists()
