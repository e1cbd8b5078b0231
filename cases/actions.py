"""Opening SSP cases, changing their level and completing tasks. Each action is atomic,
audited, and logged as a use of the person's data."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from areas.queries import ssp_districts
from audit.actions import access_log_record, audit_event_record
from audit.models import AccessKind
from cases.enrolments import SSP_PLUS, Enrolment, enrolment_announce, source_of
from cases.models import (
    CaseMember,
    EmergencyAccess,
    LevelChange,
    LevelRule,
    PlanGoal,
    Referral,
    ReferralStatus,
    SspBodyMembership,
    SspCase,
    SspPlusPlan,
    SspPlusSettings,
    Task,
)
from cases.rules import ssp_plus_eligibility
from people import actions as people_actions
from people.models import Household, HouseholdMember, HouseholdRole, Person, PersonMatch
from sikkerby.versioning import version_claim

CASE_FIELDS = [
    "level",
    "reporting_partner",
    "reported_on",
    "ssp_district",
    "description",
    "legal_basis",
    "necessity",
    "consent_date",
    "consent_scope",
]


def level_responsible(*, case: SspCase, rule: LevelRule, by: User) -> tuple[User, str]:
    """Who acts on the level's rule (seed 002: for each level, who is responsible): someone
    on the case holding the role the rule names, else someone in the SSP body of the case's
    district holding it (levels 3–4: the coordination group). If nobody does, the actor, with
    a note that says so (returned second, empty when the rule's role was found)."""
    holders = [m.user for m in case.members.select_related("user")]
    holders += [
        m.user
        for m in SspBodyMembership.objects.filter(ssp_district=case.ssp_district)
        .select_related("user")
        .order_by("user__username")
    ]
    found = next((u for u in holders if u.is_active and u.has_role(rule.responsible_role)), None)
    if found is not None:
        return found, ""
    role = Role(rule.responsible_role).label
    return by, _(
        "Ingen med rollen %(role)s i sagen eller i %(body)s for %(district)s: opgaven er givet "
        "til %(user)s."
    ) % {
        "role": role,
        "body": rule.handling_body.lower(),
        "district": case.ssp_district,
        "user": by,
    }


def _tasks_for_level(*, case: SspCase, level: int, by: User, start: date) -> list[Task]:
    """Create the actions the level's rule requires, each with its deadline, for the person
    the rule makes responsible (level_responsible)."""
    rule = LevelRule.objects.filter(level=level).prefetch_related("actions").first()
    if rule is None:
        return []
    responsible, fallback_note = level_responsible(case=case, rule=rule, by=by)
    return [
        Task.objects.create(
            case=case,
            title=action.title,
            due_date=Task.due_from(start, action.deadline_days),
            responsible=responsible,
            for_level=level,
            fallback_note=fallback_note,
        )
        for action in rule.actions.all()
    ]


@transaction.atomic
def ssp_case_open(*, by: User, person: Person, **fields) -> SspCase:
    """Register a case for `person` (found or created by people.actions.person_for_registration,
    so a typed CPR number never opened a record the user may not see). The district is one of
    SSP's districts from the area sets."""
    if not by.has_perm("cases.open_case"):
        raise PermissionDenied
    if fields.get("ssp_district") not in {area.name for area in ssp_districts()}:
        raise ValidationError({"ssp_district": _("Vælg et af kommunens SSP-distrikter.")})
    case = SspCase(
        person=person, opened_by=by, **{k: v for k, v in fields.items() if k in CASE_FIELDS}
    )
    case.full_clean()
    case.save()
    CaseMember.objects.create(case=case, user=by, role_on_case="Opretter")
    if not person.household_memberships.exists():
        household = Household.objects.create(name=f"Familien {person.last_name}")
        HouseholdMember.objects.create(household=household, person=person, role=HouseholdRole.CHILD)
    LevelChange.objects.create(
        case=case, from_level=None, to_level=case.level, reason="Sagen oprettet", changed_by=by
    )
    tasks = _tasks_for_level(case=case, level=case.level, by=by, start=case.reported_on)
    audit_event_record(
        by=by,
        action="ssp_case.open",
        obj=case,
        changes={
            "level": [None, case.level],
            "ssp_district": [None, case.ssp_district],
            "tasks": [None, len(tasks)],
        },
    )
    access_log_record(
        by=by, kind=AccessKind.CREATE, subject=person, purpose=f"Oprettelse af SSP-sag {case.pk}"
    )
    return case


@transaction.atomic
def ssp_case_change_level(
    *, by: User, case: SspCase, to_level: int, reason: str, expected_version: int
) -> SspCase:
    """Move a case to another level, keeping the history with its reason. Raising the level
    starts the new level's actions; lowering it starts none."""
    if not reason.strip():
        raise ValidationError({"reason": "Angiv en begrundelse for niveauskiftet."})
    if to_level not in (1, 2, 3, 4):
        raise ValidationError({"to_level": "SSP-niveauet skal være 1–4."})
    if to_level == case.level:
        raise ValidationError({"to_level": "Sagen er allerede på dette niveau."})
    version_claim(SspCase, case.pk, expected_version)
    from_level = case.level
    SspCase.objects.filter(pk=case.pk).update(level=to_level)
    case.refresh_from_db()
    LevelChange.objects.create(
        case=case, from_level=from_level, to_level=to_level, reason=reason, changed_by=by
    )
    tasks = (
        _tasks_for_level(case=case, level=to_level, by=by, start=timezone.localdate())
        if to_level > from_level
        else []
    )
    audit_event_record(
        by=by,
        action="ssp_case.change_level",
        obj=case,
        changes={
            "level": [from_level, to_level],
            "reason": [None, reason],
            "tasks": [None, len(tasks)],
        },
    )
    access_log_record(
        by=by,
        kind=AccessKind.CHANGE,
        subject=case.person,
        purpose=f"Niveauskift i SSP-sag {case.pk}",
    )
    return case


@transaction.atomic
def task_complete(*, by: User, task: Task) -> Task:
    if task.done_at is None:
        task.done_at, task.done_by = timezone.now(), by
        task.save(update_fields=["done_at", "done_by"])
        audit_event_record(by=by, action="task.complete", obj=task, changes={"done": [False, True]})
    return task


@transaction.atomic
def emergency_access_grant(
    *, by: User, person: Person | None, reason: str, criterion: str = ""
) -> EmergencyAccess:
    """Open a person outside the user's scope for EMERGENCY_ACCESS_HOURS, with a stated reason.
    It is logged as a use of the person's data and flagged to administrators for review. An
    attempt for a number nobody has (`person` None) is recorded and reviewed just the same."""
    from django.conf import settings

    if not (by.has_perm("cases.open_case") or by.has_role(Role.ADMINISTRATOR)):
        raise PermissionDenied
    if len(reason.strip()) < 10:
        raise ValidationError({"reason": _("Begrund nødadgangen (mindst 10 tegn).")})
    access = EmergencyAccess.objects.create(
        user=by,
        person=person,
        criterion=criterion[:40],
        reason=reason.strip(),
        expires_at=timezone.now() + timedelta(hours=settings.EMERGENCY_ACCESS_HOURS),
    )
    audit_event_record(
        by=by,
        action="emergency_access.grant" if person else "emergency_access.no_person",
        obj=access,
        changes={"reason": [None, access.reason], "criterion": [None, access.criterion]},
    )
    access_log_record(
        by=by,
        kind=AccessKind.READ if person else AccessKind.SEARCH,
        subject=person,
        purpose=f"Nødadgang: {access.reason}",
        criterion=access.criterion,
    )
    return access


@transaction.atomic
def emergency_access_review(
    *, by: User, access: EmergencyAccess, note: str = ""
) -> EmergencyAccess:
    if not by.has_role(Role.ADMINISTRATOR):
        raise PermissionDenied
    access.reviewed_by, access.reviewed_at, access.review_note = by, timezone.now(), note[:300]
    access.save(update_fields=["reviewed_by", "reviewed_at", "review_note"])
    audit_event_record(
        by=by,
        action="emergency_access.review",
        obj=access,
        changes={"note": [None, access.review_note]},
    )
    return access


@transaction.atomic
def referral_send(
    *,
    by: User,
    case: SspCase,
    to_unit,
    reason: str,
    legal_basis: str,
    necessity: str,
    answer_by: date,
    resent_from: Referral | None = None,
) -> Referral:
    if by.unit is None:
        raise ValidationError({"to_unit": "Du skal høre til en enhed for at kunne henvise."})
    if to_unit == by.unit:
        raise ValidationError({"to_unit": "Vælg en anden enhed end din egen."})
    if legal_basis == "rpl115" and not necessity.strip():
        raise ValidationError(
            {
                "necessity": "Efter retsplejelovens § 115 skal det fremgå, hvorfor videregivelsen er nødvendig."
            }
        )
    if answer_by <= timezone.localdate():
        raise ValidationError({"answer_by": "Svarfristen skal ligge efter i dag."})
    referral = Referral.objects.create(
        case=case,
        from_unit=by.unit,
        to_unit=to_unit,
        reason=reason,
        legal_basis=legal_basis,
        necessity=necessity,
        answer_by=answer_by,
        sent_by=by,
        resent_from=resent_from,
    )
    audit_event_record(
        by=by, action="referral.send", obj=referral, changes={"to_unit": [None, str(to_unit)]}
    )
    access_log_record(
        by=by, kind=AccessKind.EXPORT, subject=case.person, purpose=f"Henvisning til {to_unit.name}"
    )
    return referral


@transaction.atomic
def referral_answer(*, by: User, referral: Referral, accept: bool, reason: str = "") -> Referral:
    """The receiving unit accepts (the receiver joins the case's team) or declines with a reason."""
    if by.unit_id != referral.to_unit_id or not by.has_perm("cases.answer_referrals"):
        raise PermissionDenied
    if not referral.is_open:
        raise ValidationError({"answer": "Henvisningen er allerede besvaret."})
    if not accept and not reason.strip():
        raise ValidationError({"reason": "Angiv hvorfor henvisningen afvises."})
    referral.status = ReferralStatus.ACCEPTED if accept else ReferralStatus.DECLINED
    referral.answered_by_user, referral.answered_at, referral.answer_reason = (
        by,
        timezone.now(),
        reason.strip(),
    )
    referral.save()
    if accept:
        CaseMember.objects.get_or_create(
            case=referral.case,
            user=by,
            defaults={"role_on_case": f"Modtager af henvisning ({referral.to_unit.name})"},
        )
    audit_event_record(
        by=by,
        action="referral.answer",
        obj=referral,
        changes={"status": ["sent", referral.status], "reason": [None, reason]},
    )
    return referral


@transaction.atomic
def referrals_escalate(*, today: date | None = None) -> int:
    """Referrals unanswered past their deadline escalate: the sender gets a follow-up task."""
    today = today or timezone.localdate()
    overdue = Referral.objects.filter(
        status=ReferralStatus.SENT, answer_by__lt=today
    ).select_related("to_unit", "sent_by")
    count = 0
    for referral in overdue:
        referral.status = ReferralStatus.ESCALATED
        referral.save(update_fields=["status"])
        Task.objects.create(
            case=referral.case,
            title=f"Henvisning til {referral.to_unit.name} er ubesvaret – følg op",
            due_date=today,
            responsible=referral.sent_by,
        )
        audit_event_record(
            by=None,
            action="referral.escalate",
            obj=referral,
            changes={"status": ["sent", "escalated"]},
        )
        count += 1
    return count


@transaction.atomic
def ssp_plus_plan_create(*, by: User, case: SspCase, referred_on: date) -> SspPlusPlan:
    limits = SspPlusSettings.current()
    eligible, reason = ssp_plus_eligibility(
        born=case.person.birth_date,
        referred_on=referred_on,
        level=case.level,
        min_age=limits.min_age,
        max_age=limits.max_age,
    )
    if not eligible:
        raise ValidationError({"referred_on": reason})
    if hasattr(case, "ssp_plus_plan"):
        raise ValidationError({"referred_on": "Sagen har allerede en SSP+-plan."})
    plan = SspPlusPlan.objects.create(case=case, referred_on=referred_on, created_by=by)
    audit_event_record(
        by=by, action="ssp_plus_plan.create", obj=plan, changes={"eligibility": [None, reason]}
    )
    # The plan is the young person's participation in SSP+ (seed 003: 100 receive offers).
    enrolment_announce(
        Enrolment(
            initiative_slug=SSP_PLUS,
            person=case.person,
            source=source_of(plan),
            started_on=referred_on,
            by=by,
        )
    )
    access_log_record(
        by=by, kind=AccessKind.CHANGE, subject=case.person, purpose="Oprettelse af SSP+-plan"
    )
    return plan


@transaction.atomic
def plan_goal_add(
    *, by: User, plan: SspPlusPlan, expected_version: int, area: str, description: str, offer=None
) -> PlanGoal:
    """Add a goal; the plan's version guards against two people editing it at once."""
    version_claim(SspPlusPlan, plan.pk, expected_version)
    goal = PlanGoal(plan=plan, area=area, description=description, offer=offer)
    goal.full_clean()
    goal.save()
    audit_event_record(
        by=by,
        action="plan_goal.add",
        obj=goal,
        changes={"goal": [None, str(goal)], "offer": [None, str(offer) if offer else None]},
    )
    access_log_record(
        by=by, kind=AccessKind.CHANGE, subject=plan.case.person, purpose="Ændring af SSP+-plan"
    )
    return goal


@transaction.atomic
def ssp_case_close(*, by: User, case: SspCase, reason: str) -> SspCase:
    if not reason.strip():
        raise ValidationError({"reason": "Angiv hvorfor sagen lukkes."})
    if case.closed_at is None:
        case.closed_at = timezone.now()
        case.save(update_fields=["closed_at"])
        Task.objects.filter(case=case, done_at__isnull=True).delete()
        plan = SspPlusPlan.objects.filter(case=case).first()
        if plan is not None:  # the plan, and the participation in SSP+, end with the case
            enrolment_announce(
                Enrolment(
                    initiative_slug=SSP_PLUS,
                    person=case.person,
                    source=source_of(plan),
                    started_on=plan.referred_on,
                    ended_on=timezone.localdate(),
                    by=by,
                )
            )
        audit_event_record(
            by=by,
            action="ssp_case.close",
            obj=case,
            changes={"closed": [False, True], "reason": [None, reason]},
        )
        access_log_record(
            by=by,
            kind=AccessKind.CHANGE,
            subject=case.person,
            purpose=f"Lukning af SSP-sag {case.pk}",
        )
    return case


@transaction.atomic
def person_match_decide(*, by: User, match: PersonMatch, confirm: bool, reason: str) -> PersonMatch:
    """Decide a match (people.actions.person_match_decide). A rejected CPR number goes back to
    whoever typed it, as a task on the cases they registered for the typed record."""
    typed = match.typed_person
    match = people_actions.person_match_decide(by=by, match=match, confirm=confirm, reason=reason)
    if not confirm and typed is not None:
        for case in SspCase.objects.filter(person=typed, closed_at__isnull=True):
            Task.objects.create(
                case=case,
                title=_("Kontrollér CPR-nummeret: det kunne ikke bekræftes"),
                due_date=timezone.localdate(),
                responsible=match.created_by,
            )
    return match
