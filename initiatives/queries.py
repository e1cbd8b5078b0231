"""Read-side queries for the catalogue and its budget tables. Sums happen in the database."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Prefetch, QuerySet, Sum
from django.urls import reverse

from accounts.models import Department
from initiatives.budget import BudgetTable, build_budget_table
from initiatives.models import Funding, Initiative, SourceTable, SuccessCriterion


def catalogue_filtered(
    *,
    department: Department | None = None,
    kind: str = "",
    active_year: int | None = None,
    target_age: int | None = None,
    lapses_after: int | None = None,
    text: str = "",
) -> QuerySet[Initiative]:
    initiatives = Initiative.objects.prefetch_related(
        "owning_departments", "fundings"
    ).select_related("anchoring_unit__department")
    if department is not None:
        initiatives = initiatives.filter(owning_departments=department)
    if kind:
        initiatives = initiatives.filter(kind=kind)
    if active_year is not None:
        initiatives = initiatives.active_in_year(active_year)
    if target_age is not None:
        initiatives = initiatives.for_target_age(target_age)
    if lapses_after is not None:
        initiatives = initiatives.lapsing_after(lapses_after)
    if text:
        initiatives = initiatives.filter(name__icontains=text)
    return initiatives.distinct().order_by("name")


def initiative_with_details(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return queryset.select_related("anchoring_unit__department").prefetch_related(
        "owning_departments",
        "policy_goals",
        "status_reports",
        Prefetch("fundings", queryset=Funding.objects.select_related("source", "department")),
        Prefetch(
            "success_criteria",
            queryset=SuccessCriterion.objects.prefetch_related("reported_values"),
        ),
    )


def _annual_sums(fundings: QuerySet[Funding], key: str, first: int, last: int):
    return (
        fundings.filter(first_year=F("last_year"), first_year__gte=first, first_year__lte=last)
        .values_list(key, "first_year")
        .annotate(total=Sum("amount"))
        .order_by()
    )


def _multi_year_lines(fundings: QuerySet[Funding], key: str, first: int, last: int):
    lines = fundings.exclude(first_year=F("last_year")).filter(
        first_year__lte=last, last_year__gte=first
    )
    return [
        (row[0], f"{row[1]}–{row[2]}", row[3])
        for row in lines.values_list(key, "first_year", "last_year", "amount").order_by(
            "first_year"
        )
    ]


def budget_by_initiative(
    *, first: int, last: int, initiatives: QuerySet[Initiative] | None = None
) -> BudgetTable:
    """Initiative × year for the chosen years; initiatives without money in the range are left out."""
    fundings = Funding.objects.all()
    if initiatives is not None:
        fundings = fundings.filter(initiative__in=initiatives)
    annual = [(str(i), y, t) for i, y, t in _annual_sums(fundings, "initiative_id", first, last)]
    spans = [
        (str(i), s, a) for i, s, a in _multi_year_lines(fundings, "initiative_id", first, last)
    ]
    with_money = {key for key, *_ in annual} | {key for key, *_ in spans}
    names_and_slugs = (
        Initiative.objects.filter(pk__in=with_money)
        .order_by("name")
        .values_list("pk", "name", "slug")
    )
    labels = {str(pk): name for pk, name, _ in names_and_slugs}
    slugs = {str(pk): slug for pk, _, slug in names_and_slugs}
    table = build_budget_table(
        years=list(range(first, last + 1)), labels=labels, annual=annual, multi_year=spans
    )
    for row in table.rows:
        row.url = reverse("initiatives:detail", args=[slugs[row.key]])
    return table


def budget_by_department(*, first: int, last: int) -> BudgetTable:
    fundings = Funding.objects.all()
    annual = [
        (code or "", y, t) for code, y, t in _annual_sums(fundings, "department__code", first, last)
    ]
    spans = [
        (code or "", s, a)
        for code, s, a in _multi_year_lines(fundings, "department__code", first, last)
    ]
    used = {key for key, *_ in annual} | {key for key, *_ in spans}
    labels = {d.code: f"{d.code} – {d.name}" for d in Department.objects.filter(code__in=used)}
    if "" in used:
        labels[""] = "Ikke angivet"
    return build_budget_table(
        years=list(range(first, last + 1)), labels=labels, annual=annual, multi_year=spans
    )


def budget_by_source(*, first: int, last: int) -> BudgetTable:
    fundings = Funding.objects.all()
    annual = list(_annual_sums(fundings, "source__name", first, last))
    spans = _multi_year_lines(fundings, "source__name", first, last)
    used = sorted({key for key, *_ in annual} | {key for key, *_ in spans})
    return build_budget_table(
        years=list(range(first, last + 1)),
        labels={name: name for name in used},
        annual=annual,
        multi_year=spans,
    )


def source_table_as_published(table: SourceTable) -> BudgetTable:
    """A document's budget table rebuilt from the system's figures, beside its stated totals."""
    rows = list(table.rows.select_related("initiative").order_by("position"))
    initiative_ids = [row.initiative_id for row in rows]
    # Only the money the document itself states: a grant mentioned elsewhere is not in its table.
    fundings = Funding.objects.filter(
        initiative_id__in=initiative_ids, stated_in=table.source_document[:100]
    )
    annual = [
        (str(i), y, t)
        for i, y, t in _annual_sums(fundings, "initiative_id", table.first_year, table.last_year)
    ]
    spans = [
        (str(i), s, a)
        for i, s, a in _multi_year_lines(
            fundings, "initiative_id", table.first_year, table.last_year
        )
    ]
    labels = {str(row.initiative_id): row.label for row in rows}
    built = build_budget_table(
        years=list(range(table.first_year, table.last_year + 1)),
        labels=labels,
        annual=annual,
        multi_year=spans,
    )
    by_key = {str(row.initiative_id): row for row in rows}
    for row in built.rows:
        source_row = by_key[row.key]
        row.stated_total = source_row.stated_total
        row.printed_total = source_row.printed_total
        row.url = reverse("initiatives:detail", args=[source_row.initiative.slug])
    for total in table.column_totals.all():
        if total.year is None:
            built.stated_grand_total = (total.amount, total.printed)
        else:
            built.stated_column_totals[total.year] = (total.amount, total.printed)
    return built


def cofinancing_by_department(initiative: Initiative) -> BudgetTable:
    """Department × year for one initiative: the intervention teams' co-financing table (001)."""
    fundings = initiative.fundings.all()
    years = sorted(
        set(fundings.values_list("first_year", flat=True))
        | set(fundings.values_list("last_year", flat=True))
    )
    if not years:
        return BudgetTable(years=[], rows=[])
    first, last = years[0], years[-1]
    lines = fundings.values_list(
        "department__code", "source__name", "note", "first_year", "last_year", "amount"
    )
    labels: dict[str, str] = {}
    annual: list[tuple[str, int, Decimal]] = []
    spans: list[tuple[str, str, Decimal]] = []
    for code, source, note, first_year, last_year, amount in lines.order_by(
        "department__code", "source__name"
    ):
        key = f"{code}|{source}|{note}"
        labels.setdefault(key, " – ".join(part for part in (code, source, note) if part))
        if first_year == last_year:
            annual.append((key, first_year, amount))
        else:
            spans.append((key, f"{first_year}–{last_year}", amount))
    return build_budget_table(
        years=list(range(first, last + 1)), labels=labels, annual=annual, multi_year=spans
    )


@dataclass(frozen=True)
class Lapse:
    """An initiative whose money ends with a year: what it had that year."""

    initiative: Initiative
    last_year: int
    amount_last_year: Decimal  # money for that year alone
    spans_ending: list[tuple[str, Decimal]]  # grants over several years that end then


def lapses_after(year: int) -> list[Lapse]:
    """Initiatives that lapse after `year` (their last funded year), with that year's money,
    largest first (seed 004: the work lapses unless it is continued)."""
    initiatives = (
        Initiative.objects.lapsing_after(year)
        .prefetch_related("owning_departments", "fundings__source")
        .order_by("name")
    )
    lapses = []
    for initiative in initiatives:
        fundings = list(initiative.fundings.all())
        annual = sum(
            (f.amount for f in fundings if f.first_year == f.last_year == year), Decimal(0)
        )
        spans = [
            (f.years_label(), f.amount) for f in fundings if f.is_multi_year and f.last_year == year
        ]
        lapses.append(Lapse(initiative, year, annual, spans))
    return sorted(lapses, key=lambda lapse: -lapse.amount_last_year)


def lapse_years() -> list[int]:
    """Every year after which some initiative lapses."""
    return sorted(
        {
            year
            for year in Initiative.objects.with_last_funded_year()
            .filter(runs_without_funding=False, last_funded_year__isnull=False)
            .values_list("last_funded_year", flat=True)
        }
    )
