"""The policy goals' pages: each goal with its text and source, the initiatives that
contribute, the figures of the criteria that measure it, a verdict with its reasoning, and
the departments' assessments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from imports.files import ImportRejected
from imports.jobs import import_done_record
from initiatives.models import PolicyGoal
from policy_goals.actions import goal_assessment_report, goal_assessment_write
from policy_goals.attainment import goal_attainment
from policy_goals.crime_table import COLUMNS, OPTIONAL, crime_table_import
from policy_goals.forms import CrimeTableForm, GoalAssessmentForm
from policy_goals.models import GoalAssessment


def _goal_for(request: HttpRequest, code: str) -> PolicyGoal:
    if not request.user.has_perm("policy_goals.view_goal"):
        raise PermissionDenied
    return get_object_or_404(PolicyGoal, code=code)


def goal_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("policy_goals.view_goal"):
        raise PermissionDenied
    today = timezone.localdate()
    goals = [goal_attainment(request.user, goal, today) for goal in PolicyGoal.objects.all()]
    return render(request, "policy_goals/list.html", {"goals": goals})


def goal_page(request: HttpRequest, code: str) -> HttpResponse:
    goal = _goal_for(request, code)
    may_assess = request.user.has_perm("policy_goals.assess_goal", goal) and bool(
        request.user.department_id
    )
    draft = (
        GoalAssessment.objects.filter(
            goal=goal, department_id=request.user.department_id, reported_at=None
        ).first()
        if may_assess
        else None
    )
    form = GoalAssessmentForm(request.POST or None, initial={"text": draft.text if draft else ""})
    if request.method == "POST":
        if not may_assess:
            raise PermissionDenied
        if form.is_valid():
            try:
                goal_assessment_write(by=request.user, goal=goal, text=form.cleaned_data["text"])
            except ValidationError as refused:
                form.add_error(None, refused)
            else:
                messages.success(request, _("Vurderingen er gemt som kladde."))
                return redirect("policy_goals:goal", code=goal.code)
    return render(
        request,
        "policy_goals/goal.html",
        {
            "attainment": goal_attainment(request.user, goal, timezone.localdate()),
            # Reported assessments are for all to read; a draft only for its own department.
            "assessments": goal.assessments.filter(
                Q(reported_at__isnull=False) | Q(pk=draft.pk if draft else None)
            ).select_related("department", "written_by", "reported_by"),
            "draft": draft,
            "form": form if may_assess else None,
            "may_import": request.user.has_perm("policy_goals.import_table"),
        },
    )


@require_POST
def assessment_report(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    goal = _goal_for(request, code)
    if not request.user.has_perm("policy_goals.assess_goal", goal):
        raise PermissionDenied
    assessment = get_object_or_404(
        GoalAssessment, pk=pk, goal=goal, department_id=request.user.department_id
    )
    try:
        goal_assessment_report(
            by=request.user,
            assessment=assessment,
            attainment=goal_attainment(request.user, goal, timezone.localdate()),
        )
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("Vurderingen er indberettet og låst sammen med tallene."))
    return redirect("policy_goals:goal", code=goal.code)


def crime_table_import_page(request: HttpRequest, code: str) -> HttpResponse:
    """Load the goal's aggregate register table (atomic: every row or none)."""
    goal = _goal_for(request, code)
    if not request.user.has_perm("policy_goals.import_table"):
        raise PermissionDenied
    form = CrimeTableForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            saved = crime_table_import(
                by=request.user, goal=goal, filename=upload.name, data=form.data_bytes
            )
        except ImportRejected as rejected:
            errors = rejected.errors[:200]
        else:
            import_done_record(
                by=request.user,
                kind=form.import_kind,
                label=str(_("Registertabel for mål %(code)s") % {"code": goal.code}),
                filename=upload.name,
                data=form.data_bytes,
                saved=saved,
            )
            messages.success(request, _("%(n)s celler er indlæst.") % {"n": saved})
            return redirect("policy_goals:goal", code=goal.code)
    return render(
        request,
        "policy_goals/crime_table_import.html",
        {"goal": goal, "form": form, "errors": errors, "columns": COLUMNS + OPTIONAL},
    )
