"""Intervention-team pages: intake and admission, the family's course, and the steering group's
aggregates. The steering group never sees names."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.actions import access_log_record_many
from audit.models import AccessKind
from cases import intervention
from cases.forms import (
    FamilyGoalForm,
    FamilyMemberForm,
    PhaseForm,
    ProgressNoteForm,
    TeamMemberForm,
    TeamTaskForm,
)
from cases.intervention_rules import next_phase_proposal
from cases.models import InterventionProgramme, Phase
from cases.permissions import (
    courses_visible_to,
    courses_worked_by,
    may_coordinate,
    persons_visible_to,
)
from people.actions import household_member_add
from sikkerby.refusals import refusal_text, refusal_to_form
from sikkerby.versioning import EditConflict


def intake(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("cases.admit_families"):
        raise PermissionDenied
    programme = InterventionProgramme.current()
    candidates = intervention.family_candidates(programme)
    courses = list(
        courses_visible_to(request.user)
        .select_related("household")
        .prefetch_related("household__members__person")
    )
    # The candidates' and the courses' families are named on the page: each member is logged.
    access_log_record_many(
        by=request.user,
        kind=AccessKind.READ,
        purpose="Prioriteringsliste, interventionsteam",
        subjects=[m.person for c in candidates for m in c.household.members.all()]
        + [m.person for c in courses for m in c.household.members.all()],
    )
    today = timezone.localdate()
    return render(
        request,
        "cases/intervention_intake.html",
        {
            "programme": programme,
            "candidates": candidates,
            "today": today,
            "courses": [
                (c, next_phase_proposal(c.phase, c.phase_started_on, today)) for c in courses
            ],
        },
    )


@require_POST
def admit(request: HttpRequest, household_id: int) -> HttpResponse:
    if not request.user.has_perm("cases.admit_families"):
        raise PermissionDenied
    candidate = next(
        (
            c
            for c in intervention.family_candidates(InterventionProgramme.current())
            if c.household.pk == household_id
        ),
        None,
    )
    if candidate is None:
        raise Http404
    try:
        course = intervention.course_admit(by=request.user, candidate=candidate)
    except ValidationError as error:
        messages.error(request, refusal_text(error))
        return redirect("cases:intervention_intake")
    messages.success(request, _("Familien er optaget. Sammensæt nu teamet."))
    return redirect("cases:intervention_course", pk=course.pk)


def _course_for(request: HttpRequest, pk: int):
    course = (
        courses_visible_to(request.user)
        .select_related("household", "coordinator")
        .filter(pk=pk)
        .first()
    )
    if course is None:
        raise Http404
    return course


def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _course_page(request, _course_for(request, pk))


def _course_page(request: HttpRequest, course, **forms) -> HttpResponse:
    """The course page, first drawn or redrawn after a form error; its family is logged."""
    members = list(course.household.members.select_related("person"))
    access_log_record_many(
        by=request.user,
        kind=AccessKind.READ,
        purpose=f"Interventionsforløb {course.pk}",
        subjects=[m.person for m in members],
    )
    return render(
        request,
        "cases/intervention_course.html",
        _course_context(request, course, members, **forms),
    )


def _course_context(request, course, members, **forms) -> dict:
    return {
        "course": course,
        "members": members,
        "is_coordinator": may_coordinate(request.user, course),
        "works_on_course": courses_worked_by(request.user).filter(pk=course.pk).exists(),
        "proposal": next_phase_proposal(
            course.phase, course.phase_started_on, timezone.localdate()
        ),
        "phase_labels": dict(Phase.choices),
        "today": timezone.localdate(),
        "team": course.team.select_related("user__department"),
        "tasks": course.tasks.select_related("responsible").overdue_first(),
        "goals": course.goals.select_related("person"),
        "notes": course.notes.select_related("written_by"),
        "decisions": course.phase_decisions.select_related("decided_by"),
        "team_form": forms.get("team_form") or TeamMemberForm(),
        "phase_form": forms.get("phase_form")
        or PhaseForm(
            initial={
                "version": course.version,
                "to_phase": next_phase_proposal(
                    course.phase, course.phase_started_on, timezone.localdate()
                )
                or course.phase,
            }
        ),
        "task_form": forms.get("task_form") or TeamTaskForm(course=course),
        "note_form": forms.get("note_form") or ProgressNoteForm(),
        "goal_form": forms.get("goal_form") or FamilyGoalForm(course=course),
        "member_form": forms.get("member_form") or FamilyMemberForm(),
    }


@require_POST
def course_action(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    """One endpoint per small form on the course page; each calls its action."""
    course = _course_for(request, pk)
    forms = {
        "team": (
            "team_form",
            TeamMemberForm(request.POST),
            lambda d: intervention.team_member_add(by=request.user, course=course, **d),
        ),
        "phase": (
            "phase_form",
            PhaseForm(request.POST),
            lambda d: intervention.course_change_phase(
                by=request.user,
                course=course,
                to_phase=d["to_phase"],
                note=d["note"],
                expected_version=d["version"],
            ),
        ),
        "task": (
            "task_form",
            TeamTaskForm(request.POST, course=course),
            lambda d: intervention.team_task_add(by=request.user, course=course, **d),
        ),
        "note": (
            "note_form",
            ProgressNoteForm(request.POST),
            lambda d: intervention.progress_note_add(by=request.user, course=course, **d),
        ),
        "goal": (
            "goal_form",
            FamilyGoalForm(request.POST, course=course),
            lambda d: intervention.family_goal_add(by=request.user, course=course, **d),
        ),
        "member": (
            "member_form",
            FamilyMemberForm(request.POST),
            lambda d: _family_member_add(request, course, d),
        ),
    }
    if what not in forms:
        raise Http404
    name, form, act = forms[what]
    if form.is_valid():
        try:
            act(form.cleaned_data)
        except EditConflict:
            form.add_error(
                None, _("En anden har ændret forløbet imens. Genindlæs siden — intet er gemt.")
            )
        except ValidationError as error:
            refusal_to_form(form, error)
        else:
            messages.success(request, _("Gemt."))
            return redirect("cases:intervention_course", pk=pk)
    return _course_page(request, course, **{name: form})


def _family_member_add(request, course, data: dict) -> None:
    if not may_coordinate(request.user, course):
        raise PermissionDenied
    household_member_add(
        by=request.user,
        household=course.household,
        visible=persons_visible_to(request.user),
        purpose=f"Familiemedlem i interventionsforløb {course.pk}",
        **FamilyMemberForm.member_fields(data),
    )


def steering(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("cases.view_steering"):
        raise PermissionDenied
    figures = intervention.steering_figures(request.user, timezone.localdate())
    families, overdue, admitted = figures.shown()
    phases = [p.value for p in Phase]

    def table(rows):
        return [
            (
                intervention.steering_row_label(row),
                [shown[p] for p in phases],
                shown["I alt"] if "I alt" in shown else sum(shown.values()),
            )
            for row, shown in sorted(rows.items())
        ]

    return render(
        request,
        "cases/intervention_steering.html",
        {
            "figures": figures,
            "families": table(families),
            "overdue": table(overdue),
            "admitted": [
                (intervention.district_label(d), n) for d, n in admitted.items() if d != "I alt"
            ],
            "admitted_total": admitted["I alt"] if "I alt" in admitted else sum(admitted.values()),
            "phases": Phase.choices,
        },
    )
