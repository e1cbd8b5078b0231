"""Exports of the budget table and the status form: PDF (WeasyPrint), Excel (openpyxl),
Danish Excel CSV and JSON. Views and the `sikkerby report` command call the same functions."""

import io
import json
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from evidence.served import evidence_card_for_committees
from initiatives.budget import MILLION, BudgetTable, discrepancy, format_million
from initiatives.models import Initiative
from reports.status_forms import status_attainment_now
from sikkerby.spreadsheets import DanishCsvWriter, xlsx_bytes

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


@dataclass
class BudgetExport:
    title: str
    table: BudgetTable
    note: str = ""

    @property
    def has_stated_totals(self) -> bool:
        return bool(self.table.stated_column_totals or self.table.stated_grand_total) or any(
            r.stated_total is not None for r in self.table.rows
        )


def _with_unit(title: str) -> str:
    return title if "mio. kr." in title else f"{title} (mio. kr.)"


def _mio(amount: Decimal) -> Decimal:
    return (amount / MILLION).quantize(Decimal("0.000001")).normalize()


def _row_discrepancy(row, years) -> Decimal | None:
    if row.stated_total is None:
        return None
    return discrepancy(
        stated=row.stated_total, computed=row.total(years), printed=row.printed_total
    )


def budget_rows(export: BudgetExport) -> list[dict]:
    """The table as plain records, shared by every format. Amounts in kroner."""
    table, years = export.table, export.table.years
    records = []
    for row in table.rows:
        records.append(
            {
                "label": row.label,
                "by_year": {str(y): row.by_year.get(y) for y in years},
                "multi_year": [
                    {"years": span, "amount": amount} for span, amount in row.multi_year
                ],
                "total": row.total(years),
                "stated_total": row.stated_total,
                "printed_total": row.printed_total,
                "discrepancy": _row_discrepancy(row, years),
            }
        )
    return records


def column_totals(export: BudgetExport) -> list[dict]:
    table = export.table
    totals = []
    for year in table.years:
        computed = table.column_total(year)
        stated = table.stated_column_totals.get(year)
        totals.append(
            {
                "year": year,
                "total": computed,
                "stated_total": stated[0] if stated else None,
                "printed": stated[1] if stated else "",
                "discrepancy": discrepancy(stated=stated[0], computed=computed, printed=stated[1])
                if stated
                else None,
            }
        )
    return totals


def budget_json(export: BudgetExport) -> bytes:
    def number(value):
        return None if value is None else str(value)

    grand = export.table.stated_grand_total
    payload = {
        "title": export.title,
        "unit": "DKK",
        "years": export.table.years,
        "rows": [
            {
                **r,
                "by_year": {y: number(a) for y, a in r["by_year"].items()},
                "multi_year": [
                    {"years": m["years"], "amount": number(m["amount"])} for m in r["multi_year"]
                ],
                "total": number(r["total"]),
                "stated_total": number(r["stated_total"]),
                "discrepancy": number(r["discrepancy"]),
            }
            for r in budget_rows(export)
        ],
        "column_totals": [
            {
                **c,
                "total": number(c["total"]),
                "stated_total": number(c["stated_total"]),
                "discrepancy": number(c["discrepancy"]),
            }
            for c in column_totals(export)
        ],
        "annual_total": number(export.table.annual_grand_total()),
        "multi_year_total": number(export.table.multi_year_total()),
        "stated_grand_total": number(grand[0]) if grand else None,
        "grand_total_discrepancy": number(
            discrepancy(
                stated=grand[0], computed=export.table.annual_grand_total(), printed=grand[1]
            )
        )
        if grand
        else None,
        "note": export.note,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2).encode()


def _danish(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return format(_mio(amount), "f").replace(".", ",")


def budget_csv(export: BudgetExport) -> bytes:
    """Danish Excel CSV: semicolons, decimal commas, UTF-8 with BOM; amounts in mio. kr."""
    years = export.table.years
    out = io.StringIO()
    writer = DanishCsvWriter(out)
    header = ["Indsats", *[str(y) for y in years], "Flerårig bevilling", "I alt (beregnet)"]
    if export.has_stated_totals:
        header += ["I alt (som angivet)", "Afvigelse"]
    writer.writerow([_with_unit(export.title)])
    writer.writerow(header)
    for r in budget_rows(export):
        line = [
            r["label"],
            *[_danish(r["by_year"][str(y)]) for y in years],
            " + ".join(f"{m['years']}: {_danish(m['amount'])}" for m in r["multi_year"]),
            _danish(r["total"]),
        ]
        if export.has_stated_totals:
            line += [r["printed_total"], _danish(r["discrepancy"])]
        writer.writerow(line)
    totals = column_totals(export)
    writer.writerow(
        [
            "I alt (beregnet)",
            *[_danish(c["total"]) for c in totals],
            _danish(export.table.multi_year_total()),
            _danish(export.table.annual_grand_total()),
        ]
    )
    if any(c["stated_total"] is not None for c in totals):
        grand = export.table.stated_grand_total
        writer.writerow(
            ["I alt (som angivet)", *[c["printed"] for c in totals], "", grand[1] if grand else ""]
        )
        writer.writerow(["Afvigelse", *[_danish(c["discrepancy"]) for c in totals]])
    if export.note:
        writer.writerow([export.note])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def budget_xlsx(export: BudgetExport) -> bytes:
    years = export.table.years
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Budget"
    sheet.append([_with_unit(export.title)])
    sheet["A1"].font = Font(bold=True, size=13)
    header = ["Indsats", *years, "Flerårig bevilling", "I alt (beregnet)"]
    if export.has_stated_totals:
        header += ["I alt (som angivet)", "Afvigelse"]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    warn = PatternFill("solid", fgColor="FFE8A3")
    for r in budget_rows(export):
        multi = sum((m["amount"] for m in r["multi_year"]), Decimal(0))
        line = [
            r["label"],
            *[
                float(_mio(r["by_year"][str(y)])) if r["by_year"][str(y)] is not None else None
                for y in years
            ],
            float(_mio(multi)) if r["multi_year"] else None,
            float(_mio(r["total"])),
        ]
        if export.has_stated_totals:
            line += [
                float(_mio(r["stated_total"])) if r["stated_total"] is not None else None,
                float(_mio(r["discrepancy"])) if r["discrepancy"] is not None else None,
            ]
        sheet.append(line)
        if r["discrepancy"] is not None:
            for cell in sheet[sheet.max_row]:
                cell.fill = warn
    totals = column_totals(export)
    sheet.append(
        [
            "I alt (beregnet)",
            *[float(_mio(c["total"])) for c in totals],
            float(_mio(export.table.multi_year_total())),
            float(_mio(export.table.annual_grand_total())),
        ]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    if any(c["stated_total"] is not None for c in totals):
        grand = export.table.stated_grand_total
        sheet.append(
            [
                "I alt (som angivet)",
                *[
                    float(_mio(c["stated_total"])) if c["stated_total"] is not None else None
                    for c in totals
                ],
                None,
                float(_mio(grand[0])) if grand else None,
            ]
        )
        sheet.append(
            [
                "Afvigelse",
                *[
                    float(_mio(c["discrepancy"])) if c["discrepancy"] is not None else None
                    for c in totals
                ],
            ]
        )
        for cell in sheet[sheet.max_row]:
            if cell.value not in (None, "Afvigelse"):
                cell.fill = warn
    if export.note:
        sheet.append([])
        sheet.append([export.note])
    for row in sheet.iter_rows(min_row=3, min_col=2):
        for cell in row:
            cell.number_format = "#,##0.000"
    sheet.column_dimensions["A"].width = 48
    for index in range(2, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 14
    sheet.freeze_panes = "B3"
    return xlsx_bytes(workbook)


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # imported late: pango loads slowly and only exports need it

    html = render_to_string(template, {**context, "generated_at": timezone.localtime()})
    return HTML(string=html).write_pdf()


def budget_pdf(export: BudgetExport) -> bytes:
    return render_pdf(
        "reports/budget_pdf.html",
        {
            "export": export,
            "table": export.table,
            "rows": budget_rows(export),
            "totals": column_totals(export),
            "grand_discrepancy": discrepancy(
                stated=export.table.stated_grand_total[0],
                computed=export.table.annual_grand_total(),
                printed=export.table.stated_grand_total[1],
            )
            if export.table.stated_grand_total
            else None,
        },
    )


def budget_export(export: BudgetExport, fmt: str) -> bytes:
    return {"json": budget_json, "csv": budget_csv, "xlsx": budget_xlsx, "pdf": budget_pdf}[fmt](
        export
    )


STATUS_FORM_HEADINGS = [
    ("economy", "Økonomi"),
    ("target_group", "Målgruppe"),
    ("activities", "Beskriv aktiviteterne"),
    ("goal", "Indsatsens mål"),
    (
        "policy_contribution",
        "Hvordan bidrager indsatsen til opnåelse af mål i integrationspolitikken",
    ),
    ("planned_follow_up", "Planlagt opfølgning"),
    ("status", "Status i forhold til målopfyldelse"),
]


def status_form_sections(initiative: Initiative) -> list[tuple[str, str]]:
    """The status form's seven headings with their text, built from structured data where it exists."""
    fundings = sorted(initiative.fundings.all(), key=lambda f: (f.first_year, f.source.name))
    money_lines = [
        f"{f.years_label()}: {format_million(f.amount)} mio. kr. ({f.source.name}{', ' + f.department.code if f.department else ''})"
        for f in fundings
    ]
    economy = "\n".join(filter(None, [initiative.economy_text, *money_lines]))
    target = "\n".join(
        filter(
            None,
            [
                initiative.target_group,
                f"Alder: {initiative.target_age_label()}" if initiative.target_age_label() else "",
                f"SSP-niveau: {initiative.target_ssp_levels}"
                if initiative.target_ssp_levels
                else "",
                f"Områder: {initiative.target_areas}" if initiative.target_areas else "",
                f"Kapacitet: {initiative.capacity_label()}" if initiative.capacity_label() else "",
            ],
        )
    )
    goals = "\n".join(f"Mål {g.code}) {g.title}" for g in initiative.policy_goals.all())
    criteria = "\n".join(
        f"Succeskriterium: {c.text} (mål: {c.target_label() or 'ikke angivet'})"
        for c in initiative.success_criteria.all()
    )
    status = _status_heading(initiative)
    texts = {
        "economy": economy,
        "target_group": target,
        "activities": initiative.activities,
        "goal": "\n".join(filter(None, [initiative.goal, criteria])),
        "policy_contribution": "\n".join(filter(None, [initiative.policy_contribution, goals])),
        "planned_follow_up": initiative.planned_follow_up,
        "status": status,
    }
    return [(label, texts[key]) for key, label in STATUS_FORM_HEADINGS]


def attainment_lines(rows: list[dict]) -> list[str]:
    """Heading 7's computed figures as lines: criterion, figure, target, verdict."""
    lines = []
    for row in rows:
        for result in row["results"] or [{"label": "", "figure": "–", "verdict_label": ""}]:
            target = f" (mål: {row['target']})" if row["target"] else ""
            lines.append(
                f"• {row['criterion']} — {result['label']}: {result['figure']}{target}"
                f" – {result['verdict_label']}"
            )
    return lines


def _status_heading(initiative: Initiative) -> str:
    """Seed 002's 'Status i forhold til målopfyldelse': each criterion computed now, then each
    period's typed status with the figures it was approved with."""
    computed = "\n".join(
        [f"Beregnet {timezone.localdate():%d.%m.%Y} (endelige tal for afsluttede år):"]
        + attainment_lines(status_attainment_now(initiative))
    )
    periods = []
    for report in initiative.status_reports.all():
        text = f"{report.period}: {report.text}"
        if report.frozen_attainment is not None:
            text += (
                f"\nGodkendt {timezone.localtime(report.approved_at):%d.%m.%Y} med tallene:\n"
                + "\n".join(attainment_lines(report.frozen_attainment))
            )
        periods.append(text)
    return "\n\n".join([computed, *periods])


def status_form_pdf(initiative: Initiative) -> bytes:
    """The status form goes to the committees: with the evidence card as they see it."""
    return render_pdf(
        "reports/status_form_pdf.html",
        {
            "initiative": initiative,
            "sections": status_form_sections(initiative),
            "card": evidence_card_for_committees(initiative),
            "pdf": True,
        },
    )


def evidence_card_pdf(card) -> bytes:
    return render_pdf(
        "evidence/card_pdf.html", {"card": card, "initiative": card.initiative, "pdf": True}
    )


def status_form_xlsx(initiative: Initiative) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Statusskema"
    sheet.append([f"Statusskema: {initiative.name}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(["Forvaltning", initiative.department_codes()])
    for label, text in status_form_sections(initiative):
        sheet.append([label, text])
    for row in sheet.iter_rows(min_row=2):
        row[0].font = Font(bold=True)
        row[0].alignment = Alignment(vertical="top", wrap_text=True)
        row[1].alignment = Alignment(vertical="top", wrap_text=True)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 110
    return xlsx_bytes(workbook)
