"""Seed 002's evaluation table: the change in the number and share of people on transfer
income by area type between two years, the number split into net moving (dwellings totally
emptied between the years: the change came with who moved in) and the dwellings whose
residents stayed. Import of the register extract (atomic, line-numbered) and the table as a
pure function of its figures."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from accounts.models import User
from areas.models import TransferIncomeFigure
from audit.actions import audit_event_record
from imports.files import ImportRejected, RowError, TableFile, import_limits

COLUMNS = ("områdetype", "boliger", "år", "beboere", "på overførselsindkomst")
GROUPS = {"totaltømte": True, "ikke-tømte": False, "ikke totaltømte": False}


@dataclass(frozen=True)
class Figure:
    area_type: str
    emptied: bool
    year: int
    residents: int
    on_transfer_income: int


@dataclass(frozen=True)
class TransferRow:
    area_type: str
    net_moving: int
    not_emptied: int
    total: int
    share_points: Decimal  # change in the share on transfer income, percentage points


def _share(on_transfer: int, residents: int) -> Decimal:
    return Decimal(100 * on_transfer) / Decimal(residents) if residents else Decimal(0)


def transfer_income_table(figures: list[Figure], start: int, end: int) -> list[TransferRow]:
    """One row per area type (in the extract's order) and one for all ('Alle')."""
    types = list(dict.fromkeys(f.area_type for f in figures))

    def total(kind: str | None, emptied: bool | None, year: int, field: str) -> int:
        return sum(
            getattr(f, field)
            for f in figures
            if (kind is None or f.area_type == kind)
            and (emptied is None or f.emptied == emptied)
            and f.year == year
        )

    rows = []
    for kind in [*types, None]:
        moving = total(kind, True, end, "on_transfer_income") - total(
            kind, True, start, "on_transfer_income"
        )
        staying = total(kind, False, end, "on_transfer_income") - total(
            kind, False, start, "on_transfer_income"
        )
        points = _share(
            total(kind, None, end, "on_transfer_income"), total(kind, None, end, "residents")
        ) - _share(
            total(kind, None, start, "on_transfer_income"), total(kind, None, start, "residents")
        )
        rows.append(
            TransferRow(
                kind or "Alle",
                moving,
                staying,
                moving + staying,
                points.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
            )
        )
    return rows


def figures_for(start: int, end: int) -> list[Figure]:
    return [
        Figure(f.area_type, f.emptied, f.year, f.residents, f.on_transfer_income)
        for f in TransferIncomeFigure.objects.filter(period_start=start, period_end=end)
    ]


@transaction.atomic
def transfer_income_import(*, by: User, start: int, end: int, filename: str, data: bytes) -> int:
    """Replace the period's figures with the file's, or reject it whole."""
    rows = TableFile(filename, data, columns=COLUMNS, limits=import_limits("transfer_income"))
    figures, errors, seen = [], [], set()
    for position, row in enumerate(rows):
        values = row.values
        try:
            group = values["boliger"].strip().lower()
            if group not in GROUPS:
                raise ValueError(f"ukendt boliggruppe '{values['boliger'].strip()}'")
            year = int(values["år"].strip())
            if year not in (start, end):
                raise ValueError(f"året {year} ligger ikke i perioden {start}–{end}")
            residents = int(values["beboere"].strip().replace(".", ""))
            on_transfer = int(values["på overførselsindkomst"].strip().replace(".", ""))
            if on_transfer > residents:
                raise ValueError("flere på overførselsindkomst end beboere")
            key = (values["områdetype"].strip(), GROUPS[group], year)
            if key in seen:
                raise ValueError("områdetype, boliggruppe og år står to gange")
            seen.add(key)
            figures.append(
                TransferIncomeFigure(
                    period_start=start,
                    period_end=end,
                    area_type=key[0],
                    position=position,
                    emptied=key[1],
                    year=year,
                    residents=residents,
                    on_transfer_income=on_transfer,
                )
            )
        except ValueError as error:
            errors.append(RowError(row.line, str(error)))
    if errors:
        raise ImportRejected(errors)
    TransferIncomeFigure.objects.filter(period_start=start, period_end=end).delete()
    TransferIncomeFigure.objects.bulk_create(figures)
    audit_event_record(
        by=by,
        action="areas.import_transfer_income",
        object_type="areas.transferincomefigure",
        object_repr=f"{start}–{end}: {filename}"[:200],
        changes={"rows": [None, len(figures)]},
    )
    return len(figures)
