"""Case endpoints of the JSON API: exactly the UI's need-to-know rules, and every use of a
person's data goes to the access log, as in the UI."""

from datetime import date

from django.db.models import Count
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from api.errors import CHANGE_ERRORS, ERRORS
from audit.actions import access_log_record, access_log_record_many
from audit.models import AccessKind
from cases import actions, intervention
from cases.intervention_rules import next_phase_proposal
from cases.models import Referral, ReferralStatus, Task
from cases.permissions import cases_visible_to, courses_visible_to, get_case_for_user

router = Router(tags=["sager"])
OPEN_REFERRAL_STATES = [ReferralStatus.SENT, ReferralStatus.ESCALATED]


class CaseOut(Schema):
    id: int
    level: int
    ssp_district: str
    person_name: str
    person_identifier: str  # masked CPR or replacement number, never the full CPR
    is_open: bool
    version: int


class TaskOut(Schema):
    id: int
    title: str
    due_date: date
    case_id: int | None
    course_id: int | None
    overdue: bool


class LevelIn(Schema):
    version: int
    to_level: int
    reason: str


def _case_out(case) -> dict:
    return {
        "id": case.pk,
        "level": case.level,
        "ssp_district": case.ssp_district,
        "person_name": str(case.person),
        "person_identifier": case.person.identifier_masked(),
        "is_open": case.is_open,
        "version": case.version,
    }


@router.get("/cases", response={200: list[CaseOut], **ERRORS})
def case_list(request):
    cases = list(cases_visible_to(request.auth).select_related("person"))
    access_log_record_many(
        by=request.auth,
        kind=AccessKind.READ,
        purpose="API: liste over sager",
        subjects=[c.person for c in cases],
    )
    return [_case_out(c) for c in cases]


@router.get("/cases/{case_id}", response={200: CaseOut, **ERRORS})
def case_detail(request, case_id: int):
    case = get_case_for_user(request.auth, case_id)
    access_log_record(
        by=request.auth,
        kind=AccessKind.READ,
        subject=case.person,
        purpose=f"API: SSP-sag {case.pk}",
    )
    return _case_out(case)


@router.post("/cases/{case_id}/level", response={200: CaseOut, **CHANGE_ERRORS})
def case_change_level(request, case_id: int, payload: LevelIn):
    case = get_case_for_user(request.auth, case_id)
    if not request.auth.has_perm("cases.open_case"):
        raise HttpError(403, "Du kan se sagen, men ikke ændre den.")
    # A refusal (ValidationError) or a stale version (EditConflict) is answered by the API's
    # error handlers, in the one documented shape.
    case = actions.ssp_case_change_level(
        by=request.auth,
        case=case,
        to_level=payload.to_level,
        reason=payload.reason,
        expected_version=payload.version,
    )
    return _case_out(case)


@router.get("/tasks", response={200: list[TaskOut], **ERRORS})
def my_tasks(request):
    tasks = Task.objects.open().filter(responsible=request.auth).overdue_first()
    return [
        {
            "id": t.pk,
            "title": t.title,
            "due_date": t.due_date,
            "case_id": t.case_id,
            "course_id": t.course_id,
            "overdue": t.is_overdue(),
        }
        for t in tasks
    ]


class ReferralOut(Schema):
    id: int
    case_id: int
    person_name: str
    from_unit: str
    to_unit: str
    reason: str
    legal_basis: str
    answer_by: date
    status: str
    answer_reason: str
    direction: str  # "incoming" (to my unit) or "sent" (by me)


class ReferralAnswerIn(Schema):
    accept: bool
    reason: str = ""


def _referral_out(referral, direction: str) -> dict:
    return {
        "id": referral.pk,
        "case_id": referral.case_id,
        "person_name": str(referral.case.person),
        "from_unit": referral.from_unit.name,
        "to_unit": referral.to_unit.name,
        "reason": referral.reason,
        "legal_basis": referral.legal_basis,
        "answer_by": referral.answer_by,
        "status": referral.status,
        "answer_reason": referral.answer_reason,
        "direction": direction,
    }


@router.get("/referrals", response={200: list[ReferralOut], **ERRORS})
def referral_list(request):
    """Open referrals to the caller's unit, and the referrals the caller sent; both logged."""
    user = request.auth
    related = ("case__person", "from_unit", "to_unit")
    incoming = (
        list(
            Referral.objects.filter(to_unit_id=user.unit_id, status__in=OPEN_REFERRAL_STATES)
            .select_related(*related)
            .order_by("answer_by", "pk")
        )
        if user.unit_id and user.has_perm("cases.answer_referrals")
        else []
    )
    sent = list(Referral.objects.filter(sent_by=user).select_related(*related).order_by("-sent_at"))
    access_log_record_many(
        by=user,
        kind=AccessKind.READ,
        purpose="API: henvisninger",
        subjects=[r.case.person for r in incoming + sent],
    )
    return [_referral_out(r, "incoming") for r in incoming] + [
        _referral_out(r, "sent") for r in sent
    ]


@router.post("/referrals/{referral_id}/answer", response={200: ReferralOut, **ERRORS})
def referral_answer(request, referral_id: int, payload: ReferralAnswerIn):
    """Accept or decline (with a reason) a referral to the caller's unit."""
    referral = (
        Referral.objects.select_related("case__person", "from_unit", "to_unit")
        .filter(pk=referral_id, to_unit_id=request.auth.unit_id)
        .first()
    )
    if referral is None or not request.auth.has_perm("cases.answer_referrals"):
        raise HttpError(404, "Henvisningen findes ikke i din enheds indgang.")
    referral = actions.referral_answer(
        by=request.auth, referral=referral, accept=payload.accept, reason=payload.reason
    )
    return _referral_out(referral, "incoming")


class CourseOut(Schema):
    id: int
    household: str
    district: str
    phase: str
    phase_started_on: date
    proposed_next_phase: str | None
    coordinator: str
    team_size: int


@router.get("/intervention/courses", response={200: list[CourseOut], **ERRORS})
def course_list(request):
    """The intervention courses the caller coordinates, is on the team of, or (a department
    leader) whose coordinator is in the department; every family member is logged."""
    today = timezone.localdate()
    courses = list(
        courses_visible_to(request.auth)
        .select_related("household", "coordinator")
        .annotate(team_size=Count("team", distinct=True))
        .prefetch_related("household__members__person")
    )
    access_log_record_many(
        by=request.auth,
        kind=AccessKind.READ,
        purpose="API: interventionsforløb",
        subjects=[m.person for c in courses for m in c.household.members.all()],
    )
    return [
        {
            "id": c.pk,
            "household": c.household.name,
            "district": c.district,
            "phase": c.phase,
            "phase_started_on": c.phase_started_on,
            "proposed_next_phase": next_phase_proposal(c.phase, c.phase_started_on, today),
            "coordinator": c.coordinator.get_full_name(),
            "team_size": c.team_size,
        }
        for c in courses
    ]


class SteeringRow(Schema):
    district: str  # a district's code, or "begge" for the programme as a whole
    counts: dict[str, int | str]  # per phase and 'I alt'; '<5' / 'skjult' where hidden


class SteeringOut(Schema):
    exact: bool  # exact counts by district (the caller may see every family) or aggregated
    as_of: date
    families: list[SteeringRow]
    overdue_tasks: list[SteeringRow]
    admitted: dict[str, int | str]  # per district since the programme began


@router.get("/intervention/steering", response={200: SteeringOut, **ERRORS})
def steering(request):
    """The steering group's figures, exactly as on the page (docs/decisions/0013); never
    names."""
    if not request.auth.has_perm("cases.view_steering"):
        raise HttpError(403, "Kun for styregruppen (koordinatorer, ledere, analytikere).")
    figures = intervention.steering_figures(request.auth, timezone.localdate())
    families, overdue, admitted = figures.shown()

    def rows(counts):
        return [{"district": d, "counts": shown} for d, shown in sorted(counts.items())]

    return {
        "exact": figures.exact,
        "as_of": figures.as_of,
        "families": rows(families),
        "overdue_tasks": rows(overdue),
        "admitted": admitted,
    }
