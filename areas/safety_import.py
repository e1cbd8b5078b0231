"""Importing a safety-survey wave (one row per respondent: område;vægt;nabolag;aften;nat;offer)
and the police's report counts (område;år;kategori;antal) from Danish CSV or .xlsx. Atomic:
one bad row rejects the file with its line number and reason; the rows are checked first
(with progress for the import page), then saved in one transaction."""

from decimal import Decimal

from django.db import connection, transaction

from accounts.models import User
from areas.models import (
    AreaSet,
    CrimeCategory,
    Feeling,
    PoliceReportCount,
    SurveyResponse,
    SurveyWave,
)
from audit.actions import audit_event_record
from imports.files import (
    ImportRejected,
    RowError,
    TableFile,
    import_limits,
    parse_danish_decimal,
)
from imports.jobs import Progress

SURVEY_COLUMNS = ("område", "vægt", "nabolag", "aften", "nat", "offer")
POLICE_COLUMNS = ("område", "år", "kategori", "antal")
FEELINGS = {"tryg": Feeling.SAFE, "hverken": Feeling.NEITHER, "utryg": Feeling.UNSAFE, "": ""}
YES_NO = {"ja": True, "nej": False, "": None}


def _rows(filename: str, data: bytes, columns: tuple[str, ...], kind: str) -> TableFile:
    return TableFile(filename, data, columns=columns, limits=import_limits(kind))


def _word(table: dict, text: str, what: str):
    word = text.strip().lower()
    if word.startswith("hverken"):
        word = "hverken"
    if word not in table:
        raise ValueError(f"ukendt {what} '{text.strip()}'")
    return table[word]


def _areas(area_set: AreaSet) -> dict[str, int]:
    """Areas by code and by name (lower case), so either may be used in the file."""
    found = {}
    for pk, code, name in area_set.areas.values_list("pk", "code", "name"):
        found[code.lower()] = pk
        found[name.lower()] = pk
    return found


def survey_wave_import(
    *,
    by: User,
    area_set: AreaSet,
    year: int,
    invited: int,
    filename: str,
    data: bytes,
    progress: Progress | None = None,
) -> SurveyWave:
    rows = _rows(filename, data, SURVEY_COLUMNS, "areas.survey")
    if invited < len(rows):
        raise ImportRejected([RowError(1, f"Flere besvarelser ({len(rows)}) end inviterede.")])
    if SurveyWave.objects.filter(area_set=area_set, year=year).exists():
        raise ImportRejected([RowError(1, f"Der er allerede en undersøgelse for {year}.")])
    areas, errors, responses = _areas(area_set), [], []
    for checked, row in enumerate(rows, start=1):
        if progress:
            progress(checked, len(rows))
        values = row.values
        try:
            area = areas.get(values["område"].strip().lower())
            if area is None:
                raise ValueError(f"ukendt område '{values['område'].strip()}'")
            weight = parse_danish_decimal(values["vægt"])
            if weight <= 0:
                raise ValueError("vægten skal være større end 0")
            responses.append(
                (
                    area,
                    weight.quantize(Decimal("0.0001")),
                    _word(FEELINGS, values["nabolag"], "svar om nabolaget"),
                    _word(YES_NO, values["aften"], "svar om aftenen"),
                    _word(YES_NO, values["nat"], "svar om natten"),
                    _word(YES_NO, values["offer"], "svar om offer"),
                )
            )
        except (ValueError, ArithmeticError) as error:
            errors.append(RowError(row.line, str(error)))
    if errors:
        raise ImportRejected(errors)
    with transaction.atomic():
        wave = SurveyWave.objects.create(
            area_set=area_set,
            year=year,
            name=f"Tryghedsundersøgelsen {year}",
            invited=invited,
            responded=len(responses),
            imported_by=by,
        )
        _responses_insert(wave.pk, responses)
        audit_event_record(
            by=by, action="areas.import_survey", obj=wave, changes={"responses": [None, len(rows)]}
        )
    return wave


def _responses_insert(wave_id: int, responses: list[tuple]) -> None:
    """Checked rows go in without a model object each (a survey wave is hundreds of thousands
    of rows; objects cost 4 of every 5 seconds): COPY on PostgreSQL, a prepared INSERT run
    for every row on SQLite."""
    table = connection.ops.quote_name(SurveyResponse._meta.db_table)
    columns = "wave_id, area_id, weight, neighbourhood, evening_safe, night_safe, victim"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY's text format written in blocks of preformatted lines (48,000 → 51,000
            # rows/s against write_row adapting each Decimal and boolean; most of the rest is
            # checking the rows).
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for start in range(0, len(responses), 20_000):
                    copy.write(
                        "".join(
                            f"{wave_id}\t{area}\t{weight}\t{feeling}\t{_copy_bool(evening)}"
                            f"\t{_copy_bool(night)}\t{_copy_bool(victim)}\n"
                            for area, weight, feeling, evening, night, victim in responses[
                                start : start + 20_000
                            ]
                        )
                    )
            return
        sql = f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s, %s, %s)"
        for start in range(0, len(responses), 5000):
            cursor.executemany(sql, [(wave_id, *row) for row in responses[start : start + 5000]])


def _copy_bool(value: bool | None) -> str:
    return "\\N" if value is None else ("t" if value else "f")


def police_counts_import(
    *, by: User, area_set: AreaSet, filename: str, data: bytes, progress: Progress | None = None
) -> int:
    """Counts replace earlier counts for the same area, year and category."""
    rows = _rows(filename, data, POLICE_COLUMNS, "areas.police")
    categories = {label.lower(): value for value, label in CrimeCategory.choices}
    categories.update({value: value for value in CrimeCategory.values})
    areas, errors, counts = _areas(area_set), [], {}
    for checked, row in enumerate(rows, start=1):
        if progress:
            progress(checked, len(rows))
        values = row.values
        try:
            area = areas.get(values["område"].strip().lower())
            if area is None:
                raise ValueError(f"ukendt område '{values['område'].strip()}'")
            year = int(values["år"].strip())
            category = _word(categories, values["kategori"], "kategori")
            reports = int(values["antal"].strip().replace(".", ""))
            if reports < 0:
                raise ValueError("antallet kan ikke være negativt")
            if (area, year, category) in counts:
                raise ValueError("området, året og kategorien står to gange i filen")
            counts[(area, year, category)] = reports
        except ValueError as error:
            errors.append(RowError(row.line, str(error)))
    if errors:
        raise ImportRejected(errors)
    with transaction.atomic():
        for (area, year, category), reports in counts.items():
            PoliceReportCount.objects.update_or_create(
                area_id=area, year=year, category=category, defaults={"reports": reports}
            )
        audit_event_record(
            by=by,
            action="areas.import_police_counts",
            object_type="areas.policereportcount",
            object_repr=filename[:200],
            changes={"rows": [None, len(counts)]},
        )
    return len(counts)
