"""The owner records the change theory on the evidence card; it is audited, and nobody else
may change it."""

from django.urls import reverse

from audit.models import AuditEvent
from evidence.models import ChangeTheoryStep
from initiatives.models import Initiative


def test_the_owner_adds_and_removes_a_step_and_both_are_audited(client, bif_owner):
    initiative = Initiative.objects.get(slug="exit-programmet")
    criterion = initiative.success_criteria.first()
    client.force_login(bif_owner)
    url = reverse("evidence:card", args=[initiative.slug])
    page = client.post(
        url, {"stage": "activity", "text": "Mentor og jobsamtaler", "criteria": [criterion.pk]}
    )
    assert page.status_code == 302
    step = ChangeTheoryStep.objects.get(initiative=initiative)
    assert list(step.criteria.all()) == [criterion]
    assert "Mentor og jobsamtaler" in client.get(url).content.decode()
    client.post(reverse("evidence:step_delete", args=[initiative.slug, step.pk]))
    assert not ChangeTheoryStep.objects.exists()
    assert set(
        AuditEvent.objects.filter(action__startswith="change_theory_step").values_list(
            "action", flat=True
        )
    ) == {"change_theory_step.add", "change_theory_step.remove"}


def test_a_reader_sees_the_card_but_cannot_change_the_theory(client, committee_reader):
    initiative = Initiative.objects.get(slug="exit-programmet")
    client.force_login(committee_reader)
    url = reverse("evidence:card", args=[initiative.slug])
    assert client.get(url).status_code == 200
    assert client.post(url, {"stage": "activity", "text": "x"}).status_code == 403
    assert not ChangeTheoryStep.objects.exists()


def test_the_card_comes_as_a_pdf(client, analyst):
    client.force_login(analyst)
    pdf = client.get(reverse("initiatives:evidence_pdf", args=["exit-programmet"]))
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_a_step_without_text_or_with_another_initiatives_criterion_is_refused_with_a_message(
    client, bif_owner
):
    initiative = Initiative.objects.get(slug="exit-programmet")
    foreign = Initiative.objects.get(slug="nexus").success_criteria.first()
    client.force_login(bif_owner)
    url = reverse("evidence:card", args=[initiative.slug])
    empty = client.post(url, {"stage": "activity", "text": ""})
    assert empty.status_code == 200
    assert "Dette felt er påkrævet." in empty.content.decode()
    wrong = client.post(url, {"stage": "effect", "text": "x", "criteria": [foreign.pk]})
    assert wrong.status_code == 200
    assert "Marker en gyldig valgmulighed" in wrong.content.decode()
    assert "<details open>" in wrong.content.decode()  # the form with its error is shown
    odd = client.post(url, {"stage": "nonsense", "text": "x"})
    assert odd.status_code == 200
    assert not ChangeTheoryStep.objects.exists()


def test_a_step_of_another_initiative_cannot_be_removed_through_this_one(client, bif_owner):
    exit_programme = Initiative.objects.get(slug="exit-programmet")
    other = Initiative.objects.get(slug="nexus")
    step = ChangeTheoryStep.objects.create(initiative=other, stage="activity", text="x")
    client.force_login(bif_owner)
    url = reverse("evidence:step_delete", args=[exit_programme.slug, step.pk])
    assert client.post(url).status_code == 404
    assert ChangeTheoryStep.objects.filter(pk=step.pk).exists()
