from datetime import timedelta

from django.test import Client
from django.utils import timezone

from accounts.models import Unit
from accounts.roles import Role
from audit.models import AuditEvent
from cases.actions import referrals_escalate
from cases.models import Referral, Task
from conftest import login_client, make_user


def _receiver(catalogue):
    user = make_user("jobcenter_caseworker", [Role.CASEWORKER], "BIF")
    user.unit = Unit.objects.get(name="Jobcenter København – Unge / Krimiteamet")
    user.save()
    return user


def _refer(client, case, unit, **changes):
    data = {
        "to_unit": unit.pk,
        "reason": "Brug for jobrettet indsats.",
        "legal_basis": "rpl115",
        "necessity": "Koordinering af tilbud.",
        "answer_by": (timezone.localdate() + timedelta(days=5)).isoformat(),
    }
    return client.post(f"/sager/{case.pk}/henvis/", {**data, **changes})


def test_a_referral_is_declined_with_a_reason_resent_and_accepted(
    level_3_case, ssp_consultant, catalogue
):
    receiver = _receiver(catalogue)
    unit = receiver.unit
    sender = login_client(Client(), ssp_consultant)
    assert _refer(sender, level_3_case, unit).status_code == 302
    referral = Referral.objects.get()
    inbox = login_client(Client(), receiver)
    assert "Brug for jobrettet indsats." in inbox.get("/henvisninger/").content.decode()
    assert (
        inbox.get(f"/personer/{level_3_case.person_id}/").status_code == 404
    )  # not on the case yet

    inbox.post(f"/henvisninger/{referral.pk}/svar/", {"decision": "decline", "reason": ""})
    referral.refresh_from_db()
    assert referral.status == "sent"  # a decline needs a reason
    inbox.post(
        f"/henvisninger/{referral.pk}/svar/",
        {"decision": "decline", "reason": "Den unge er under 15 år."},
    )
    referral.refresh_from_db()
    assert referral.status == "declined"
    assert "Den unge er under 15 år." in sender.get("/henvisninger/").content.decode()

    assert _refer(sender, level_3_case, unit, reason="Nu 15 år.").status_code == 302
    resent = Referral.objects.exclude(pk=referral.pk).get()
    inbox.post(f"/henvisninger/{resent.pk}/svar/", {"decision": "accept", "reason": ""})
    resent.refresh_from_db()
    assert resent.status == "accepted"
    assert inbox.get(f"/personer/{level_3_case.person_id}/").status_code == 200
    assert AuditEvent.objects.filter(action="referral.answer").count() == 2


def test_a_referral_without_necessity_under_115_is_refused(level_3_case, ssp_consultant, catalogue):
    unit = _receiver(catalogue).unit
    page = _refer(
        login_client(Client(), ssp_consultant), level_3_case, unit, necessity=""
    ).content.decode()
    assert "hvorfor videregivelsen er nødvendig" in page
    assert not Referral.objects.exists()


def test_unanswered_referrals_escalate_to_the_sender_after_the_deadline(
    level_3_case, ssp_consultant, catalogue
):
    unit = _receiver(catalogue).unit
    _refer(login_client(Client(), ssp_consultant), level_3_case, unit)
    assert referrals_escalate(today=timezone.localdate()) == 0
    assert referrals_escalate(today=timezone.localdate() + timedelta(days=6)) == 1
    assert Referral.objects.get().status == "escalated"
    assert Task.objects.filter(responsible=ssp_consultant, title__contains="ubesvaret").exists()


def test_only_the_receiving_unit_answers(level_3_case, ssp_consultant, caseworker, catalogue):
    unit = _receiver(catalogue).unit
    _refer(login_client(Client(), ssp_consultant), level_3_case, unit)
    caseworker.unit = Unit.objects.exclude(pk=unit.pk).first()
    caseworker.save()
    response = login_client(Client(), caseworker).post(
        f"/henvisninger/{Referral.objects.get().pk}/svar/", {"decision": "accept"}
    )
    assert response.status_code == 404
    assert Referral.objects.get().status == "sent"
