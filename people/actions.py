"""Creating persons and revealing a CPR number: audited, and logged in the access log."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import User
from audit.actions import access_log_record, audit_event_record
from audit.models import AccessKind
from people.cpr import CprError, cpr_mask, cpr_parse, replacement_number
from people.models import (
    Household,
    HouseholdMember,
    HouseholdRole,
    MatchStatus,
    Person,
    PersonMatch,
)


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
        changes={"identifier": [None, "CPR-nummer" if person.cpr else "erstatningsnummer"]},
    )
    access_log_record(by=by, kind=AccessKind.CREATE, subject=person, purpose=purpose)
    return person


def person_reveal_cpr(*, by: User, person: Person, purpose: str) -> str:
    """The full CPR number, for a user who may already see the person; every reveal is logged.
    A record whose typed CPR awaits a match shows what was typed: nothing more is known."""
    access_log_record(by=by, kind=AccessKind.REVEAL, subject=person, purpose=purpose)
    digits = person.cpr or person.typed_cpr
    if not digits:
        return person.replacement_number or ""
    return f"{digits[:6]}-{digits[6:]}"


def persons_with_cpr(persons: QuerySet[Person], digits: str) -> QuerySet[Person]:
    """The persons among `persons` known by this CPR number: registered with it, or awaiting
    a match with it as typed (so a search answers the same for both)."""
    return persons.filter(Q(cpr=digits) | Q(typed_cpr=digits))


@transaction.atomic
def person_for_registration(
    *,
    by: User,
    visible: QuerySet[Person],
    first_name: str,
    last_name: str,
    cpr_text: str = "",
    birth_date: date | None = None,
    sex: str = "",
    district: str = "",
    purpose: str,
) -> Person:
    """The person a registration (a new case, a family member) is about. A typed CPR number
    never opens a record the user may not see (`visible`): it finds the person only among
    those the user already sees; a CPR number registered to someone else gets a record of its
    own with what the user typed, and a PersonMatch for those who see that person to confirm.
    The user is answered the same way whether or not the number was registered."""
    if not cpr_text:
        return person_create(
            by=by,
            first_name=first_name,
            last_name=last_name,
            birth_date=birth_date,
            sex=sex,
            district=district,
            purpose=purpose,
        )
    try:
        cpr = cpr_parse(cpr_text)
    except CprError as error:
        raise ValidationError({"cpr": str(error)}) from None
    known = persons_with_cpr(visible, cpr.digits).first()
    if known is not None:
        return known
    existing = Person.objects.filter(cpr=cpr.digits).first()
    if existing is None:
        return person_create(
            by=by,
            first_name=first_name,
            last_name=last_name,
            cpr_text=cpr_text,
            district=district,
            purpose=purpose,
        )
    typed = person_create(
        by=by,
        first_name=first_name,
        last_name=last_name,
        birth_date=cpr.birth_date,
        sex=cpr.sex,
        district=district,
        purpose=purpose,
    )
    Person.objects.filter(pk=typed.pk).update(typed_cpr=cpr.digits)
    typed.typed_cpr = cpr.digits
    match = PersonMatch.objects.create(
        typed_person=typed, existing_person=existing, context=purpose[:200], created_by=by
    )
    audit_event_record(
        by=by,
        action="person_match.create",
        obj=match,
        changes={"typed_person_id": [None, typed.pk], "existing_person_id": [None, existing.pk]},
    )
    # The registered person's CPR number was looked up: the look-up is in their access log.
    access_log_record(
        by=by,
        kind=AccessKind.SEARCH,
        subject=existing,
        purpose=f"CPR-nummer indtastet ved registrering ({purpose}); mulig match sendt til "
        "bekræftelse",
        criterion=f"CPR {cpr_mask(cpr.digits)}",
    )
    return typed


def _households_made_for(person: Person) -> list[Household]:
    """Households that hold only this person and no intervention course (those a registration
    made for them), which go with the record when it is merged into the registered one."""
    return [
        household
        for household in Household.objects.filter(members__person=person)
        if household.members.count() == 1 and not household.intervention_courses.exists()
    ]


@transaction.atomic
def person_match_decide(*, by: User, match: PersonMatch, confirm: bool, reason: str) -> PersonMatch:
    """Confirm (the typed record is merged into the registered person: the registration joins
    their file) or reject (the typed record stays apart, without the CPR number) a match. The
    caller has checked that `by` may see and change the registered person."""
    match = PersonMatch.objects.select_for_update().get(pk=match.pk)
    if not match.is_pending:
        raise ValidationError({"reason": "Matchet er allerede afgjort."})
    if not confirm and not reason.strip():
        raise ValidationError({"reason": "Angiv hvorfor det ikke er den samme person."})
    typed, existing = match.typed_person, match.existing_person
    match.status = MatchStatus.CONFIRMED if confirm else MatchStatus.REJECTED
    match.decided_by, match.decided_at, match.reason = by, timezone.now(), reason.strip()[:300]
    match.save()
    audit_event_record(
        by=by,
        action="person_match.confirm" if confirm else "person_match.reject",
        obj=match,
        changes={"status": [MatchStatus.PENDING, match.status]},
    )
    access_log_record(
        by=by,
        kind=AccessKind.CHANGE,
        subject=existing,
        purpose="Mulig match bekræftet" if confirm else "Mulig match afvist",
    )
    if typed is None:
        return match
    if confirm:
        for household in _households_made_for(typed):
            household.delete()
        Person.objects.filter(pk=typed.pk).update(typed_cpr="")
        typed.typed_cpr = ""
        person_merge(by=by, keep=existing, remove=typed)
    else:
        Person.objects.filter(pk=typed.pk).update(typed_cpr="")
    return match


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
        if relation.one_to_many and relation.related_model not in (HouseholdMember, PersonMatch):
            relation.related_model.objects.filter(**{relation.field.name: remove}).update(
                **{relation.field.name: keep}
            )
    for membership in remove.household_memberships.all():
        if not keep.household_memberships.filter(household=membership.household).exists():
            membership.person = keep
            membership.save(update_fields=["person"])
    removed_pk, cpr_taken_over = remove.pk, remove.cpr if not keep.cpr else None
    # Deleted before `keep` takes its CPR number, which is unique.
    remove.delete()
    if cpr_taken_over:
        keep.cpr, keep.replacement_number = cpr_taken_over, None
        keep.save(update_fields=["cpr", "replacement_number"])
    audit_event_record(
        by=by,
        action="person.merge",
        obj=keep,
        changes={"merged_person_id": [removed_pk, None], "kept_person_id": [None, keep.pk]},
    )
    access_log_record(
        by=by,
        kind=AccessKind.CHANGE,
        subject=keep,
        purpose=f"Sammenlægning med person {removed_pk}",
    )
    return keep


@transaction.atomic
def household_member_add(
    *,
    by: User,
    household: Household,
    visible: QuerySet[Person],
    role: str,
    first_name: str,
    last_name: str,
    cpr_text: str = "",
    birth_date: date | None = None,
    purpose: str,
) -> HouseholdMember:
    """Add a member to the household (a parent, child, sibling or other carer): a person the
    user already sees when the CPR number is theirs, else a new record. A CPR number of a
    registered person the user may not see links nothing: the member is a record of what was
    typed, pending a match (person_for_registration), and the user is answered the same way.
    Raises ValidationError in Danish."""
    if role not in HouseholdRole.values:
        raise ValidationError({"role": "Vælg personens rolle i familien."})
    person = person_for_registration(
        by=by,
        visible=visible,
        first_name=first_name,
        last_name=last_name,
        cpr_text=cpr_text,
        birth_date=birth_date,
        purpose=purpose,
    )
    if household.members.filter(person=person).exists():
        raise ValidationError({"cpr": "Personen er allerede med i familien."})
    member = HouseholdMember.objects.create(household=household, person=person, role=role)
    audit_event_record(
        by=by,
        action="household.member_add",
        obj=household,
        changes={"person_id": [None, person.pk], "role": [None, role]},
        subject=person,
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
        subject=member.person,
    )
    access_log_record(
        by=by, kind=AccessKind.CHANGE, subject=member.person, purpose="Taget ud af familien"
    )
    member.delete()
