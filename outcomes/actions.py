"""Recording participation, status observations and follow-ups. Atomic, audited, and logged
as uses of the person's data."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.actions import access_log_record, audit_event_record
from audit.models import AccessKind
from initiatives.models import Initiative, MeasureKind
from outcomes.criteria import (
    DEFAULT_FOLLOW_UP_MONTHS,
    criterion_terms,
    days_after,
    follow_up_anchor,
    follow_up_months,
)
from outcomes.models import (
    Activity,
    EndReason,
    FollowUp,
    FollowUpOutcome,
    ObservationSource,
    OfferKind,
    Participation,
    Status,
    StatusObservation,
    WaitingListEntry,
    WaitingOutcome,
)
from people.models import Person


def follow_up_rule(initiative: Initiative) -> dict[str, list[int]]:
    """The initiative's follow-up rule, from its cohort criteria: months after start and
    months after end, e.g. {'start': [3, 6, 12], 'end': [3]}."""
    rule: dict[str, set[int]] = {"start": set(), "end": set()}
    for criterion in initiative.success_criteria.filter(kind=MeasureKind.COHORT_SHARE):
        terms = criterion_terms(criterion.statuses)
        if not terms.statuses:
            continue  # police records and offers need no one to follow up
        # A criterion without a time is shown 12 months after start; follow up then.
        rule[follow_up_anchor(criterion.start_event)].update(
            follow_up_months(criterion.follow_up_months) or [DEFAULT_FOLLOW_UP_MONTHS]
        )
    return {anchor: sorted(months) for anchor, months in rule.items()}


def _follow_ups_create(participation: Participation, anchor: str, anchor_date: date) -> int:
    months_list = follow_up_rule(participation.initiative)[anchor]
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                participation=participation,
                months=months,
                anchor=anchor,
                due_on=anchor_date + timedelta(days=days_after(months)),
            )
            for months in months_list
        ],
        ignore_conflicts=True,
    )
    return len(months_list)


@transaction.atomic
def participation_start(
    *,
    by: User,
    person: Person,
    initiative: Initiative,
    offer_kind: str,
    started_on: date,
    referred_on: date | None = None,
    channel: str = "",
) -> Participation:
    """Start a participation; the initiative's follow-ups after start are created with it."""
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": "Starten kan ikke ligge i fremtiden."})
    if referred_on and referred_on > started_on:
        raise ValidationError({"referred_on": "Henvisningen skal ligge før starten."})
    if Participation.objects.filter(person=person, initiative=initiative, ended_on=None).exists():
        raise ValidationError(
            {"initiative": f"Personen deltager allerede i {initiative.name}; afslut den først."}
        )
    participation = Participation(
        person=person,
        initiative=initiative,
        offer_kind=offer_kind,
        channel=channel,
        started_on=started_on,
        referred_on=referred_on,
        created_by=by,
    )
    participation.full_clean()
    participation.save()
    # Starting takes the person off the initiative's waiting list.
    WaitingListEntry.objects.filter(person=person, initiative=initiative, removed_on=None).update(
        removed_on=started_on, outcome=WaitingOutcome.STARTED
    )
    follow_ups = _follow_ups_create(participation, "start", started_on)
    audit_event_record(
        by=by,
        action="participation.start",
        obj=participation,
        changes={"initiative": [None, initiative.slug], "follow_ups": [None, follow_ups]},
    )
    access_log_record(
        by=by, kind=AccessKind.CHANGE, subject=person, purpose=f"Deltagelse i {initiative.name}"
    )
    return participation


def participation_follow_module(enrolment) -> Participation | None:
    """Keep the participation that a module record is (cases.enrolments) in step with it:
    begun when the record begins, ended when it ends. Runs in the module action's
    transaction and is audited with it."""
    initiative = Initiative.objects.filter(slug=enrolment.initiative_slug).first()
    if initiative is None:  # a municipality without that initiative in its catalogue
        return None
    participation = Participation.objects.filter(module_record=enrolment.source).first()
    if participation is None:
        participation = Participation.objects.create(
            person=enrolment.person,
            initiative=initiative,
            offer_kind=OfferKind.COORDINATED,
            started_on=enrolment.started_on,
            created_by=enrolment.by or User.objects.filter(is_superuser=True).first(),
            module_record=enrolment.source,
        )
        _follow_ups_create(participation, "start", enrolment.started_on)
        audit_event_record(
            by=enrolment.by,
            action="participation.start_from_module",
            obj=participation,
            changes={"initiative": [None, initiative.slug], "source": [None, enrolment.source]},
        )
    if enrolment.ended_on and participation.ended_on is None:
        participation.ended_on = max(enrolment.ended_on, participation.started_on)
        participation.end_reason = EndReason.COMPLETED
        participation.save(update_fields=["ended_on", "end_reason"])
        _follow_ups_create(participation, "end", participation.ended_on)
        audit_event_record(
            by=enrolment.by,
            action="participation.end_from_module",
            obj=participation,
            changes={
                "ended_on": [None, participation.ended_on],
                "source": [None, enrolment.source],
            },
        )
    return participation


@transaction.atomic
def participation_end(
    *, by: User, participation: Participation, ended_on: date, end_reason: str
) -> Participation:
    """End a participation with a reason; follow-ups counted from the end start now."""
    if participation.module_record:
        raise ValidationError(
            {"ended_on": "Deltagelsen følger sit forløb eller sin plan; afslut den dér."}
        )
    if participation.ended_on:
        raise ValidationError({"ended_on": "Deltagelsen er allerede afsluttet."})
    if ended_on < participation.started_on:
        raise ValidationError({"ended_on": "Slutdatoen ligger før starten."})
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": "Slutdatoen kan ikke ligge i fremtiden."})
    if not end_reason:
        raise ValidationError({"end_reason": "Angiv hvorfor deltagelsen slutter."})
    participation.ended_on, participation.end_reason = ended_on, end_reason
    participation.save(update_fields=["ended_on", "end_reason"])
    follow_ups = _follow_ups_create(participation, "end", ended_on)
    audit_event_record(
        by=by,
        action="participation.end",
        obj=participation,
        changes={
            "ended_on": [None, ended_on],
            "reason": [None, end_reason],
            "follow_ups": [None, follow_ups],
        },
    )
    access_log_record(
        by=by, kind=AccessKind.CHANGE, subject=participation.person, purpose="Deltagelse afsluttet"
    )
    return participation


@transaction.atomic
def status_observation_record(
    *, by: User, person: Person, status: str, observed_on: date, source: str
) -> StatusObservation:
    if status not in Status.values:
        raise ValidationError({"status": "Ukendt status."})
    if observed_on > timezone.localdate():
        raise ValidationError({"observed_on": "Datoen kan ikke ligge i fremtiden."})
    observation = StatusObservation.objects.create(
        person=person, status=status, observed_on=observed_on, source=source, recorded_by=by
    )
    audit_event_record(
        by=by,
        action="status_observation.record",
        obj=observation,
        changes={"status": [None, status]},
    )
    access_log_record(by=by, kind=AccessKind.CHANGE, subject=person, purpose="Status registreret")
    return observation


@transaction.atomic
def follow_up_resolve(
    *,
    by: User,
    follow_up: FollowUp,
    reached: bool,
    status: str = "",
    observed_on: date | None = None,
) -> FollowUp:
    """End a follow-up as observed (recording the status) or as unreachable."""
    if follow_up.outcome != FollowUpOutcome.DUE:
        raise ValidationError({"outcome": "Opfølgningen er allerede afsluttet."})
    person = follow_up.participation.person
    if reached:
        if not status:
            raise ValidationError({"status": "Vælg den status, du har observeret."})
        follow_up.observation = status_observation_record(
            by=by,
            person=person,
            status=status,
            observed_on=observed_on or timezone.localdate(),
            source=ObservationSource.FOLLOW_UP,
        )
        follow_up.outcome = FollowUpOutcome.OBSERVED
    else:
        follow_up.outcome = FollowUpOutcome.UNREACHABLE
    follow_up.resolved_by, follow_up.resolved_at = by, timezone.now()
    follow_up.save()
    audit_event_record(
        by=by,
        action="follow_up.resolve",
        obj=follow_up,
        changes={"outcome": ["due", follow_up.outcome]},
    )
    return follow_up


@transaction.atomic
def activity_record(
    *,
    by: User,
    initiative: Initiative,
    held_on: date,
    kind: str,
    audience: str,
    attendees: int,
    description: str = "",
) -> Activity:
    """Record a talk, a meeting, a survey or a report the initiative held (no person data)."""
    if held_on > timezone.localdate():
        raise ValidationError("Datoen ligger i fremtiden.")
    activity = Activity.objects.create(
        initiative=initiative,
        held_on=held_on,
        kind=kind,
        audience=audience,
        attendees=attendees,
        description=description,
        recorded_by=by,
    )
    audit_event_record(
        by=by,
        action="activity.record",
        obj=activity,
        changes={"kind": [None, kind], "attendees": [None, attendees]},
    )
    return activity


@transaction.atomic
def waiting_list_add(
    *, by: User, person: Person, initiative: Initiative, added_on: date
) -> WaitingListEntry:
    if added_on > timezone.localdate():
        raise ValidationError({"added_on": "Datoen ligger i fremtiden."})
    if WaitingListEntry.objects.filter(
        person=person, initiative=initiative, removed_on=None
    ).exists():
        raise ValidationError({"initiative": "Personen står allerede på ventelisten."})
    if Participation.objects.filter(person=person, initiative=initiative, ended_on=None).exists():
        raise ValidationError({"initiative": "Personen deltager allerede i indsatsen."})
    entry = WaitingListEntry.objects.create(
        person=person, initiative=initiative, added_on=added_on, created_by=by
    )
    audit_event_record(
        by=by, action="waiting_list.add", obj=entry, changes={"initiative": [None, initiative.slug]}
    )
    access_log_record(
        by=by, subject=person, kind=AccessKind.CHANGE, purpose="Skrevet på venteliste"
    )
    return entry


@transaction.atomic
def waiting_list_remove(*, by: User, entry: WaitingListEntry, outcome: str) -> WaitingListEntry:
    if entry.removed_on is not None:
        raise ValidationError("Personen er allerede taget af ventelisten.")
    entry.removed_on, entry.outcome = timezone.localdate(), outcome
    entry.save(update_fields=["removed_on", "outcome"])
    audit_event_record(
        by=by, action="waiting_list.remove", obj=entry, changes={"outcome": [None, outcome]}
    )
    access_log_record(
        by=by, subject=entry.person, kind=AccessKind.CHANGE, purpose="Taget af venteliste"
    )
    return entry
