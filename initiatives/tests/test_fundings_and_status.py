from decimal import Decimal

from django.test import Client

from audit.models import AuditEvent
from conftest import login_client
from initiatives.models import Funding, FundingSource, StatusReport


def test_an_owner_adds_and_deletes_a_funding_line(bif_owner):
    client = login_client(Client(), bif_owner)
    source = FundingSource.objects.get(code="egen-ramme")
    response = client.post(
        "/indsatser/vink/bevillinger/",
        {
            "first_year": "2015",
            "last_year": "2015",
            "amount": "1.725.000,00",
            "source": source.pk,
            "note": "Forlænget",
        },
    )
    assert response.status_code == 302
    line = Funding.objects.get(initiative__slug="vink", first_year=2015)
    assert line.amount == Decimal("1725000")
    assert client.post(f"/indsatser/vink/bevillinger/{line.pk}/slet/").status_code == 302
    assert not Funding.objects.filter(pk=line.pk).exists()
    assert list(
        AuditEvent.objects.filter(object_id=str(line.pk))
        .values_list("action", flat=True)
        .order_by("id")
    ) == ["funding.create", "funding.delete"]


def test_a_funding_line_with_years_in_the_wrong_order_is_refused(bif_owner):
    client = login_client(Client(), bif_owner)
    source = FundingSource.objects.get(code="egen-ramme")
    page = client.post(
        "/indsatser/vink/bevillinger/",
        {"first_year": "2016", "last_year": "2015", "amount": "5", "source": source.pk},
    ).content.decode()
    assert "Perioden kan ikke slutte, før den begynder." in page
    assert not Funding.objects.filter(initiative__slug="vink", first_year=2016).exists()


def test_status_for_a_period_is_saved_and_a_new_text_replaces_it_with_the_old_kept_in_the_audit(
    bif_owner,
):
    client = login_client(Client(), bif_owner)
    client.post("/indsatser/vink/status/ny/", {"period": "2014", "text": "Godt i gang."})
    client.post(
        "/indsatser/vink/status/ny/", {"period": "2014", "text": "Målene for 2014 er nået."}
    )
    assert (
        StatusReport.objects.get(initiative__slug="vink", period="2014").text
        == "Målene for 2014 er nået."
    )
    last = AuditEvent.objects.filter(action="status_report.save").latest("id")
    assert last.changes["text"] == ["Godt i gang.", "Målene for 2014 er nået."]


def test_owners_of_other_departments_may_not_touch_money_or_status(sof_owner):
    client = login_client(Client(), sof_owner)
    assert client.get("/indsatser/vink/bevillinger/").status_code == 403
    assert client.get("/indsatser/vink/status/ny/").status_code == 403
    line = Funding.objects.filter(initiative__slug="vink").first()
    assert client.post(f"/indsatser/vink/bevillinger/{line.pk}/slet/").status_code == 403
    assert Funding.objects.filter(pk=line.pk).exists()
