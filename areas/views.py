"""The housing areas' designation year by year, and the combined-letting check."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from areas import actions
from areas.forms import LettingCheckForm
from areas.models import DesignationRuleVersion, LettingDecision
from areas.queries import (
    designation_changes,
    housing_area_designations,
    letting_decisions_per_area_and_year,
)
from cases.forms import action_error_text
from reports.disclosure import suppress_rows

YEARS = range(2006, 2013)


def designation(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    by_area = housing_area_designations(YEARS)
    return render(
        request,
        "areas/designation.html",
        {
            "years": list(YEARS),
            "by_area": by_area.items(),
            "changes": designation_changes(by_area),
            "rules": DesignationRuleVersion.objects.all(),
        },
    )


def letting(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    may_decide = request.user.has_perm("areas.decide_letting")
    form = LettingCheckForm(request.POST or None) if may_decide else None
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied
        if form is not None and form.is_valid():
            data = form.cleaned_data
            try:
                decision = actions.letting_decide(
                    by=request.user,
                    area=data["area"],
                    application_reference=data["application_reference"],
                    applied_on=data["applied_on"],
                    months_received=data["months"],
                    on_waiting_list_since=data["on_waiting_list_since"],
                )
            except ValidationError as error:
                messages.error(request, action_error_text(error))
            else:
                verdict = _("Godkendt") if decision.approved else _("Afvist")
                messages.success(request, f"{verdict}: {decision.reason}.")
                return redirect("areas:letting")
    counts = letting_decisions_per_area_and_year()
    table = {
        f"{row['area__name']} {row['year']}": {
            "Godkendt": row["approved_count"],
            "Afvist": row["rejected_count"],
        }
        for row in counts
    }
    # Those who decide see exact counts; everyone else sees counts under 5 hidden.
    shown = suppress_rows(table, threshold=1 if may_decide else 5)
    return render(
        request,
        "areas/letting.html",
        {
            "form": form,
            "counts": [
                (key, cells["Godkendt"], cells["Afvist"], cells["I alt"])
                for key, cells in shown.items()
            ],
            "recent": LettingDecision.objects.select_related("area")[:10] if may_decide else [],
        },
    )
