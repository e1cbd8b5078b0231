"""The scorecard page (aggregates for every role, small counts hidden from those without person
access) and recording participation, status and follow-ups from the person page."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from audit.actions import access_log_record_many
from audit.models import AccessKind
from cases.permissions import get_person_for_change, persons_visible_to
from imports.files import ImportRejected
from imports.jobs import import_done_record, import_job_create, import_job_restart
from imports.models import ImportJob
from imports.views import import_job_page
from initiatives.models import MAX_YEAR, MIN_YEAR, Initiative, MeasureKind, SuccessCriterion
from outcomes import actions, queries
from outcomes.forms import (
    ActivityForm,
    AssessmentForm,
    FollowUpForm,
    ObservationForm,
    ParticipationEndForm,
    ParticipationForm,
    ProgressionParameterForm,
    RecordsImportForm,
    SurveyAnswersForm,
    WaitingListForm,
    WaitingRemoveForm,
)
from outcomes.measures import MINIMUM_DENOMINATOR, full_year_places
from outcomes.models import FollowUp, Participation, ProgressionParameter, WaitingListEntry
from outcomes.permissions import card_shown_to, count_shown_to, sees_persons
from outcomes.progression import (
    ParameterChange,
    assessment_record,
    initiative_progression,
    parameter_add,
    parameter_toggle,
)
from outcomes.queries import occupied_days, stock_on, waiting_list_summary
from outcomes.records_import import KINDS
from outcomes.scorecard import (
    GROUP_LABELS,
    criterion_card,
    criterion_trend,
    final_card,
    final_trend,
    initiative_scorecard,
)
from outcomes.survey_import import survey_answers_import
from outcomes.tasks import records_import_task
from outcomes.trend_chart import trend_chart
from sikkerby.params import int_param
from sikkerby.refusals import form_errors_text, refusal_text

# Initiatives whose records a module keeps (cases.enrolments, reports): the scorecard links to
# the module's page, where the work is done.
MODULE_PAGES = {
    "interventionsteam": ("cases:intervention_steering", _lazy("Interventionsteamets styregruppe")),
    "ssp-plus-exit": ("cases:overview", _lazy("SSP-sagerne (overblik)")),
    "urolige-omraader": ("troubled_areas:list", _lazy("Rapporterne om urolige områder")),
    "tryghedsindekset": (
        "troubled_areas:safety_presentations",
        _lazy("Tryghedsundersøgelserne og forelæggelserne"),
    ),
}


def scorecard(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(Initiative, slug=slug)
    today = timezone.localdate()
    final = not sees_persons(request.user)
    groups = initiative_scorecard(initiative, today, final=final)
    hidden = [card_shown_to(request.user, card) for cards in groups.values() for card in cards]
    # Readers see places and waiting lists as they were at the end of last year (a figure of
    # today would tell, by tomorrow's, who started or left).
    day = date(today.year - 1, 12, 31) if final else today
    year_start = day.replace(month=1, day=1)
    occupied = stock_on(initiative.pk, day)
    waiting, longest_wait = waiting_list_summary(initiative.pk, day)
    capacity = {
        # Places in use and people waiting are counts of people: small ones hidden likewise.
        "day": day,
        "occupied": count_shown_to(
            request.user, occupied, lambda: queries.stock_members(initiative.pk, day)
        ),
        # Seed 003: full-year places are occupied days ÷ the days of the year.
        "full_year_places": full_year_places(
            occupied_days(initiative.pk, year_start, day), day.year
        ),
        "over": initiative.capacity_amount is not None and occupied > initiative.capacity_amount,
        "waiting": count_shown_to(
            request.user, waiting, lambda: queries.waiting_members(initiative.pk, day)
        ),
    }
    capacity["longest_wait"] = longest_wait if capacity["waiting"] is not None else None
    # A mean change of fewer than 5 people is shown to nobody: it is about a handful of people.
    progression = [
        c if c.people >= MINIMUM_DENOMINATOR else ParameterChange(c.parameter, 0, None)
        for c in initiative_progression(initiative.pk, until=day)
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
            "small_counts_hidden": any(hidden) or capacity["occupied"] is None,
            "module_page": MODULE_PAGES.get(initiative.slug),
            "final": final,
            "may_drill_down": sees_persons(request.user),
            "activity_form": ActivityForm(initial={"held_on": today})
            if request.user.has_perm("initiatives.change_initiative", initiative)
            else None,
            "activities": initiative.activities_held.all()[:10],
            "counts_activities": initiative.success_criteria.filter(
                kind=MeasureKind.ACTIVITY_COUNT
            ).exists(),
        },
    )


def _criterion(slug: str, pk: int) -> SuccessCriterion:
    return get_object_or_404(
        SuccessCriterion.objects.select_related("initiative"), pk=pk, initiative__slug=slug
    )


def criterion_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One criterion: today's figures, year by year (chart and table), the survey upload for
    questionnaire criteria, and links to the people behind each figure for those allowed."""
    criterion = _criterion(slug, pk)
    today = timezone.localdate()
    final = not sees_persons(request.user)
    card = final_card(criterion, today) if final else criterion_card(criterion, today)
    hidden = card_shown_to(request.user, card)
    trend = final_trend(criterion, today) if final else criterion_trend(criterion, today)
    for row in trend:
        hidden |= card_shown_to(request.user, row.card)
    may_change = request.user.has_perm("initiatives.change_initiative", criterion.initiative)
    return render(
        request,
        "outcomes/criterion_detail.html",
        {
            "initiative": criterion.initiative,
            "criterion": criterion,
            "card": card,
            "trend": trend,
            "chart": trend_chart(trend),
            "today": today,
            "may_drill_down": sees_persons(request.user),
            "survey_form": SurveyAnswersForm()
            if may_change and criterion.kind == MeasureKind.SURVEY_SHARE
            else None,
            "small_counts_hidden": hidden,
            "final": final,
        },
    )


def criterion_people(request: HttpRequest, slug: str, pk: int, row: int) -> HttpResponse:
    """The people behind one figure, limited to those the user may see; every one shown is
    logged as a use of their data."""
    if not sees_persons(request.user):
        raise PermissionDenied
    criterion = _criterion(slug, pk)
    year = request.GET.get("aar")
    today = timezone.localdate()
    card = criterion_card(criterion, today, int_param(year, low=MIN_YEAR, high=MAX_YEAR))
    if row >= len(card.results) or card.members[row] is None:
        raise Http404
    outcome_by_person = dict(card.members[row]())
    visible = (
        persons_visible_to(request.user)
        .filter(pk__in=outcome_by_person)
        .order_by("last_name", "first_name")
    )
    people = [(person, outcome_by_person[person.pk]) for person in visible]
    not_shown = len(outcome_by_person) - len(people)
    access_log_record_many(
        by=request.user,
        kind=AccessKind.READ,
        purpose=f"Personerne bag et resultattal: {criterion.text[:120]}",
        subjects=[person for person, _ in people],
    )
    return render(
        request,
        "outcomes/criterion_people.html",
        {
            "initiative": criterion.initiative,
            "criterion": criterion,
            "result": card.results[row],
            "year": year,
            "people": people,
            # How many others there are is itself a count of persons the user may not see.
            "not_shown": not_shown if not 0 < not_shown < MINIMUM_DENOMINATOR else None,
        },
    )


@require_POST
def activity_new(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(Initiative, slug=slug)
    if not request.user.has_perm("initiatives.change_initiative", initiative):
        raise PermissionDenied
    return _act(
        request,
        ActivityForm(request.POST),
        lambda d: actions.activity_record(by=request.user, initiative=initiative, **d),
        redirect("outcomes:scorecard", slug=slug),
        _("Aktiviteten er registreret."),
    )


@require_POST
def survey_answers_upload(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    criterion = _criterion(slug, pk)
    if not request.user.has_perm("initiatives.change_initiative", criterion.initiative):
        raise PermissionDenied
    form = SurveyAnswersForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, form_errors_text(form) or _("Vælg en fil."))
        return redirect("outcomes:criterion_detail", slug=slug, pk=pk)
    upload = form.cleaned_data["file"]
    try:
        count = survey_answers_import(
            by=request.user, criterion=criterion, filename=upload.name, data=form.data_bytes
        )
    except ImportRejected as rejected:
        for error in rejected.errors[:20]:
            messages.error(request, str(error))
        messages.error(request, _("Filen er afvist; intet er gemt."))
    else:
        import_done_record(
            by=request.user,
            kind=SurveyAnswersForm.import_kind,
            label=_("Spørgeskemasvar"),
            filename=upload.name,
            data=form.data_bytes,
            saved=count,
        )
        messages.success(request, _("%(count)s svar er indlæst.") % {"count": count})
    return redirect("outcomes:criterion_detail", slug=slug, pk=pk)


def _act(request: HttpRequest, form, act, back, done: str = "") -> HttpResponse:
    """Validate the posted form, run the action, say how it went, go back."""
    if form.is_valid():
        try:
            act(form.cleaned_data)
        except ValidationError as error:
            messages.error(request, refusal_text(error))
        else:
            messages.success(request, done or _("Gemt."))
    else:
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
    return back


def _on_person(request: HttpRequest, person, form, act) -> HttpResponse:
    return _act(request, form, act, redirect("cases:person_detail", pk=person.pk))


@require_POST
def participation_new(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    return _on_person(
        request,
        person,
        ParticipationForm(request.POST),
        lambda d: actions.participation_start(by=request.user, person=person, **d),
    )


@require_POST
def participation_end(request: HttpRequest, pk: int, participation_id: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    participation = get_object_or_404(Participation, pk=participation_id, person=person)
    return _on_person(
        request,
        person,
        ParticipationEndForm(request.POST),
        lambda d: actions.participation_end(by=request.user, participation=participation, **d),
    )


@require_POST
def observation_new(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    return _on_person(
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
    return _on_person(
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
        messages.error(request, refusal_text(error))
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
            parameter = get_object_or_404(ProgressionParameter, pk=int_param(toggle) or 0)
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


@require_POST
def waiting_list_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    return _on_person(
        request,
        person,
        WaitingListForm(request.POST),
        lambda d: actions.waiting_list_add(by=request.user, person=person, **d),
    )


@require_POST
def waiting_list_remove(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    entry = get_object_or_404(WaitingListEntry, pk=entry_id, person=person)
    return _on_person(
        request,
        person,
        WaitingRemoveForm(request.POST),
        lambda d: actions.waiting_list_remove(by=request.user, entry=entry, **d),
    )


def records_import_page(request: HttpRequest) -> HttpResponse:
    """Upload a job-centre or police extract; the worker imports it in the background and the
    job page shows its progress."""
    if not request.user.has_perm("outcomes.import_records"):
        raise PermissionDenied
    form = RecordsImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        job = import_job_create(
            by=request.user,
            kind=kind,
            label=KINDS[kind].label,
            filename=form.cleaned_data["file"].name,
            data=form.data_bytes,
        )
        records_import_task.enqueue(job.pk)
        return redirect("outcomes:records_import_job", pk=job.pk)
    jobs = ImportJob.objects.filter(kind__in=KINDS).defer("data")[:10]
    return render(request, "outcomes/records_import.html", {"form": form, "jobs": jobs})


def records_import_job(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("outcomes.import_records"):
        raise PermissionDenied
    job = get_object_or_404(ImportJob, pk=pk, kind__in=KINDS)
    if request.method == "POST" and import_job_restart(job):
        records_import_task.enqueue(job.pk)
        return redirect("outcomes:records_import_job", pk=job.pk)
    return import_job_page(
        request, job, back_url=reverse("outcomes:records_import"), back_label=_("Registerudtræk")
    )
