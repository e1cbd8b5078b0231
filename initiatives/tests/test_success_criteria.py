from decimal import Decimal

from django.test import Client

from audit.models import AuditEvent
from conftest import login_client
from initiatives.models import ReportedValue, SuccessCriterion


def test_an_owner_adds_a_structured_criterion(bif_owner):
    client = login_client(Client(), bif_owner)
    response = client.post(
        "/indsatser/krimiteamet/succeskriterier/ny/",
        {
            "text": "Mindst 40 % i job eller uddannelse efter 6 måneder",
            "kind": "cohort_share",
            "direction": "at_least",
            "target_value": "40",
            "target_unit": "percent",
            "follow_up_months": "6, 3",
            "statuses": "job,uddannelse",
        },
    )
    assert response.status_code == 302
    criterion = SuccessCriterion.objects.get(initiative__slug="krimiteamet")
    assert criterion.follow_up_month_list() == [3, 6]
    assert criterion.target_label() == "mindst 40%"
    assert AuditEvent.objects.filter(
        action="success_criterion.create", object_id=str(criterion.pk)
    ).exists()


def test_a_share_above_100_percent_is_refused(bif_owner):
    client = login_client(Client(), bif_owner)
    response = client.post(
        "/indsatser/krimiteamet/succeskriterier/ny/",
        {
            "text": "x",
            "kind": "cohort_share",
            "direction": "at_least",
            "target_value": "140",
            "target_unit": "percent",
        },
    )
    assert "En andel kan højst være 100 %." in response.content.decode()
    assert not SuccessCriterion.objects.filter(initiative__slug="krimiteamet").exists()


def test_an_owner_reports_a_figure_marked_as_reported(bif_owner):
    client = login_client(Client(), bif_owner)
    criterion = SuccessCriterion.objects.get(initiative__slug="ssp-plus-exit")
    response = client.post(
        f"/indsatser/ssp-plus-exit/succeskriterier/{criterion.pk}/indberet/",
        {
            "period": "2014",
            "value": "87",
            "numerator": "",
            "denominator": "",
            "note": "Optalt 31.12.",
        },
    )
    assert response.status_code == 302
    reported = ReportedValue.objects.get(criterion=criterion)
    assert (reported.value, reported.reported_by) == (Decimal("87"), "bif_owner")
    page = client.get("/indsatser/ssp-plus-exit/").content.decode()
    assert "Optalt 31.12." in page and "indberettet" in page


def test_a_numerator_above_its_denominator_is_refused(bif_owner):
    client = login_client(Client(), bif_owner)
    criterion = SuccessCriterion.objects.get(initiative__slug="indsats-for-indsatte")
    response = client.post(
        f"/indsatser/indsats-for-indsatte/succeskriterier/{criterion.pk}/indberet/",
        {
            "period": "2014",
            "value": "50",
            "numerator": "12",
            "denominator": "10",
        },
    )
    assert "Tælleren kan ikke være større end nævneren." in response.content.decode()
    assert not ReportedValue.objects.filter(criterion=criterion).exists()


def test_deleting_a_criterion_is_audited(bif_owner):
    client = login_client(Client(), bif_owner)
    criterion = SuccessCriterion.objects.get(initiative__slug="ssp-plus-exit")
    assert (
        client.post(f"/indsatser/ssp-plus-exit/succeskriterier/{criterion.pk}/slet/").status_code
        == 302
    )
    assert not SuccessCriterion.objects.filter(pk=criterion.pk).exists()
    assert (
        AuditEvent.objects.get(action="success_criterion.delete").changes["text"][0]
        == criterion.text
    )


def test_every_field_of_the_criterion_form_is_saved_and_audited(bif_owner):
    """The stream (channel and ages) and the policy goal measured are kept like the rest."""
    from initiatives.models import PolicyGoal

    client = login_client(Client(), bif_owner)
    fields = {
        "text": "Mindst 30 henvendelser om året fra unge på 15-17 år",
        "kind": "count_in_period",
        "direction": "at_least",
        "target_value": "30",
        "target_unit": "people",
        "channel": "own_contact",
        "age_min": "15",
        "age_max": "17",
        "measures_goal": str(PolicyGoal.objects.get(code="c").pk),
    }
    client.post("/indsatser/krimiteamet/succeskriterier/ny/", fields)
    criterion = SuccessCriterion.objects.get(initiative__slug="krimiteamet")
    assert (criterion.channel, criterion.age_min, criterion.age_max) == ("own_contact", 15, 17)
    assert criterion.measures_goal.code == "c"

    edited = {**fields, "age_max": "19", "measures_goal": "", "version": criterion.version}
    client.post(f"/indsatser/krimiteamet/succeskriterier/{criterion.pk}/", edited)
    criterion.refresh_from_db()
    assert criterion.age_max == 19 and criterion.measures_goal is None
    update = AuditEvent.objects.get(action="success_criterion.update", object_id=str(criterion.pk))
    assert set(update.changes) >= {"age_max", "measures_goal"}
