"""Case pages. Every page that shows a person writes one access-log entry."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.actions import access_log_record, access_log_record_many
from audit.models import AccessKind
from cases import actions
from cases.forms import (
    FamilyMemberForm,
    LevelChangeForm,
    MatchDecisionForm,
    NewCaseForm,
    PersonSearchForm,
    PlanGoalForm,
    ReferralAnswerForm,
    ReferralForm,
)
from cases.models import (
    LevelRule,
    Referral,
    ReferralStatus,
    SspPlusPlan,
    SspPlusSettings,
    Task,
)
from cases.permissions import (
    cases_visible_to,
    courses_worked_by,
    get_case_for_change,
    get_case_for_user,
    get_person_for_change,
    get_person_for_user,
    matches_to_decide,
    persons_visible_to,
)
from cases.rules import ssp_plus_eligibility
from outcomes.forms import (
    AssessmentForm,
    FollowUpForm,
    ObservationForm,
    ParticipationEndForm,
    ParticipationForm,
    WaitingListForm,
    WaitingRemoveForm,
)
from outcomes.progression import person_trajectories
from people import actions as people_actions
from people.actions import person_reveal_cpr, persons_with_cpr
from people.cpr import CprError, cpr_mask, cpr_parse
from people.models import HouseholdMember, Person, PersonMatch
from sikkerby.params import int_param
from sikkerby.redirects import local_path_or
from sikkerby.refusals import refusal_text, refusal_to_form
from sikkerby.versioning import EditConflict

CASES_PER_PAGE = 25
SEARCH_RESULTS_SHOWN = 50


def my_work(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("cases.view_my_work"):
        raise PermissionDenied
    tasks = list(
        Task.objects.open()
        .filter(responsible=request.user)
        .select_related("case__person", "course__household")
        .overdue_first()
    )
    cases = (
        cases_visible_to(request.user)
        .select_related("person")
        .filter(closed_at__isnull=True)
        .order_by("-level", "person__last_name", "person__first_name", "pk")
    )
    cases_page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("side"))
    matches = list(matches_to_decide(request.user).select_related("existing_person"))
    # The page names these persons: each is logged once per page view.
    shown = {t.case.person_id: t.case.person for t in tasks if t.case_id}
    shown.update({c.person_id: c.person for c in cases_page})
    shown.update({m.existing_person_id: m.existing_person for m in matches})
    access_log_record_many(
        by=request.user, kind=AccessKind.READ, purpose="Mit arbejde", subjects=shown.values()
    )
    open_referrals = (
        Referral.objects.filter(
            to_unit_id=request.user.unit_id,
            status__in=[ReferralStatus.SENT, ReferralStatus.ESCALATED],
        ).count()
        if request.user.unit_id and request.user.has_perm("cases.answer_referrals")
        else 0
    )
    return render(
        request,
        "cases/my_work.html",
        {
            "tasks": tasks,
            "cases_page": cases_page,
            "matches": matches,
            "open_referrals": open_referrals,
            "today": timezone.localdate(),
        },
    )


def person_match(request: HttpRequest, pk: int) -> HttpResponse:
    """A typed CPR number that belongs to a person the user sees: the user compares what was
    typed with the person and confirms or rejects the match. Both records are logged."""
    match = get_object_or_404(
        PersonMatch.objects.select_related("typed_person", "created_by"), pk=pk
    )
    existing = get_person_for_change(request.user, match.existing_person_id)
    form = MatchDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.person_match_decide(
                by=request.user,
                match=match,
                confirm=form.cleaned_data["decision"] == "confirm",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            refusal_to_form(form, error)
        else:
            messages.success(request, _("Matchet er afgjort."))
            return redirect("cases:my_work")
    typed = match.typed_person
    access_log_record_many(
        by=request.user,
        kind=AccessKind.READ,
        purpose=f"Mulig match {match.pk}",
        subjects=[existing, *([typed] if typed else [])],
    )
    return render(
        request,
        "cases/person_match.html",
        {
            "match": match,
            "existing": existing,
            "typed": typed,
            "typed_cases": typed.ssp_cases.all() if typed else [],
            "form": form,
        },
    )


def _search_criterion(data: dict) -> str:
    parts = []
    if data.get("cpr"):
        parts.append(f"CPR {cpr_mask(data['cpr'].replace('-', ''))}")
    if data.get("name"):
        parts.append(f"navn '{data['name']}'")
    if data.get("birth_date"):
        parts.append(f"fødselsdato {data['birth_date']:%d.%m.%Y}")
    return ", ".join(parts)


def person_search(request: HttpRequest) -> HttpResponse:
    """Searches are POSTed so a CPR number never lands in a URL; each is logged with its criterion."""
    if not request.user.has_perm("cases.search_persons"):
        raise PermissionDenied
    form = PersonSearchForm(request.POST or None)
    results = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        results = persons_visible_to(request.user)
        if data["cpr"]:
            try:
                results = persons_with_cpr(results, cpr_parse(data["cpr"]).digits)
            except CprError as error:
                form.add_error("cpr", str(error))
                results = Person.objects.none()
        if data["name"]:
            for word in data["name"].split():
                results = results.filter(first_name__icontains=word) | results.filter(
                    last_name__icontains=word
                )
        if data["birth_date"]:
            results = results.filter(birth_date=data["birth_date"])
        results = list(results.order_by("last_name", "first_name", "pk")[:SEARCH_RESULTS_SHOWN])
        access_log_record(
            by=request.user,
            kind=AccessKind.SEARCH,
            purpose="Personsøgning",
            criterion=_search_criterion(data),
        )
        # Every person in the results is shown, and so logged, one entry each.
        access_log_record_many(
            by=request.user,
            kind=AccessKind.READ,
            purpose=f"Personsøgning: {_search_criterion(data)}",
            subjects=results,
        )
    return render(
        request,
        "cases/person_search.html",
        {"form": form, "results": results, "limit": SEARCH_RESULTS_SHOWN},
    )


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_page(request, get_person_for_user(request.user, pk))


def _person_page(request: HttpRequest, person, member_form=None) -> HttpResponse:
    """The person page, first drawn or redrawn after a form error. It shows the person, their
    family and possible duplicates: each is logged, in one insert."""
    cases = cases_visible_to(request.user).filter(person=person)
    duplicates = list(
        persons_visible_to(request.user).filter(birth_date=person.birth_date).exclude(pk=person.pk)
    )
    memberships = list(
        person.household_memberships.select_related("household").prefetch_related(
            "household__members__person"
        )
    )
    family = [m.person for ms in memberships for m in ms.household.members.all()]
    access_log_record(
        by=request.user, kind=AccessKind.READ, subject=person, purpose="Visning af person"
    )
    access_log_record_many(
        by=request.user,
        kind=AccessKind.READ,
        purpose=f"Familie eller mulig dublet på personside {person.pk}",
        subjects=[p for p in family + duplicates if p.pk != person.pk],
    )
    return render(
        request,
        "cases/person_detail.html",
        {
            "person": person,
            "cases": cases,
            "duplicates": duplicates,
            "memberships": memberships,
            "can_edit_family": request.user.has_perm("cases.open_case"),
            "member_form": member_form or FamilyMemberForm(),
            "participations": person.participations.select_related("initiative").prefetch_related(
                "follow_ups"
            ),
            "observations": person.status_observations.all()[:20],
            "crime_events": person.crime_events.all()[:20],
            "participation_form": ParticipationForm(),
            "waiting_entries": person.waiting_entries.filter(removed_on=None).select_related(
                "initiative"
            ),
            "waiting_form": WaitingListForm(initial={"added_on": timezone.localdate()}),
            "waiting_remove_form": WaitingRemoveForm(),
            "end_form": ParticipationEndForm(),
            "observation_form": ObservationForm(),
            "follow_up_form": FollowUpForm(),
            "assessment_form": AssessmentForm(),
            "trajectory": person_trajectories(person),
            "today": timezone.localdate(),
        },
    )


@require_POST
def household_member_add(request: HttpRequest, pk: int, household_id: int) -> HttpResponse:
    """Add a family member from the person page (the person must be in that household)."""
    person = get_person_for_change(request.user, pk)
    membership = person.household_memberships.filter(household_id=household_id).first()
    if membership is None:
        raise Http404
    form = FamilyMemberForm(request.POST)
    if form.is_valid():
        try:
            people_actions.household_member_add(
                by=request.user,
                household=membership.household,
                visible=persons_visible_to(request.user),
                purpose=f"Familiemedlem til person {person.pk}",
                **form.member_fields(form.cleaned_data),
            )
        except ValidationError as error:
            refusal_to_form(form, error)
        else:
            messages.success(request, _("Familiemedlemmet er tilføjet."))
            return redirect("cases:person_detail", pk=person.pk)
    return _person_page(request, person, member_form=form)


@require_POST
def household_member_remove(request: HttpRequest, pk: int, member_id: int) -> HttpResponse:
    person = get_person_for_change(request.user, pk)
    member = (
        HouseholdMember.objects.filter(pk=member_id, household__members__person=person)
        .exclude(person=person)
        .first()
    )
    if member is None:
        raise Http404
    try:
        people_actions.household_member_remove(
            by=request.user, member=member, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, _("Personen er taget ud af familien."))
    return redirect("cases:person_detail", pk=person.pk)


@require_POST
def person_merge(request: HttpRequest, pk: int) -> HttpResponse:
    keep = get_person_for_change(request.user, pk)
    remove = get_person_for_change(request.user, int_param(request.POST.get("remove")) or 0)
    try:
        people_actions.person_merge(by=request.user, keep=keep, remove=remove)
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, _("Personerne er lagt sammen."))
    return redirect("cases:person_detail", pk=keep.pk)


@require_POST
def person_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk)
    number = person_reveal_cpr(
        by=request.user, person=person, purpose="CPR-nummer vist på personsiden"
    )
    return render(request, "cases/person_detail.html#cpr", {"person": person, "revealed": number})


def case_new(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("cases.open_case"):
        raise PermissionDenied
    form = NewCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                person = _person_for_new_case(request, data)
                case = actions.ssp_case_open(by=request.user, person=person, **data)
        except ValidationError as error:
            refusal_to_form(form, error)
        else:
            messages.success(
                request, _("SSP-sagen er oprettet, og handlingerne for niveauet er sat i gang.")
            )
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/case_form.html", {"form": form})


def _person_for_new_case(request: HttpRequest, data: dict) -> Person:
    return people_actions.person_for_registration(
        by=request.user,
        visible=persons_visible_to(request.user),
        first_name=data["first_name"],
        last_name=data["last_name"],
        cpr_text=data["cpr"],
        birth_date=data["birth_date"],
        sex=data["sex"],
        district=data["district"],
        purpose="Oprettelse af SSP-sag",
    )


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk)
    access_log_record(
        by=request.user,
        kind=AccessKind.READ,
        subject=case.person,
        purpose=f"Visning af SSP-sag {case.pk}",
    )
    form = LevelChangeForm(initial={"version": case.version, "to_level": min(case.level + 1, 4)})
    return render(request, "cases/case_detail.html", _case_context(case, form))


def _case_context(case, form, referral_form=None) -> dict:
    limits = SspPlusSettings.current()
    return {
        "ssp_plus": ssp_plus_eligibility(
            born=case.person.birth_date,
            referred_on=timezone.localdate(),
            level=case.level,
            min_age=limits.min_age,
            max_age=limits.max_age,
        ),
        "plan": SspPlusPlan.objects.filter(case=case).first(),
        "referral_form": referral_form
        or ReferralForm(initial={"answer_by": timezone.localdate() + timedelta(days=10)}),
        "referrals": case.referrals.select_related("to_unit", "from_unit"),
        "case": case,
        "form": form,
        "today": timezone.localdate(),
        "tasks": case.tasks.select_related("responsible").overdue_first(),
        "history": case.level_changes.select_related("changed_by"),
        "members": case.members.select_related("user__department"),
        "rule": LevelRule.objects.filter(level=case.level).first(),
    }


@require_POST
def case_change_level(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_change(request.user, pk)
    form = LevelChangeForm(request.POST)
    if form.is_valid():
        try:
            actions.ssp_case_change_level(
                by=request.user,
                case=case,
                to_level=form.cleaned_data["to_level"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict:
            form.add_error(
                None, _("En anden har ændret sagen imens. Genindlæs siden — intet er gemt.")
            )
        except ValidationError as error:
            refusal_to_form(form, error)
        else:
            messages.success(request, _("Niveauet er ændret."))
            return redirect("cases:case_detail", pk=pk)
    access_log_record(
        by=request.user,
        kind=AccessKind.READ,
        subject=case.person,
        purpose=f"Visning af SSP-sag {case.pk}",
    )
    return render(request, "cases/case_detail.html", _case_context(case, form), status=200)


@require_POST
def task_done(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task, pk=pk)
    # The case's or the course's team works its tasks; a leader only reads them.
    if task.case_id:
        get_case_for_change(request.user, task.case_id)
    elif not courses_worked_by(request.user).filter(pk=task.course_id).exists():
        raise Http404
    actions.task_complete(by=request.user, task=task)
    messages.success(request, _("Opgaven er markeret som udført."))
    return redirect(local_path_or(request, request.POST.get("next"), reverse("cases:my_work")))


def case_refer(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_change(request.user, pk)
    resent_from = None
    if request.GET.get("igen"):
        resent_from = get_object_or_404(
            Referral, pk=int_param(request.GET["igen"]) or 0, case=case, status="declined"
        )
    initial = {"answer_by": timezone.localdate() + timedelta(days=10)}
    if resent_from:
        initial.update(
            to_unit=resent_from.to_unit,
            reason=resent_from.reason,
            legal_basis=resent_from.legal_basis,
            necessity=resent_from.necessity,
        )
    form = ReferralForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.referral_send(
                by=request.user, case=case, resent_from=resent_from, **form.cleaned_data
            )
        except ValidationError as error:
            refusal_to_form(form, error)
        else:
            messages.success(
                request,
                _("Henvisningen er sendt til %(unit)s.")
                % {"unit": form.cleaned_data["to_unit"].name},
            )
            return redirect("cases:case_detail", pk=pk)
    access_log_record(
        by=request.user,
        kind=AccessKind.READ,
        subject=case.person,
        purpose=f"Henvisning fra SSP-sag {case.pk}",
    )
    return render(
        request,
        "cases/referral_form.html",
        {"case": case, "form": form, "resent_from": resent_from},
    )


ANSWERED_REFERRALS_SHOWN_DAYS = 30


def referral_queue(request: HttpRequest) -> HttpResponse:
    """The user's unit's entry point: open referrals (earliest deadline first), those answered
    in the last 30 days, and the user's own sent ones. Each person shown is logged."""
    if not request.user.has_perm("cases.answer_referrals"):
        raise PermissionDenied
    incoming: list[Referral] = []
    if request.user.unit_id:
        queue = Referral.objects.filter(to_unit_id=request.user.unit_id).select_related(
            "case__person", "from_unit", "to_unit", "answered_by_user"
        )
        answered_since = timezone.now() - timedelta(days=ANSWERED_REFERRALS_SHOWN_DAYS)
        incoming = list(
            queue.filter(status__in=[ReferralStatus.SENT, ReferralStatus.ESCALATED]).order_by(
                "answer_by", "pk"
            )
        ) + list(queue.filter(answered_at__gte=answered_since).order_by("-answered_at"))
    sent = list(
        Referral.objects.filter(sent_by=request.user)
        .select_related("to_unit", "case__person")
        .order_by("-sent_at")
    )
    access_log_record_many(
        by=request.user,
        kind=AccessKind.READ,
        purpose="Henvisningskø og sendte henvisninger",
        subjects=[r.case.person for r in incoming + sent],
    )
    return render(
        request,
        "cases/referral_queue.html",
        {"incoming": incoming, "sent": sent, "today": timezone.localdate()},
    )


@require_POST
def referral_answer(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("cases.answer_referrals"):
        raise PermissionDenied
    referral = get_object_or_404(Referral, pk=pk, to_unit_id=request.user.unit_id)
    form = ReferralAnswerForm(request.POST)
    if form.is_valid():
        try:
            actions.referral_answer(
                by=request.user,
                referral=referral,
                accept=form.cleaned_data["decision"] == "accept",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, refusal_text(error))
        else:
            messages.success(request, _("Henvisningen er besvaret."))
    return redirect("cases:referral_queue")


@require_POST
def ssp_plus_plan_new(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_change(request.user, pk)
    try:
        actions.ssp_plus_plan_create(by=request.user, case=case, referred_on=timezone.localdate())
    except ValidationError as error:
        messages.error(request, refusal_text(error))
        return redirect("cases:case_detail", pk=pk)
    return redirect("cases:ssp_plus_plan", pk=pk)


def ssp_plus_plan(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk)
    plan = get_object_or_404(SspPlusPlan, case=case)
    access_log_record(
        by=request.user, kind=AccessKind.READ, subject=case.person, purpose="Visning af SSP+-plan"
    )
    if request.method == "POST":
        get_case_for_change(request.user, pk)
    form = PlanGoalForm(request.POST or None, initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.plan_goal_add(
                by=request.user,
                plan=plan,
                expected_version=data["version"],
                area=data["area"],
                description=data["description"],
                offer=data["offer"],
            )
        except EditConflict:
            form.add_error(
                None,
                _(
                    "En anden har ændret planen imens. Dit mål er ikke gemt — se planen herunder, og tilføj det igen."
                ),
            )
        else:
            messages.success(request, _("Målet er tilføjet planen."))
            return redirect("cases:ssp_plus_plan", pk=pk)
    plan.refresh_from_db()
    return render(
        request,
        "cases/ssp_plus_plan.html",
        {"case": case, "plan": plan, "form": form, "goals": plan.goals.select_related("offer")},
    )


@require_POST
def case_close(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_change(request.user, pk)
    try:
        actions.ssp_case_close(by=request.user, case=case, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(
            request, _("Sagen er lukket. Den slettes automatisk, når opbevaringsfristen udløber.")
        )
    return redirect("cases:case_detail", pk=pk)
