"""The areas part's pages: designation and area types year by year, the combined-letting
check, the safety index (table, area, comparison, map, imports), hotspots and their
suggestions, acute incidents and seed 002's transfer-income table."""

from collections.abc import Callable, Iterable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from areas import actions
from areas.forms import AcuteIncidentForm, AreaImportForm, HotspotForm, LettingCheckForm
from areas.hotspot_suggestions import hotspot_suggestions, police_years
from areas.models import (
    AcuteIncident,
    Area,
    AreaSet,
    DesignationRuleVersion,
    Hotspot,
    LettingDecision,
    SafetyThreshold,
    TransferIncomeFigure,
)
from areas.queries import (
    area_types_by_year,
    designation_changes,
    housing_area_designations,
    letting_decisions_per_area_and_year,
)
from areas.safety import INDEX_VERSION, shade_steps
from areas.safety_queries import (
    SHARE_MEASURES,
    districts_compared,
    measure_value,
    safety_history,
    safety_table,
)
from areas.tasks import POLICE, SURVEY, area_import_task
from areas.transfer_income import figures_for, transfer_income_table
from imports.jobs import import_job_create, import_job_restart
from imports.models import ImportJob
from imports.views import import_job_page
from reports.disclosure import suppress_rows
from sikkerby.charts import line_chart
from sikkerby.params import int_param
from sikkerby.refusals import refusal_text

YEARS = range(2006, 2013)


def _form_acted[T](
    request: HttpRequest,
    form: forms.Form | None,
    *,
    allowed: bool,
    act: Callable[[dict], T],
    done: Callable[[T], str],
) -> bool:
    """A posted form: refused (403) without the right; a valid one is acted on with a
    message saying what happened, or the action's reason for refusing. True when acted on
    (the caller redirects); otherwise the page shows the form with its errors (an action's
    refusal about a field of the form is shown at that field)."""
    if request.method != "POST":
        return False
    if not allowed:
        raise PermissionDenied
    if form is None or not form.is_valid():
        return False
    try:
        result = act(form.cleaned_data)
    except ValidationError as error:
        if hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields):
            form.add_error(None, error)  # beside the field, the form kept open with the input
        else:
            messages.error(request, refusal_text(error))
        return False
    messages.success(request, done(result))
    return True


def _outlines(shaded: Iterable[tuple[Area, dict]]) -> dict:
    """The page's GeoJSON for map.js: each area that has an outline, named, with the
    properties the map draws (label, colour)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": area.geometry,
                "properties": {"name": area.name, **properties},
            }
            for area, properties in shaded
            if area.geometry
        ],
    }


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
            "area_types": area_types_by_year(YEARS),
        },
    )


def letting(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    may_decide = request.user.has_perm("areas.decide_letting")
    form = LettingCheckForm(request.POST or None) if may_decide else None
    if _form_acted(
        request,
        form,
        allowed=may_decide,
        act=lambda data: actions.letting_decide(
            by=request.user,
            area=data["area"],
            application_reference=data["application_reference"],
            applied_on=data["applied_on"],
            months_received=data["months"],
            on_waiting_list_since=data["on_waiting_list_since"],
        ),
        done=lambda decision: (
            f"{_('Ikke omfattet') if not decision.covered else _('Godkendt') if decision.approved else _('Afvist')}: {decision.reason}."
        ),
    ):
        return redirect("areas:letting")
    counts = letting_decisions_per_area_and_year()
    table = {
        f"{row['area__name']} {row['year']}": {
            "Godkendt": row["approved_count"],
            "Afvist": row["rejected_count"],
            "Ikke omfattet": row["not_covered_count"],
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
                (key, cells["Godkendt"], cells["Afvist"], cells["Ikke omfattet"], cells["I alt"])
                for key, cells in shown.items()
            ],
            "recent": LettingDecision.objects.select_related("area")[:10] if may_decide else [],
        },
    )


def _chosen_set_and_year(request: HttpRequest):
    """The area set (?inddeling=) and survey year (?aar=) asked for, else the first set with
    surveys and its latest year."""
    sets = AreaSet.objects.filter(waves__isnull=False).distinct()
    area_set = sets.filter(key=request.GET.get("inddeling")).first() or sets.first()
    years = sorted(area_set.waves.values_list("year", flat=True)) if area_set else []
    wanted = request.GET.get("aar", "")
    year = int_param(wanted) if int_param(wanted) in years else (years[-1] if years else None)
    return sets, area_set, years, year


def safety(request: HttpRequest) -> HttpResponse:
    """The safety index for every area of a set in a year, beside the city as a whole."""
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    sets, area_set, years, year = _chosen_set_and_year(request)
    rows, city = safety_table(area_set, year) if area_set and year else ([], None)
    return render(
        request,
        "areas/safety.html",
        {
            "sets": sets,
            "area_set": area_set,
            "years": years,
            "year": year,
            "rows": rows,
            "city": city,
            "index_version": INDEX_VERSION,
            "thresholds": SafetyThreshold.objects.all(),
            "minimum": settings.SAFETY_MIN_RESPONDENTS,
        },
    )


def area_import(request: HttpRequest) -> HttpResponse:
    """Upload a survey wave or police counts; the worker imports it with a progress bar."""
    if not request.user.has_perm("areas.import_data"):
        raise PermissionDenied
    form = AreaImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = import_job_create(
            by=request.user,
            kind=data["kind"],
            label=str(dict(form.fields["kind"].choices)[data["kind"]]).split(":")[0],
            filename=data["file"].name,
            data=form.data_bytes,
            parameters={
                "area_set": data["area_set"].key,
                "year": data["year"],
                "invited": data["invited"],
            },
        )
        area_import_task.enqueue(job.pk)
        return redirect("areas:import_job", pk=job.pk)
    jobs = ImportJob.objects.filter(kind__in=[SURVEY, POLICE]).defer("data")[:10]
    return render(request, "areas/import.html", {"form": form, "jobs": jobs})


def area_import_job(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("areas.import_data"):
        raise PermissionDenied
    job = get_object_or_404(ImportJob, pk=pk, kind__in=[SURVEY, POLICE])
    if request.method == "POST" and import_job_restart(job):
        area_import_task.enqueue(job.pk)
        return redirect("areas:import_job", pk=job.pk)
    return import_job_page(
        request, job, back_url=reverse("areas:import"), back_label=_("Indlæs områdetal")
    )


def safety_area(request: HttpRequest, key: str, code: str) -> HttpResponse:
    """One area's safety year by year beside the city's, as a chart and a table."""
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    area = get_object_or_404(Area.objects.select_related("area_set"), area_set__key=key, code=code)
    years = []
    for year, (rows, city) in safety_history(area.area_set).items():
        row = next(r for r in rows if r.area == area)
        years.append((year, row, city))
    published = [(year, row, city) for year, row, city in years if row.published]
    chart = line_chart(
        [year for year, _, _ in published],
        [
            (
                area.name,
                [row.shares["safe"] and row.shares["safe"].value for _, row, _ in published],
            ),
            (
                _("Hele byen"),
                [city.shares["safe"] and city.shares["safe"].value for *_, city in published],
            ),
        ],
        shares=True,
    )
    return render(
        request,
        "areas/safety_area.html",
        {"area": area, "years": years, "chart": chart, "index_version": INDEX_VERSION},
    )


MAP_MEASURES = {
    "safe": gettext_lazy("Andel trygge i nabolaget"),
    "unsafe": gettext_lazy("Andel utrygge i nabolaget"),
    "evening": gettext_lazy("Andel trygge om aftenen"),
    "night": gettext_lazy("Andel trygge om natten"),
    "victim": gettext_lazy("Andel udsat for kriminalitet"),
    "crime": gettext_lazy("Anmeldelser pr. 1.000 beboere"),
    "index": gettext_lazy("Tryghedsindeks"),
}


def safety_map(request: HttpRequest) -> HttpResponse:
    """A choropleth of any safety measure over the areas that have outlines, with the same
    figures in a table beside it (the map adds position, never information)."""
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    sets, area_set, years, year = _chosen_set_and_year(request)
    measure = request.GET.get("maal") if request.GET.get("maal") in MAP_MEASURES else "safe"
    rows = safety_table(area_set, year)[0] if area_set and year else []
    values = [(row, measure_value(row, measure)) for row in rows]
    shading = shade_steps([v for _, v in values if v is not None])
    outlines = _outlines(
        (
            row.area,
            {
                "value": value,
                "label": "–" if value is None else f"{value:.1f}".replace(".", ","),
                "colour": shading.colour(value),
            },
        )
        for row, value in values
    )
    return render(
        request,
        "areas/safety_map.html",
        {
            "sets": sets,
            "area_set": area_set,
            "years": years,
            "year": year,
            "measures": MAP_MEASURES.items(),
            "measure": measure,
            "measure_label": MAP_MEASURES[measure],
            "values": values,
            "geojson": outlines,
            "schematic": any(row.area.geometry_is_schematic for row, _ in values),
            "legend": shading.legend(),
        },
    )


def transfer_income(request: HttpRequest) -> HttpResponse:
    """Seed 002's evaluation table for every period with an imported register extract."""
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    periods = (
        TransferIncomeFigure.objects.values_list("period_start", "period_end")
        .distinct()
        .order_by("-period_start", "-period_end")
    )
    tables = [
        (start, end, transfer_income_table(figures_for(start, end), start, end))
        for start, end in periods
    ]
    return render(request, "areas/transfer_income.html", {"tables": tables})


def hotspots(request: HttpRequest) -> HttpResponse:
    """The designated hotspots with their goals, responsible unit and period."""
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    may_designate = request.user.has_perm("areas.designate_hotspots")
    # A suggestion's "designate" link names its area (?omraade=).
    suggested = request.GET.get("omraade", "")
    initial = {"area": int_param(suggested)} if int_param(suggested) else {}
    form = HotspotForm(request.POST or None, initial=initial) if may_designate else None
    if _form_acted(
        request,
        form,
        allowed=may_designate,
        act=lambda data: actions.hotspot_designate(by=request.user, **data),
        done=lambda _hotspot: _("Hotspottet er udpeget."),
    ):
        return redirect("areas:hotspots")
    return render(
        request,
        "areas/hotspots.html",
        {
            "hotspots": Hotspot.objects.select_related("area", "responsible_unit"),
            "form": form,
            "today": timezone.localdate(),
        },
    )


SUGGESTION_COLOURS = {"hot": "#b2182b", "": "#f0f0f0"}


def hotspot_suggest(request: HttpRequest) -> HttpResponse:
    """Areas in statistically significant clusters of reported crime (Gi*) over a chosen run
    of years, as a map and a table; a place to look, for the secretariat to designate."""
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    sets = (
        AreaSet.objects.filter(areas__police_counts__isnull=False)
        .annotate(area_count=Count("areas", distinct=True))
        .order_by("-area_count", "name")
    )
    area_set = sets.filter(key=request.GET.get("inddeling")).first() or sets.first()
    years = police_years(area_set) if area_set else []
    suggestions = None
    if years:
        first = _year_param(request, "fra", years, default=years[max(0, len(years) - 3)])
        last = _year_param(request, "til", years, default=years[-1])
        suggestions = hotspot_suggestions(area_set, min(first, last), max(first, last))
    rows = suggestions.rows if suggestions else []
    clusters = [(row, row.gi.cluster if row.gi else "") for row in rows]
    outlines = _outlines(
        (
            row.area,
            {"label": _suggestion_label(cluster), "colour": SUGGESTION_COLOURS[cluster]},
        )
        for row, cluster in clusters
    )
    return render(
        request,
        "areas/hotspot_suggestions.html",
        {
            "sets": sets,
            "area_set": area_set,
            "years": years,
            "suggestions": suggestions,
            "geojson": outlines,
            "schematic": any(row.area.geometry_is_schematic for row in rows),
            "may_designate": request.user.has_perm("areas.designate_hotspots"),
        },
    )


def _year_param(request: HttpRequest, name: str, years: list[int], default: int) -> int:
    wanted = request.GET.get(name, "")
    return int_param(wanted) if int_param(wanted) in years else default


def _suggestion_label(cluster: str) -> str:
    return _("hot spot") if cluster == "hot" else _("ikke signifikant")


def acute_incidents(request: HttpRequest) -> HttpResponse:
    """Acute incidents of unrest by district, newest first; counted in the half-yearly
    troubled-areas report."""
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    may_record = request.user.has_perm("areas.record_incidents")
    form = AcuteIncidentForm(request.POST or None) if may_record else None
    if _form_acted(
        request,
        form,
        allowed=may_record,
        act=lambda data: actions.acute_incident_record(by=request.user, **data),
        done=lambda _incident: _("Hændelsen er registreret."),
    ):
        return redirect("areas:incidents")
    return render(
        request,
        "areas/incidents.html",
        {"incidents": AcuteIncident.objects.all()[:100], "form": form},
    )


def safety_compare(request: HttpRequest) -> HttpResponse:
    """The areas of a set side by side, year by year, for one measure, beside the city; up
    to three of them (or the highest and the lowest) as a chart with the city."""
    if not request.user.has_perm("areas.view_areas"):
        raise PermissionDenied
    sets, area_set, _years, _year = _chosen_set_and_year(request)
    measure = request.GET.get("maal") if request.GET.get("maal") in MAP_MEASURES else "safe"
    comparison = districts_compared(area_set, measure) if area_set else None
    chosen = request.GET.getlist("omraade")
    charted = []
    if comparison:
        charted = [(a, c) for a, c in comparison.rows if a.code in chosen][:3]
        if not charted:
            with_figures = [(a, c) for a, c in comparison.rows if c and c[-1].value is not None]
            charted = with_figures[:1] + with_figures[1:][-1:]  # highest and lowest
    is_share = measure in SHARE_MEASURES

    def plotted(cells) -> list[float | None]:
        # The chart draws shares on 0..1 (its top is 100 %).
        return [
            cell.value / 100 if is_share and cell.value is not None else cell.value
            for cell in cells
        ]

    chart = (
        line_chart(
            comparison.years,
            [
                *((area.name, plotted(cells)) for area, cells in charted),
                (_("Hele byen"), plotted(comparison.city)),
            ],
            shares=is_share,
        )
        if comparison and charted
        else None
    )
    return render(
        request,
        "areas/safety_compare.html",
        {
            "sets": sets,
            "area_set": area_set,
            "measures": MAP_MEASURES.items(),
            "measure": measure,
            "measure_label": MAP_MEASURES[measure],
            "is_share": is_share,
            "comparison": comparison,
            "charted": [area for area, _cells in charted],
            "chart": chart,
        },
    )
