"""Downloads. Every format is produced by `reports.exports`, the same code the CLI uses."""

from collections import Counter
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evidence.served import evidence_card_for
from initiatives import queries
from initiatives.models import MAX_YEAR, MIN_YEAR, SourceTable, StatusReport
from initiatives.views import budget_range_from, budget_table_for, get_initiative_for_user
from outcomes.measures import Verdict
from outcomes.permissions import card_shown_to
from outcomes.scorecard import initiative_scorecard
from reports import exports, status_forms
from sikkerby.params import int_param
from sikkerby.refusals import refusal_text

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


def evidence_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug)
    content = exports.evidence_card_pdf(evidence_card_for(request.user, initiative))
    return _download(content, "pdf", f"evidenskort-{slugify(initiative.slug)}")


def status_form_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug)
    if fmt == "pdf":
        content = exports.status_form_pdf(initiative)
    elif fmt == "xlsx":
        content = exports.status_form_xlsx(initiative)
    else:
        raise Http404
    return _download(content, fmt, f"statusskema-{slugify(initiative.slug)}")


LAPSE_VERDICTS = (Verdict.MET, Verdict.NOT_MET, Verdict.TOO_EARLY)


def lapses(request: HttpRequest) -> HttpResponse:
    """*Bortfald*: which initiatives lapse after a year (their money ends then), the money they
    had that year, and what their results are (final figures of whole years)."""
    years = queries.lapse_years()
    today = timezone.localdate()
    chosen = int_param(request.GET.get("efter"), low=MIN_YEAR, high=MAX_YEAR)
    if chosen is None:
        chosen = next((y for y in years if y >= today.year - 1), years[-1] if years else today.year)
    rows = []
    for lapse in queries.lapses_after(chosen):
        cards = [
            c
            for cs in initiative_scorecard(lapse.initiative, today, final=True).values()
            for c in cs
        ]
        for card in cards:
            card_shown_to(request.user, card)
        verdicts = Counter(r.verdict for card in cards for r in card.results)
        # Too few data, hidden, no target: said too, so that "0 met, 0 not met" never
        # stands for criteria that could not be judged.
        undecided = verdicts.total() - sum(verdicts[v] for v in LAPSE_VERDICTS)
        rows.append((lapse, verdicts, undecided))
    return render(
        request,
        "reports/lapses.html",
        {
            "years": years,
            "chosen": chosen,
            "rows": rows,
            "total": sum((lapse.amount_last_year for lapse, _, _ in rows), Decimal(0)),
        },
    )


def status_attainment(request: HttpRequest, slug: str) -> HttpResponse:
    """Heading 7 of the status form, computed (a fragment the status form page loads)."""
    initiative = get_initiative_for_user(request.user, slug)
    return render(
        request,
        "reports/status_attainment.htmx.html",
        {"initiative": initiative, "rows": status_forms.status_attainment_now(initiative)},
    )


@require_POST
def status_report_approve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, for_change=True)
    report = get_object_or_404(StatusReport, pk=pk, initiative=initiative)
    try:
        status_forms.status_report_approve(by=request.user, report=report)
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, _("Statusskemaet er godkendt; tallene er frosset."))
    return redirect("initiatives:detail", slug=slug)
