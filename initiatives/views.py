"""Catalogue pages: thin functions that load, check permission, call an action, render."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from imports.files import ImportRejected
from imports.jobs import import_done_record
from initiatives import actions, queries
from initiatives.budget import discrepancy
from initiatives.budget_import import fundings_from_file
from initiatives.forms import (
    BudgetImportForm,
    BudgetRangeForm,
    CatalogueFilterForm,
    FundingForm,
    InitiativeForm,
    ReportedValueForm,
    StatusReportForm,
    SuccessCriterionForm,
)
from initiatives.models import Funding, Initiative, SourceTable, SuccessCriterion
from sikkerby.refusals import refusal_to_form
from sikkerby.versioning import EditConflict


def get_initiative_for_user(user, slug: str, *, for_change: bool = False) -> Initiative:
    initiative = get_object_or_404(
        queries.initiative_with_details(Initiative.objects.all()), slug=slug
    )
    if not user.has_perm("initiatives.view_initiative", initiative):
        raise PermissionDenied
    if for_change and not user.has_perm("initiatives.change_initiative", initiative):
        raise PermissionDenied
    return initiative


def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    initiatives = queries.catalogue_filtered(
        department=filters.get("department"),
        kind=filters.get("kind") or "",
        active_year=filters.get("year"),
        target_age=filters.get("age"),
        lapses_after=filters.get("lapses_after"),
        text=filters.get("q") or "",
    )
    context = {"form": form, "initiatives": initiatives, "year": filters.get("year")}
    template = (
        "initiatives/catalogue.html#results" if request.htmx else "initiatives/catalogue.html"
    )
    return render(request, template, context)


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug)
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "can_change": request.user.has_perm("initiatives.change_initiative", initiative),
            "fundings": sorted(
                initiative.fundings.all(), key=lambda f: (f.first_year, f.source.name)
            ),
        },
    )


def edit(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, for_change=True)
    form = InitiativeForm(
        request.POST or None, instance=initiative, initial={"version": initiative.version}
    )
    if request.method == "POST" and form.is_valid():
        data = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in ("version", "owning_departments", "policy_goals")
        }
        try:
            actions.initiative_update(
                by=request.user,
                initiative=Initiative.objects.get(pk=initiative.pk),
                data=data,
                expected_version=form.cleaned_data["version"],
                owning_departments=form.cleaned_data["owning_departments"],
                policy_goals=form.cleaned_data["policy_goals"],
            )
        except EditConflict:
            form.add_error(
                None,
                _(
                    "En anden har gemt indsatsen, mens du redigerede. Genindlæs siden og indtast dine ændringer igen — intet er gemt."
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Indsatsen er gemt."))
            return redirect("initiatives:detail", slug=initiative.slug)
    return render(request, "initiatives/edit.html", {"initiative": initiative, "form": form})


def _criterion_for_change(request: HttpRequest, slug: str, pk: int) -> SuccessCriterion:
    initiative = get_initiative_for_user(request.user, slug, for_change=True)
    return get_object_or_404(
        SuccessCriterion.objects.select_related("initiative"), pk=pk, initiative=initiative
    )


def criterion_new(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, for_change=True)
    form = SuccessCriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        data["position"] = initiative.success_criteria.count() + 1
        actions.success_criterion_create(by=request.user, initiative=initiative, data=data)
        messages.success(request, _("Succeskriteriet er oprettet."))
        return redirect("initiatives:detail", slug=initiative.slug)
    return render(
        request, "initiatives/criterion_form.html", {"initiative": initiative, "form": form}
    )


def criterion_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    criterion = _criterion_for_change(request, slug, pk)
    form = SuccessCriterionForm(
        request.POST or None, instance=criterion, initial={"version": criterion.version}
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            actions.success_criterion_update(
                by=request.user,
                criterion=SuccessCriterion.objects.get(pk=criterion.pk),
                data=data,
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except EditConflict:
            form.add_error(
                None,
                _(
                    "En anden har gemt succeskriteriet, mens du redigerede. Genindlæs siden — intet er gemt."
                ),
            )
        else:
            messages.success(request, _("Succeskriteriet er gemt."))
            return redirect("initiatives:detail", slug=slug)
    return render(
        request,
        "initiatives/criterion_form.html",
        {"initiative": criterion.initiative, "form": form, "criterion": criterion},
    )


@require_POST
def criterion_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    criterion = _criterion_for_change(request, slug, pk)
    actions.success_criterion_delete(by=request.user, criterion=criterion)
    messages.success(request, _("Succeskriteriet er slettet."))
    return redirect("initiatives:detail", slug=slug)


def reported_value_new(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    criterion = _criterion_for_change(request, slug, pk)
    form = ReportedValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.reported_value_create(by=request.user, criterion=criterion, **form.cleaned_data)
        messages.success(request, _("Tallet er indberettet."))
        return redirect("initiatives:detail", slug=slug)
    return render(
        request,
        "initiatives/reported_value_form.html",
        {"initiative": criterion.initiative, "criterion": criterion, "form": form},
    )


def budget_range_from(request: HttpRequest) -> tuple[BudgetRangeForm, int, int, str]:
    this_year = date.today().year
    form = BudgetRangeForm(request.GET or {"first": 2009, "last": 2012, "view": "initiative"})
    if form.is_valid():
        return (
            form,
            form.cleaned_data["first"],
            form.cleaned_data["last"],
            form.cleaned_data.get("view") or "initiative",
        )
    return form, this_year, this_year, "initiative"


def budget_table_for(view: str, first: int, last: int):
    if view == "department":
        return queries.budget_by_department(first=first, last=last)
    if view == "source":
        return queries.budget_by_source(first=first, last=last)
    return queries.budget_by_initiative(first=first, last=last)


def budget(request: HttpRequest) -> HttpResponse:
    form, first, last, view = budget_range_from(request)
    table = budget_table_for(view, first, last)
    return render(
        request,
        "initiatives/budget.html",
        {
            "form": form,
            "table": table,
            "view": view,
            "first": first,
            "last": last,
            "query": request.GET.urlencode(),
            "source_tables": SourceTable.objects.all(),
        },
    )


def source_table(request: HttpRequest, key: str) -> HttpResponse:
    table = get_object_or_404(SourceTable, key=key)
    return render(
        request,
        "initiatives/source_table.html",
        {
            "source_table": table,
            "table": queries.source_table_as_published(table),
            "source_tables": SourceTable.objects.all(),
        },
    )


def cofinancing(request: HttpRequest, slug: str = "interventionsteam") -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug)
    table = queries.cofinancing_by_department(initiative)
    total_all = table.annual_grand_total() + table.multi_year_total()
    stated = initiative.source_rows.filter(stated_total__isnull=False).first()
    return render(
        request,
        "initiatives/cofinancing.html",
        {
            "initiative": initiative,
            "table": table,
            "stated": stated,
            "total_all": total_all,
            "stated_difference": discrepancy(
                stated=stated.stated_total, computed=total_all, printed=stated.printed_total
            )
            if stated
            else None,
        },
    )


def budget_import(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("initiatives.import_budget"):
        raise PermissionDenied
    form = BudgetImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            fundings = fundings_from_file(
                by=request.user, filename=upload.name, data=form.data_bytes
            )
            count = actions.fundings_import(by=request.user, fundings=fundings)
            import_done_record(
                by=request.user,
                kind=form.import_kind,
                label=_("Budgetlinjer"),
                filename=upload.name,
                data=form.data_bytes,
                saved=count,
            )
        except ImportRejected as rejected:
            errors = rejected.errors
        except ValidationError as error:
            errors = [str(error)]
        else:
            messages.success(request, _("%(count)s budgetlinjer er indlæst.") % {"count": count})
            return redirect("initiatives:budget")
    return render(request, "initiatives/budget_import.html", {"form": form, "errors": errors})


def status_report_new(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, for_change=True)
    form = StatusReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.status_report_save(by=request.user, initiative=initiative, **form.cleaned_data)
        except ValidationError as error:
            refusal_to_form(form, error)
        else:
            messages.success(request, _("Status er gemt."))
            return redirect("initiatives:detail", slug=slug)
    return render(
        request, "initiatives/status_report_form.html", {"initiative": initiative, "form": form}
    )


def fundings(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, for_change=True)
    form = FundingForm(
        request.POST or None, instance=Funding(initiative=initiative, stated_in="indtastet")
    )
    if request.method == "POST" and form.is_valid():
        actions.funding_create(by=request.user, funding=form.instance)
        messages.success(request, _("Bevillingen er tilføjet."))
        return redirect("initiatives:fundings", slug=slug)
    lines = initiative.fundings.select_related("source", "department").order_by(
        "first_year", "source__name"
    )
    return render(
        request,
        "initiatives/fundings.html",
        {"initiative": initiative, "form": form, "lines": lines},
    )


@require_POST
def funding_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, for_change=True)
    actions.funding_delete(
        by=request.user, funding=get_object_or_404(Funding, pk=pk, initiative=initiative)
    )
    messages.success(request, _("Bevillingen er slettet."))
    return redirect("initiatives:fundings", slug=slug)
