"""Case endpoints of the JSON API: exactly the UI's need-to-know rules, and every use of a
person's data goes to the access log, as in the UI."""

from datetime import date

from django.core.exceptions import ValidationError
from ninja import Router, Schema
from ninja.errors import HttpError

from audit.actions import access_log_record
from audit.models import AccessKind
from cases import actions
from cases.models import Task
from cases.permissions import cases_visible_to, get_case_for_user
from sikkerby.versioning import EditConflict

router = Router(tags=["sager"])


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


@router.get("/cases", response=list[CaseOut])
def case_list(request):
    cases = list(cases_visible_to(request.auth).select_related("person"))
    for case in cases:
        access_log_record(
            by=request.auth,
            kind=AccessKind.READ,
            subject=case.person,
            purpose="API: liste over sager",
        )
    return [_case_out(c) for c in cases]


@router.get("/cases/{case_id}", response=CaseOut)
def case_detail(request, case_id: int):
    case = get_case_for_user(request.auth, case_id)
    access_log_record(
        by=request.auth,
        kind=AccessKind.READ,
        subject=case.person,
        purpose=f"API: SSP-sag {case.pk}",
    )
    return _case_out(case)


@router.post("/cases/{case_id}/level", response={200: CaseOut, 404: dict, 409: dict, 422: dict})
def case_change_level(request, case_id: int, payload: LevelIn):
    case = get_case_for_user(request.auth, case_id)
    try:
        case = actions.ssp_case_change_level(
            by=request.auth,
            case=case,
            to_level=payload.to_level,
            reason=payload.reason,
            expected_version=payload.version,
        )
    except EditConflict:
        raise HttpError(
            409, "Sagen er ændret siden den version, du sendte. Hent den igen."
        ) from None
    except ValidationError as error:
        raise HttpError(
            422, "; ".join(m for ms in error.message_dict.values() for m in ms)
        ) from None
    return _case_out(case)


@router.get("/tasks", response=list[TaskOut])
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
