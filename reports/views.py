"""Downloads. Every format is produced by `reports.exports`, the same code the CLI uses."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from initiatives import queries
from initiatives.models import SourceTable
from initiatives.views import budget_range_from, budget_table_for, get_initiative_for_user
from reports import exports

VIEW_TITLES = {
    "initiative": "Budget pr. indsats",
    "department": "Budget pr. forvaltning",
    "source": "Budget pr. finansieringskilde",
}


def _download(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def budget_export_for(
    *, view: str, first: int, last: int, table_key: str = ""
) -> exports.BudgetExport:
    if table_key:
        source_table = get_object_or_404(SourceTable, key=table_key)
        return exports.BudgetExport(
            title=source_table.title,
            table=queries.source_table_as_published(source_table),
            note=f"Kilde: {source_table.source_document}. {source_table.note}".strip(),
        )
    return exports.BudgetExport(
        title=f"{VIEW_TITLES.get(view, VIEW_TITLES['initiative'])} {first}–{last}",
        table=budget_table_for(view, first, last),
    )


def budget_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in exports.CONTENT_TYPES:
        raise Http404
    _, first, last, view = budget_range_from(request)
    table_key = request.GET.get("kilde", "")
    export = budget_export_for(view=view, first=first, last=last, table_key=table_key)
    return _download(
        exports.budget_export(export, fmt), fmt, table_key or f"budget-{view}-{first}-{last}"
    )


def status_form_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug)
    if fmt == "pdf":
        content = exports.status_form_pdf(initiative)
    elif fmt == "xlsx":
        content = exports.status_form_xlsx(initiative)
    else:
        raise Http404
    return _download(content, fmt, f"statusskema-{slugify(initiative.slug)}")
