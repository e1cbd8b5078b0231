"""The scorecard page (aggregates for every role, small counts hidden from those without person
access) and recording participation, status and follow-ups from the person page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.forms import action_error_text
from cases.permissions import get_person_for_change
from initiatives.models import Initiative
from outcomes import actions
from outcomes.forms import (
    AssessmentForm,
    FollowUpForm,
    ObservationForm,
    ParticipationEndForm,
    ParticipationForm,
    ProgressionParameterForm,
)
from outcomes.measures import MINIMUM_DENOMINATOR, without_small_counts
from outcomes.models import FollowUp, Participation, ProgressionParameter
from outcomes.progression import (
    ParameterChange,
    assessment_record,
    initiative_progression,
    parameter_add,
    parameter_toggle,
)
from outcomes.queries import occupied_days, stock_on
from outcomes.scorecard import GROUP_LABELS, initiative_scorecard


def sees_persons(user) -> bool:
    """Those who may see persons see exact small counts; everyone else sees them hidden."""
    return user.has_perm("cases.view_my_work")


def scorecard(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(Initiative, slug=slug)
    today = timezone.localdate()
    groups = initiative_scorecard(initiative, today)
    if not sees_persons(request.user):
        for cards in groups.values():
            for card in cards:
                card.results = [without_small_counts(r) for r in card.results]
    year_start = today.replace(month=1, day=1)
    days = (today - year_start).days + 1
    occupied = stock_on(initiative.pk, today)
    capacity = {
        "occupied": occupied,
        "full_year_places": occupied_days(initiative.pk, year_start, today) / days,
        "over": initiative.capacity_amount is not None and occupied > initiative.capacity_amount,
    }
    progression = initiative_progression(initiative.pk)
    if not sees_persons(request.user):
        progression = [
            c if c.people >= MINIMUM_DENOMINATOR else ParameterChange(c.parameter, 0, None)
            for c in progression
        ]
    return render(
        request,
        "outcomes/scorecard.html",
        {
            "progression": progression,
            "initiative": initiative,
            "groups": [(GROUP_LABELS[key], cards) for key, cards in groups.items()],
            "today": today,
            "capacity": capacity,
            "small_counts_hidden": not sees_persons(request.user),
        },
    )


def _act(request: HttpRequest, person, form, act) -> HttpResponse:
    if form.is_valid():
        try:
            act(form.cleaned_data)
        except ValidationError as error:
            messages.error(request, action_error_text(error))
        else:
            messages.success(request, _("Gemt."))
    else:
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("cases:person_detail", pk=person.pk)


@require_POST
def participation_new(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    return _act(
        request,
        person,
        ParticipationForm(request.POST),
        lambda d: actions.participation_start(by=request.user, person=person, **d),
    )


@require_POST
def participation_end(request: HttpRequest, pk: int, participation_id: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    participation = get_object_or_404(Participation, pk=participation_id, person=person)
    return _act(
        request,
        person,
        ParticipationEndForm(request.POST),
        lambda d: actions.participation_end(by=request.user, participation=participation, **d),
    )


@require_POST
def observation_new(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    return _act(
        request,
        person,
        ObservationForm(request.POST),
        lambda d: actions.status_observation_record(by=request.user, person=person, **d),
    )


@require_POST
def follow_up_resolve(request: HttpRequest, pk: int, follow_up_id: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    follow_up = FollowUp.objects.filter(pk=follow_up_id, participation__person=person).first()
    if follow_up is None:
        raise Http404
    return _act(
        request,
        person,
        FollowUpForm(request.POST),
        lambda d: actions.follow_up_resolve(
            by=request.user, follow_up=follow_up, reached=d["reached"] == "yes", status=d["status"]
        ),
    )


@require_POST
def assessment_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Scores come as 'score-<parameter id>' fields, one per active parameter."""
    person = get_person_for_change(request.user, pk)
    form = AssessmentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
        return redirect("cases:person_detail", pk=person.pk)
    try:
        assessment_record(
            by=request.user,
            person=person,
            assessed_on=form.cleaned_data["assessed_on"],
            scores=form.scores(),
        )
    except ValidationError as error:
        messages.error(request, action_error_text(error))
    else:
        messages.success(request, _("Vurderingen er gemt."))
    return redirect("cases:person_detail", pk=person.pk)


def progression_parameters(request: HttpRequest) -> HttpResponse:
    """An administrator adds parameters and takes them in or out of use; scores already given
    stay (a parameter is never deleted)."""
    if not request.user.has_perm("outcomes.configure_progression"):
        raise PermissionDenied
    form = ProgressionParameterForm(request.POST or None)
    if request.method == "POST":
        toggle = request.POST.get("toggle")
        if toggle:
            parameter = get_object_or_404(ProgressionParameter, pk=toggle)
            parameter_toggle(by=request.user, parameter=parameter)
            messages.success(request, _("Gemt."))
            return redirect("outcomes:progression_parameters")
        if form.is_valid():
            parameter_add(by=request.user, **form.cleaned_data)
            messages.success(request, _("Parameteren er tilføjet."))
            return redirect("outcomes:progression_parameters")
    return render(
        request,
        "outcomes/progression_parameters.html",
        {"parameters": ProgressionParameter.objects.all(), "form": form},
    )
