"""The portfolio as Danish Excel CSV, xlsx (numbers as numbers, never a formula) and PDF."""

import io
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook

from portfolio.rows import PortfolioRow
from reports.exports import render_pdf
from sikkerby.spreadsheets import DanishCsvWriter, xlsx_bytes


def _header(year: int) -> list[str]:
    return [
        _("Indsats"),
        _("Forvaltning"),
        _("Type"),
        _("Politiske mål"),
        _("Penge i %(year)s (mio. kr.)") % {"year": year},
        _("Sidste år med penge"),
        _("Deltagere i %(year)s") % {"year": year},
        _("Helårspladser brugt"),
        _("Kapacitet"),
        _("Kriterier"),
        _("Opfyldt (seneste endelige tal)"),
        _("Ikke opfyldt (seneste endelige tal)"),
        _("Maryland-niveau"),
        _("Effekt (procentpoint)"),
        _("Pr. succes (kr.)"),
        _("Pr. ekstra succes (kr.)"),
    ]


def _mio(amount: Decimal | None) -> float | None:
    return None if amount is None else float(amount / Decimal(1_000_000))


def _values(row: PortfolioRow) -> list:
    estimate = row.effect.started if row.effect and row.effect.started.is_effect else None
    return [
        row.initiative.name,
        row.departments,
        row.initiative.get_kind_display(),
        row.goals,
        _mio(row.money),
        row.last_funded_year,
        row.participants,
        None if row.full_year_places is None else round(row.full_year_places, 1),
        row.initiative.capacity_label() if row.initiative.capacity_amount else "",
        row.criteria,
        row.criteria_met,
        row.criteria_not_met,
        row.maryland,
        None if estimate is None else round(100 * estimate.effect, 1),
        None if row.per_success is None else float(row.per_success),
        None if row.per_additional is None else float(row.per_additional),
    ]


def portfolio_csv(rows: list[PortfolioRow], year: int) -> bytes:
    out = io.StringIO()
    writer = DanishCsvWriter(out)
    writer.writerow(_header(year))
    for row in rows:
        writer.writerow(
            [
                f"{v:.1f}".replace(".", ",") if isinstance(v, float) else ("" if v is None else v)
                for v in _values(row)
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def portfolio_xlsx(rows: list[PortfolioRow], year: int) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Portefølje")[:31]
    sheet.append(_header(year))
    for row in rows:
        sheet.append(_values(row))
    return xlsx_bytes(workbook)


def portfolio_pdf(rows: list[PortfolioRow], year: int, filters_text: str) -> bytes:
    return render_pdf(
        "portfolio/portfolio_pdf.html",
        {"rows": rows, "year": year, "header": _header(year), "filters_text": filters_text},
    )
