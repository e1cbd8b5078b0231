"""Every refusal is a message, never a server error: every form the writing roles are shown
is posted by them with its fields empty, and with odd values (a date in the future, a number
that is too large, characters from elsewhere), and the troubled-areas workflow's refusals
(found as HTTP 500s) are answered with a Danish message and leave nothing half-written."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import User
from conftest import WRITERS, client_for, login_client
from outcomes.models import Activity
from reports.models import CommitteeSending, ReportStatus
from reports.troubled_areas import report_create

ODD = {"date": "2999-01-01", "number": "99999999999999", "text": "²\u202e<script>'"}


def _odd(fields: dict) -> dict:
    odd = {}
    for name, value in fields.items():
        if name == "csrfmiddlewaretoken":
            odd[name] = value
        elif len(value) == 10 and value[4] == "-" and value[7] == "-":
            odd[name] = ODD["date"]
        elif value.isdecimal():
            odd[name] = ODD["number"]
        else:
            odd[name] = ODD["text"]
    return odd


def test_every_form_posted_empty_or_odd_by_its_own_users_is_answered_never_a_server_error(
    everything_writers_are_offered,
):
    clients = {name: client_for(User.objects.get(username=name)) for name in WRITERS}
    for form in everything_writers_are_offered:
        for client in clients.values():
            empty = {k: "" for k in form.fields if k != "csrfmiddlewaretoken"}
            for data in (empty, _odd(form.fields)):
                response = client.post(form.action, data)
                assert response.status_code < 500, (form.action, data, response.status_code)


@pytest.fixture
def report(analyst):
    return report_create(
        by=analyst,
        title="Urolige områder, 1. halvår 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
    )


def _message(client, response) -> str:
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def test_the_troubled_areas_refusals_are_messages(report, analyst, district_ssp_people):
    client = login_client(Client(), analyst)
    base = f"/rapporter/urolige-omraader/{report.pk}"
    page = _message(client, client.post(f"{base}/godkend/"))
    assert "Mangler tekster fra" in page
    meeting = {"committee": "BUU", "meeting_on": timezone.localdate().isoformat()}
    page = _message(client, client.post(f"{base}/send/", meeting))
    assert "Kun en godkendt rapport kan sendes til udvalgene." in page
    writer = login_client(Client(), district_ssp_people)
    for text in report.district_texts.all():
        writer.post(
            f"{base}/tekst/{text.district}/",
            {"challenges": "Uro.", "responses": "Gadeplan.", "version": text.version},
        )
    client.post(f"{base}/godkend/")
    assert client.post(f"{base}/send/", meeting).status_code == 302
    page = _message(client, client.post(f"{base}/send/", meeting))
    assert "allerede sendt til Børne- og Ungdomsudvalget" in page
    assert CommitteeSending.objects.count() == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED


def test_an_activity_dated_in_the_future_is_refused_with_a_message(bif_owner):
    client = login_client(Client(), bif_owner)
    response = client.post(
        "/indsatser/vink/resultater/aktivitet/",
        {
            "held_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "kind": "session",
            "audience": "parents",
            "attendees": "12",
        },
    )
    page = _message(client, response)
    assert "fremtiden" in page
    assert not Activity.objects.exists()
