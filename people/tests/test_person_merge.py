from datetime import date

from django.test import Client

from audit.models import AuditEvent
from cases.actions import ssp_case_open
from cases.models import SspCase
from conftest import login_client
from people.actions import person_create, person_merge
from people.models import Person


def _case(by, person):
    return ssp_case_open(
        by=by,
        person=person,
        level=1,
        reporting_partner="Skole",
        reported_on=date(2026, 1, 1),
        ssp_district="1 Indre By",
        description="x",
        legal_basis="consent",
        consent_date=date(2026, 1, 1),
        consent_scope="SSP",
    )


def test_two_records_of_the_same_person_are_merged_and_the_cpr_is_kept(ssp_consultant):
    without_cpr = person_create(
        by=ssp_consultant,
        first_name="Ali",
        last_name="Hansen",
        birth_date=date(2008, 1, 1),
        purpose="t",
    )
    with_cpr = person_create(
        by=ssp_consultant, first_name="Ali", last_name="Hansen", cpr_text="010108-4123", purpose="t"
    )
    first, second = _case(ssp_consultant, without_cpr), _case(ssp_consultant, with_cpr)
    client = login_client(Client(), ssp_consultant)
    assert (
        "Samme person registreret to gange?"
        in client.get(f"/personer/{without_cpr.pk}/").content.decode()
    )
    client.post(f"/personer/{without_cpr.pk}/flet/", {"remove": with_cpr.pk})
    kept = Person.objects.get()
    assert (
        kept.pk == without_cpr.pk and kept.cpr == "0101084123" and kept.replacement_number is None
    )
    assert set(SspCase.objects.filter(person=kept).values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert AuditEvent.objects.get(action="person.merge").changes["merged_person_id"] == [
        with_cpr.pk,
        None,
    ]


def test_two_different_cpr_numbers_are_never_merged(ssp_consultant):
    one = person_create(
        by=ssp_consultant, first_name="A", last_name="B", cpr_text="010108-4123", purpose="t"
    )
    two = person_create(
        by=ssp_consultant, first_name="A", last_name="B", cpr_text="010108-4125", purpose="t"
    )
    _case(ssp_consultant, one), _case(ssp_consultant, two)
    response = login_client(Client(), ssp_consultant).post(
        f"/personer/{one.pk}/flet/", {"remove": two.pk}, follow=True
    )
    assert "To forskellige CPR-numre kan ikke være den samme person." in response.content.decode()
    assert Person.objects.count() == 2


def test_a_person_outside_ones_scope_cannot_be_merged_away(ssp_consultant, caseworker):
    mine = person_create(
        by=caseworker, first_name="A", last_name="B", birth_date=date(2008, 1, 1), purpose="t"
    )
    other = person_create(
        by=ssp_consultant, first_name="A", last_name="B", birth_date=date(2008, 1, 1), purpose="t"
    )
    _case(caseworker, mine), _case(ssp_consultant, other)
    assert (
        login_client(Client(), caseworker)
        .post(f"/personer/{mine.pk}/flet/", {"remove": other.pk})
        .status_code
        == 404
    )
    assert Person.objects.count() == 2


def test_a_record_with_a_long_id_is_merged_too(ssp_consultant):
    """The removed record once got a placeholder number built from its id, which overflowed
    the field's 11 characters from ids of six digits (a server error on PostgreSQL)."""
    keep = person_create(
        by=ssp_consultant,
        first_name="Ali",
        last_name="Hansen",
        birth_date=date(2008, 1, 1),
        purpose="t",
    )
    remove = Person.objects.create(
        pk=1_000_000,
        cpr="0101084123",
        first_name="Ali",
        last_name="Hansen",
        birth_date=date(2008, 1, 1),
    )
    person_merge(by=ssp_consultant, keep=keep, remove=remove)
    assert list(Person.objects.values_list("pk", "cpr")) == [(keep.pk, "0101084123")]
