"""Creating persons and revealing a CPR number: audited, and logged in the access log."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from audit.actions import access_log_record, audit_event_record
from audit.models import AccessKind
from people.cpr import CprError, cpr_parse, replacement_number
from people.models import Household, HouseholdMember, HouseholdRole, Person


@transaction.atomic
def person_create(
    *,
    by: User,
    first_name: str,
    last_name: str,
    cpr_text: str = "",
    birth_date: date | None = None,
    sex: str = "",
    district: str = "",
    is_synthetic: bool = False,
    purpose: str,
) -> Person:
    """Create a person with a CPR number, or — without one — with a replacement number.

    With a CPR number, birth date and sex come from it. Raises ValidationError in Danish."""
    person = Person(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        district=district,
        is_synthetic=is_synthetic,
        sex=sex,
    )
    if cpr_text:
        try:
            cpr = cpr_parse(cpr_text)
        except CprError as error:
            raise ValidationError({"cpr": str(error)}) from None
        if Person.objects.filter(cpr=cpr.digits).exists():
            raise ValidationError({"cpr": "Der findes allerede en person med dette CPR-nummer."})
        person.cpr, person.birth_date, person.sex = cpr.digits, cpr.birth_date, cpr.sex
    else:
        if birth_date is None:
            raise ValidationError({"birth_date": "Uden CPR-nummer skal fødselsdatoen angives."})
        if birth_date > date.today():
            raise ValidationError({"birth_date": "Fødselsdatoen ligger i fremtiden."})
        person.birth_date = birth_date
        taken = Person.objects.filter(
            birth_date=birth_date, replacement_number__isnull=False
        ).count()
        person.replacement_number = replacement_number(birth_date, taken + 1)
    person.full_clean(exclude=["cpr", "replacement_number"])
    person.save()
    audit_event_record(
        by=by,
        action="person.create",
        obj=person,
        changes={"name": [None, str(person)], "identifier": [None, person.identifier_masked()]},
    )
    access_log_record(by=by, kind=AccessKind.CREATE, subject=person, purpose=purpose)
    return person


def person_reveal_cpr(*, by: User, person: Person, purpose: str) -> str:
    """The full CPR number, for a user who may already see the person; every reveal is logged."""
    access_log_record(by=by, kind=AccessKind.REVEAL, subject=person, purpose=purpose)
    if not person.cpr:
        return person.replacement_number or ""
    return f"{person.cpr[:6]}-{person.cpr[6:]}"


@transaction.atomic
def person_merge(*, by: User, keep: Person, remove: Person) -> Person:
    """Merge two records of the same person into `keep`. Everything that points to `remove`
    moves over; a CPR number on `remove` replaces `keep`'s replacement number. Two different
    CPR numbers are never the same person. The caller has checked that `by` may see both."""
    if keep.pk == remove.pk:
        raise ValidationError({"remove": "Vælg en anden person end den, der beholdes."})
    if keep.cpr and remove.cpr and keep.cpr != remove.cpr:
        raise ValidationError(
            {"remove": "To forskellige CPR-numre kan ikke være den samme person."}
        )
    if keep.birth_date != remove.birth_date:
        raise ValidationError({"remove": "Personerne har forskellige fødselsdatoer."})
    for relation in Person._meta.related_objects:
        if relation.one_to_many and relation.related_model.__name__ != "HouseholdMember":
            relation.related_model.objects.filter(**{relation.field.name: remove}).update(
                **{relation.field.name: keep}
            )
    for membership in remove.household_memberships.all():
        if not keep.household_memberships.filter(household=membership.household).exists():
            membership.person = keep
            membership.save(update_fields=["person"])
    if remove.cpr and not keep.cpr:
        cpr, remove.cpr = remove.cpr, None
        remove.replacement_number = remove.replacement_number or f"merged-{remove.pk}"
        remove.save(update_fields=["cpr", "replacement_number"])
        keep.cpr, keep.replacement_number = cpr, None
        keep.save(update_fields=["cpr", "replacement_number"])
    audit_event_record(
        by=by,
        action="person.merge",
        obj=keep,
        changes={"merged_person_id": [remove.pk, None], "kept_person_id": [None, keep.pk]},
    )
    access_log_record(
        by=by, kind=AccessKind.CHANGE, subject=keep, purpose=f"Sammenlægning med person {remove.pk}"
    )
    remove.delete()
    return keep


@transaction.atomic
def household_member_add(
    *,
    by: User,
    household: Household,
    role: str,
    first_name: str,
    last_name: str,
    cpr_text: str = "",
    birth_date: date | None = None,
    purpose: str,
) -> HouseholdMember:
    """Register a new person as a member of the household (a parent, child, sibling or other
    carer). An existing person is never linked by typing their CPR number: that would show a
    name the user may not see (person_create refuses the duplicate; merge the records instead).
    Raises ValidationError in Danish."""
    if role not in HouseholdRole.values:
        raise ValidationError({"role": "Vælg personens rolle i familien."})
    person = person_create(
        by=by,
        first_name=first_name,
        last_name=last_name,
        cpr_text=cpr_text,
        birth_date=birth_date,
        purpose=purpose,
    )
    member = HouseholdMember.objects.create(household=household, person=person, role=role)
    audit_event_record(
        by=by,
        action="household.member_add",
        obj=household,
        changes={"person_id": [None, person.pk], "role": [None, role]},
    )
    access_log_record(by=by, kind=AccessKind.CHANGE, subject=person, purpose=purpose)
    return member


@transaction.atomic
def household_member_remove(*, by: User, member: HouseholdMember, reason: str) -> None:
    """Take a person out of a household (e.g. moved out); the person record stays."""
    if not reason.strip():
        raise ValidationError({"reason": "Angiv hvorfor personen tages ud af familien."})
    audit_event_record(
        by=by,
        action="household.member_remove",
        obj=member.household,
        changes={"person_id": [member.person_id, None], "reason": [None, reason]},
    )
    access_log_record(
        by=by, kind=AccessKind.CHANGE, subject=member.person, purpose="Taget ud af familien"
    )
    member.delete()
