"""Oversight pages: level rules and SSP+ bounds (administrators), emergency access and its
review, the data subject's insight report, and the supervisors' aggregate overview."""

import io

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.actions import access_log_record, access_log_record_person_ids, audit_event_record
from audit.models import AccessKind, AccessLogEntry
from cases import actions
from cases.forms import (
    AccessLogSearchForm,
    EmergencyAccessForm,
    LevelRuleActionFormSet,
    LevelRuleForm,
    SspPlusSettingsForm,
    SubjectAccessForm,
)
from cases.models import (
    EmergencyAccess,
    LevelRule,
    SspLevel,
    SspPlusSettings,
)
from cases.queries import overdue_by_district_and_level
from people.cpr import CprError, cpr_parse
from people.models import Person, PersonMatch
from reports.disclosure import suppress_rows
from sikkerby.params import int_param
from sikkerby.refusals import refusal_to_form
from sikkerby.spreadsheets import DanishCsvWriter


def level_rules(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("cases.configure_level_rules"):
        raise PermissionDenied
    return render(
        request, "cases/level_rules.html", {"rules": LevelRule.objects.prefetch_related("actions")}
    )


def level_rule_edit(request: HttpRequest, level: int) -> HttpResponse:
    if not request.user.has_perm("cases.configure_level_rules"):
        raise PermissionDenied
    rule = get_object_or_404(LevelRule, level=level)
    form = LevelRuleForm(request.POST or None, instance=rule)
    formset = LevelRuleActionFormSet(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            form.instance.is_default = False
            form.save()
            formset.save()
            audit_event_record(
                by=request.user,
                action="level_rule.update",
                obj=rule,
                changes={
                    "actions": [
                        None,
                        [f"{a.title} ({a.deadline_days} dage)" for a in rule.actions.all()],
                    ]
                },
            )
        messages.success(request, _("Niveaureglen er gemt."))
        return redirect("cases:level_rules")
    return render(
        request, "cases/level_rule_form.html", {"rule": rule, "form": form, "formset": formset}
    )


def emergency_access(request: HttpRequest) -> HttpResponse:
    """Break the glass. Every attempt, for a registered number or not, is recorded with its
    reason and reviewed by an administrator, so the form is no quiet test of CPR numbers."""
    if not request.user.has_perm("cases.break_the_glass"):
        raise PermissionDenied
    form = EmergencyAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cpr = cpr_parse(form.cleaned_data["cpr"])
        except CprError as error:
            form.add_error("cpr", str(error))
        else:
            person = Person.objects.filter(cpr=cpr.digits).first()
            try:
                actions.emergency_access_grant(
                    by=request.user,
                    person=person,
                    reason=form.cleaned_data["reason"],
                    criterion=f"CPR {cpr.masked()}",
                )
            except ValidationError as error:
                refusal_to_form(form, error)
            else:
                if person is None:
                    form.add_error(
                        "cpr",
                        _(
                            "Der findes ingen person med dette CPR-nummer. Forsøget er logget "
                            "og gennemgås af en administrator."
                        ),
                    )
                else:
                    messages.warning(
                        request,
                        _(
                            "Nødadgang givet i %(hours)s timer. Den er logget og gennemgås af en administrator."
                        )
                        % {"hours": settings.EMERGENCY_ACCESS_HOURS},
                    )
                    return redirect("cases:person_detail", pk=person.pk)
    return render(
        request,
        "cases/emergency_access.html",
        {"form": form, "hours": settings.EMERGENCY_ACCESS_HOURS},
    )


def emergency_review(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("cases.review_emergency_access"):
        raise PermissionDenied
    if request.method == "POST":
        access = get_object_or_404(EmergencyAccess, pk=int_param(request.POST.get("access")) or 0)
        actions.emergency_access_review(
            by=request.user, access=access, note=request.POST.get("note", "")
        )
        messages.success(request, _("Nødadgangen er markeret som gennemgået."))
        return redirect("cases:emergency_review")
    accesses = EmergencyAccess.objects.select_related("user", "reviewed_by").order_by(
        "reviewed_at", "-granted_at"
    )
    accesses = list(accesses)
    matches = list(PersonMatch.objects.select_related("created_by", "decided_by")[:200])
    # Administrators see persons by id only here; the ids shown are logged all the same.
    access_log_record_person_ids(
        by=request.user,
        kind=AccessKind.READ,
        purpose="Gennemgang af nødadgange og mulige match",
        person_ids=[a.person_id for a in accesses if a.person_id]
        + [m.existing_person_id for m in matches],
    )
    return render(
        request,
        "cases/emergency_review.html",
        {"accesses": accesses, "matches": matches, "now": timezone.now()},
    )


ACCESS_LOG_SHOWN = 200


def access_log_search(request: HttpRequest) -> HttpResponse:
    """The data-protection officer's access log: who used which person's data, when and why,
    searched by person (CPR number or id), user, purpose, kind and period, and exported as
    CSV. Administrators' own look-ups are in it like everyone else's. The search is logged."""
    if not request.user.has_perm("audit.view_access_log"):
        raise PermissionDenied
    form = AccessLogSearchForm(request.POST or None)
    entries = None
    if request.method == "POST" and form.is_valid():
        data, criterion = form.cleaned_data, []
        entries = AccessLogEntry.objects.all()
        if data["cpr"]:
            try:
                cpr = cpr_parse(data["cpr"])
            except CprError as error:
                form.add_error("cpr", str(error))
                return render(request, "cases/access_log.html", {"form": form})
            person = Person.objects.filter(cpr=cpr.digits).first()
            entries = entries.filter(
                subject_type="people.person", subject_id=str(person.pk if person else 0)
            )
            criterion.append(f"CPR {cpr.masked()}")
        if data["person_id"]:
            entries = entries.filter(
                subject_type="people.person", subject_id=str(data["person_id"])
            )
            criterion.append(f"person {data['person_id']}")
        for field, lookup in (
            ("username", "username__iexact"),
            ("purpose", "purpose__icontains"),
            ("kind", "kind"),
        ):
            if data[field]:
                entries = entries.filter(**{lookup: data[field]})
                criterion.append(f"{field} {data[field]}")
        if data["since"]:
            entries = entries.filter(at__date__gte=data["since"])
        if data["until"]:
            entries = entries.filter(at__date__lte=data["until"])
        access_log_record(
            by=request.user,
            kind=AccessKind.SEARCH,
            purpose="Gennemsyn af adgangsloggen",
            criterion=", ".join(criterion),
        )
        if request.POST.get("format") == "csv":
            return _access_log_csv(entries)
        entries = entries[:ACCESS_LOG_SHOWN]
    return render(
        request,
        "cases/access_log.html",
        {"form": form, "entries": entries, "limit": ACCESS_LOG_SHOWN},
    )


def _access_log_csv(entries) -> HttpResponse:
    out = io.StringIO()
    writer = DanishCsvWriter(out)
    writer.writerow(["Tidspunkt", "Bruger", "Brug", "Formål", "Person-id", "Søgekriterium"])
    for e in entries.iterator():
        writer.writerow(
            [
                e.at.isoformat(),
                e.username,
                e.get_kind_display(),
                e.purpose,
                e.subject_id,
                e.criterion,
            ]
        )
    response = HttpResponse(
        ("\ufeff" + out.getvalue()).encode(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="adgangslog.csv"'
    return response


def subject_access_report(request: HttpRequest) -> HttpResponse:
    """For a data subject's insight request: the dates and purposes of every use of their data.
    It shows the log only, not the person's case data, and is itself logged."""
    if not request.user.has_perm("audit.answer_subject_access"):
        raise PermissionDenied
    form = SubjectAccessForm(request.POST or None)
    entries = None
    if request.method == "POST" and form.is_valid():
        try:
            cpr = cpr_parse(form.cleaned_data["cpr"])
        except CprError as error:
            form.add_error("cpr", str(error))
        else:
            person = Person.objects.filter(cpr=cpr.digits).first()
            if person is None:
                access_log_record(
                    by=request.user,
                    kind=AccessKind.SEARCH,
                    purpose="Indsigtsanmodning (logudtræk): ingen person fundet",
                    criterion=f"CPR {cpr.masked()}",
                )
                form.add_error("cpr", _("Der findes ingen person med dette CPR-nummer."))
            else:
                entries = AccessLogEntry.objects.filter(
                    subject_type="people.person", subject_id=str(person.pk)
                ).order_by("at")
                access_log_record(
                    by=request.user,
                    kind=AccessKind.EXPORT,
                    subject=person,
                    purpose="Indsigtsanmodning (logudtræk)",
                )
    return render(request, "cases/subject_access_report.html", {"form": form, "entries": entries})


def overview(request: HttpRequest) -> HttpResponse:
    """The supervisors' overview: open cases and overdue actions per SSP district and level,
    as counts only, with small counts suppressed."""
    if not request.user.has_perm("cases.view_overview"):
        raise PermissionDenied
    cases, overdue = overdue_by_district_and_level()

    def table(counts):
        return [
            (district, [shown[str(level)] for level in SspLevel.values], shown["I alt"])
            for district, shown in sorted(suppress_rows(counts).items())
        ]

    return render(
        request,
        "cases/overview.html",
        {"cases": table(cases), "overdue": table(overdue), "levels": SspLevel.choices},
    )


def ssp_plus_settings(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("cases.configure_level_rules"):
        raise PermissionDenied
    form = SspPlusSettingsForm(request.POST or None, instance=SspPlusSettings.current())
    if request.method == "POST" and form.is_valid():
        before = SspPlusSettings.current()
        with transaction.atomic():
            form.save()
            audit_event_record(
                by=request.user,
                action="ssp_plus_settings.update",
                obj=form.instance,
                changes={
                    "ages": [
                        f"{before.min_age}–{before.max_age}",
                        f"{form.instance.min_age}–{form.instance.max_age}",
                    ]
                },
            )
        messages.success(request, _("SSP+-aldersgrænserne er gemt."))
        return redirect("cases:level_rules")
    return render(request, "cases/ssp_plus_settings.html", {"form": form})
