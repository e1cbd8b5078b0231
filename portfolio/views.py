"""The portfolio page and its exports: every initiative in one table (seed 004, question 3)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.models import Department
from initiatives.models import InitiativeKind, PolicyGoal
from portfolio import exports
from portfolio.filters import PortfolioFilters
from portfolio.rows import SORTABLE, portfolio_rows, portfolio_sorted
from reports.exports import CONTENT_TYPES


def _portfolio_for(request: HttpRequest):
    if not request.user.has_perm("initiatives.view_initiative"):
        raise PermissionDenied
    filters = PortfolioFilters.of(request.GET)
    year = filters.chosen_year
    rows = portfolio_sorted(portfolio_rows(filters.initiatives(), year=year), filters.sort)
    return filters, year, rows


def portfolio_page(request: HttpRequest) -> HttpResponse:
    filters, year, rows = _portfolio_for(request)
    columns = [
        (key, filters.query(sorter=f"-{key}" if filters.sort == key else key)) for key in SORTABLE
    ]
    return render(
        request,
        "portfolio/portfolio.html",
        {
            "rows": rows,
            "year": year,
            "filters": filters,
            "sort_links": dict(columns),
            "departments": Department.objects.filter(is_external=False).order_by("code"),
            "kinds": InitiativeKind.choices,
            "goals": PolicyGoal.objects.all(),
            "export_query": filters.query(),
            "computing": any(row.effect_state == "computing" for row in rows),
        },
    )


def portfolio_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx", "pdf"):
        raise Http404
    filters, year, rows = _portfolio_for(request)
    if fmt == "csv":
        content = exports.portfolio_csv(rows, year)
    elif fmt == "xlsx":
        content = exports.portfolio_xlsx(rows, year)
    else:
        content = exports.portfolio_pdf(rows, year, filters.query())
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="portefolje-{year}.{fmt}"'
    return response
