"""Each path on which a person was shown without an access-log entry (found by attack):
search results, family members on a person page, the referral form, pages redrawn after a
form error, the 'sent by me' list, and the audit trail."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from accounts.models import Unit
from audit.models import AccessLogEntry
from cases.actions import referral_send
from conftest import login_client
from people.actions import household_member_add
from people.models import Person


def _logged(user, person) -> int:
    return AccessLogEntry.objects.filter(
        username=user.username, subject_type="people.person", subject_id=str(person.pk)
    ).count()


def _mother(level_3_case, by):
    return household_member_add(
        by=by,
        household=level_3_case.person.household_memberships.get().household,
        visible=Person.objects.none(),
        role="parent",
        first_name="Mor",
        last_name="Ungesen",
        birth_date=timezone.localdate().replace(year=1980),
        purpose="test",
    ).person


def test_every_person_in_search_results_is_logged(level_3_case, ssp_consultant):
    mother = _mother(level_3_case, ssp_consultant)
    before = _logged(ssp_consultant, level_3_case.person), _logged(ssp_consultant, mother)
    page = login_client(Client(), ssp_consultant).post("/personer/soeg/", {"name": "Ungesen"})
    assert "Test Ungesen" in page.content.decode()
    # The person found is logged; the mother, no result (no case of her own), is not.
    after = _logged(ssp_consultant, level_3_case.person), _logged(ssp_consultant, mother)
    assert after == (before[0] + 1, before[1])


def test_the_family_on_a_person_page_is_logged_member_by_member(level_3_case, ssp_consultant):
    mother = _mother(level_3_case, ssp_consultant)
    before = _logged(ssp_consultant, mother)
    page = login_client(Client(), ssp_consultant).get(f"/personer/{level_3_case.person_id}/")
    assert "Mor Ungesen" in page.content.decode()
    assert _logged(ssp_consultant, mother) == before + 1


def test_a_person_page_redrawn_after_a_form_error_is_logged(level_3_case, ssp_consultant):
    household = level_3_case.person.household_memberships.get().household
    client = login_client(Client(), ssp_consultant)
    before = _logged(ssp_consultant, level_3_case.person)
    page = client.post(
        f"/personer/{level_3_case.person_id}/familie/{household.pk}/tilfoej/",
        {"first_name": "X", "last_name": "Y", "cpr": "", "birth_date": "", "role": "parent"},
    )
    assert "Uden CPR-nummer skal fødselsdatoen angives" in page.content.decode()
    assert _logged(ssp_consultant, level_3_case.person) == before + 1


def test_the_referral_form_and_the_sent_list_are_logged(level_3_case, ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    before = _logged(ssp_consultant, level_3_case.person)
    assert client.get(f"/sager/{level_3_case.pk}/henvis/").status_code == 200
    assert _logged(ssp_consultant, level_3_case.person) == before + 1
    ssp_consultant.unit = Unit.objects.exclude(pk=ssp_consultant.unit_id).first()
    referral_send(
        by=ssp_consultant,
        case=level_3_case,
        to_unit=Unit.objects.get(name="Jobcenter København – Unge / Krimiteamet"),
        reason="x",
        legal_basis="rpl115",
        necessity="y",
        answer_by=timezone.localdate() + timedelta(days=5),
    )
    before = _logged(ssp_consultant, level_3_case.person)
    page = client.get("/henvisninger/").content.decode()
    assert "Test Ungesen" in page
    assert _logged(ssp_consultant, level_3_case.person) == before + 1


def test_reading_the_audit_trail_logs_the_persons_its_events_are_about(level_3_case, administrator):
    page = login_client(Client(), administrator).get("/revision/").content.decode()
    assert "ssp_case.open" in page
    assert _logged(administrator, level_3_case.person) == 1
    assert "Ungesen" not in page  # the trail names persons by id
