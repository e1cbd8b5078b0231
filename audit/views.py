"""The audit trail for administrators: search and export."""

import io
import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from audit.actions import access_log_record, access_log_record_person_ids
from audit.models import AccessKind, AuditEvent, PurgeRun
from audit.retention import POLICIES
from sikkerby.spreadsheets import DanishCsvWriter


class AuditSearchForm(forms.Form):
    who = forms.CharField(label=_("Bruger"), required=False)
    action = forms.CharField(
        label=_("Handling"), required=False, help_text=_("F.eks. initiative.update")
    )
    object_text = forms.CharField(label=_("Objekt"), required=False)
    since = forms.DateField(
        label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


def _filtered_events(form: AuditSearchForm):
    events = AuditEvent.objects.all()
    if not form.is_valid():
        return events
    data = form.cleaned_data
    if data["who"]:
        events = events.filter(actor_username__icontains=data["who"])
    if data["action"]:
        events = events.filter(action__icontains=data["action"])
    if data["object_text"]:
        events = events.filter(object_repr__icontains=data["object_text"])
    if data["since"]:
        events = events.filter(at__date__gte=data["since"])
    if data["until"]:
        events = events.filter(at__date__lte=data["until"])
    return events


def audit_trail(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("audit.view_trail"):
        raise PermissionDenied
    form = AuditSearchForm(request.GET or None)
    events = _filtered_events(form)
    if request.GET.get("format") == "csv":
        access_log_record(
            by=request.user,
            kind=AccessKind.EXPORT,
            purpose="Eksport af revisionsspor",
            criterion=request.GET.urlencode(),
        )
        # The events' texts are about their persons: exporting them is a use of each one's data.
        access_log_record_person_ids(
            by=request.user,
            kind=AccessKind.EXPORT,
            purpose="Eksport af revisionsspor",
            person_ids=events.filter(subject_person_id__isnull=False)
            .values_list("subject_person_id", flat=True)
            .distinct(),
        )
        out = io.StringIO()
        writer = DanishCsvWriter(out)
        writer.writerow(
            ["Tidspunkt", "Bruger", "Handling", "Objekttype", "Objekt-id", "Objekt", "Ændringer"]
        )
        for e in events.iterator():
            writer.writerow(
                [
                    e.at.isoformat(),
                    e.actor_username,
                    e.action,
                    e.object_type,
                    e.object_id,
                    e.object_repr,
                    json.dumps(e.changes, ensure_ascii=False),
                ]
            )
        response = HttpResponse(
            ("\ufeff" + out.getvalue()).encode(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="revisionsspor.csv"'
        return response
    page = Paginator(events, 50).get_page(request.GET.get("side"))
    access_log_record_person_ids(
        by=request.user,
        kind=AccessKind.READ,
        purpose="Revisionsspor",
        person_ids=[e.subject_person_id for e in page if e.subject_person_id is not None],
    )
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request, "audit/trail.html", {"form": form, "page": page, "query": query.urlencode()}
    )


def purge_runs(request: HttpRequest) -> HttpResponse:
    """The purge's runs: what each retention policy deleted, and any item that failed (it was
    skipped; the next run tries it again)."""
    if not request.user.has_perm("audit.view_trail"):
        raise PermissionDenied
    runs = PurgeRun.objects.filter(dry_run=False)[:30]
    return render(
        request,
        "audit/purge_runs.html",
        {"runs": runs, "policies": [p.label for p in POLICIES]},
    )
