"""Importing budget lines (one amount per initiative, year or span, source and department)
from Danish Excel CSV or .xlsx. All rows are checked before anything is saved."""

from accounts.models import Department, User
from imports.files import (
    ImportRejected,
    Row,
    RowError,
    TableFile,
    import_limits,
    parse_danish_decimal,
)
from initiatives.models import MAX_YEAR, MIN_YEAR, Funding, FundingSource, Initiative

COLUMNS = ("indsats", "år", "beløb", "kilde", "forvaltning")
OPTIONAL_COLUMNS = ("bemærkning",)


def _parse_years(text: str) -> tuple[int, int]:
    parts = text.replace("–", "-").split("-")
    try:
        years = [int(p.strip()) for p in parts]
    except ValueError:
        raise ValueError(f"'{text}' er ikke et år (skriv f.eks. 2012 eller 2008-2010)") from None
    first, last = years[0], years[-1]
    if len(years) > 2 or not (MIN_YEAR <= first <= MAX_YEAR and MIN_YEAR <= last <= MAX_YEAR):
        raise ValueError(f"året '{text}' ligger uden for {MIN_YEAR}–{MAX_YEAR}")
    if first > last:
        raise ValueError(f"perioden '{text}' slutter før den begynder")
    return first, last


def _funding_from_row(row: Row, *, by: User, initiatives, sources, departments) -> Funding:
    values = row.values
    initiative = initiatives.get(values["indsats"].lower())
    if initiative is None:
        raise ValueError(f"ukendt indsats '{values['indsats']}'")
    if not by.has_perm("initiatives.change_initiative", initiative):
        raise ValueError(f"du må ikke ændre indsatsen '{initiative.name}'")
    first, last = _parse_years(values["år"])
    amount = parse_danish_decimal(values["beløb"])
    if amount < 0:
        raise ValueError(f"beløbet {values['beløb']} er negativt")
    source = sources.get(values["kilde"].lower())
    if source is None:
        raise ValueError(
            f"ukendt finansieringskilde '{values['kilde']}' (kendte: {', '.join(sorted(sources))})"
        )
    department = None
    if values.get("forvaltning"):
        department = departments.get(values["forvaltning"].upper())
        if department is None:
            raise ValueError(
                f"ukendt forvaltning '{values['forvaltning']}' (kendte: {', '.join(sorted(departments))})"
            )
    return Funding(
        initiative=initiative,
        first_year=first,
        last_year=last,
        amount=amount,
        source=source,
        department=department,
        stated_in="import",
        note=values.get("bemærkning", "")[:300],
    )


def fundings_from_file(*, by: User, filename: str, data: bytes) -> list[Funding]:
    """Parse and check every row; raise ImportRejected listing each bad line, or return unsaved lines."""
    rows = TableFile(
        filename, data, columns=COLUMNS, optional=("forvaltning",), limits=import_limits("budget")
    )
    initiatives = {}
    for initiative in Initiative.objects.all():
        initiatives[initiative.slug.lower()] = initiative
        initiatives[initiative.name.lower()] = initiative
    sources = {s.code.lower(): s for s in FundingSource.objects.all()}
    departments = {d.code.upper(): d for d in Department.objects.all()}
    fundings, errors = [], []
    for row in rows:
        try:
            fundings.append(
                _funding_from_row(
                    row, by=by, initiatives=initiatives, sources=sources, departments=departments
                )
            )
        except (ValueError, KeyError) as error:
            errors.append(RowError(row.line, str(error)))
    if errors:
        raise ImportRejected(errors)
    return fundings
