"""Bulk import of status observations (job-centre extracts) and crime events (police extracts)
from Danish CSV or .xlsx, matched by CPR number. Atomic: one bad row rejects the file with its
line number and reason, and nothing is saved. CPR numbers never appear in the messages."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.actions import access_log_record_many, audit_event_record
from audit.models import AccessKind
from imports.files import (
    ImportRejected,
    Row,
    RowError,
    TableFile,
    import_limits,
    parse_danish_date,
)
from imports.jobs import Progress
from imports.staging import StagedRows
from outcomes.models import (
    CrimeEvent,
    CrimeKind,
    ObservationSource,
    OffenceCategory,
    Status,
    StatusObservation,
)
from people.cpr import CprError, cpr_parse
from people.models import Person


def _choice(choices, text: str, what: str) -> str:
    """Accept the code ('job') or the Danish label ('I job'), in any case."""
    wanted = text.strip().lower()
    for value, label in choices:
        if wanted in (value, str(label).lower()):
            return value
    raise ValueError(f"ukendt {what} '{text.strip()}'")


@dataclass(frozen=True)
class ImportKind:
    label: str
    columns: tuple[str, ...]
    build: Callable[[Row, Person, User], object]


def _observation(row: Row, person: Person, by: User) -> StatusObservation:
    values = row.values
    return StatusObservation(
        person=person,
        observed_on=_past_date(values["dato"]),
        status=_choice(Status.choices, values["status"], "status"),
        source=ObservationSource.IMPORT,
        recorded_by=by,
    )


def _crime_event(row: Row, person: Person, by: User) -> CrimeEvent:
    values = row.values
    return CrimeEvent(
        person=person,
        occurred_on=_past_date(values["dato"]),
        kind=_choice(CrimeKind.choices, values["hændelse"], "hændelse"),
        category=_choice(OffenceCategory.choices, values["kategori"], "kategori"),
        source="Import",
    )


def _past_date(text: str) -> date:
    day = parse_danish_date(text)
    if day > timezone.localdate():
        raise ValueError("datoen ligger i fremtiden")
    return day


KINDS = {
    "status": ImportKind("statusobservationer", ("cpr", "dato", "status"), _observation),
    "kriminalitet": ImportKind(
        "politiregistreringer", ("cpr", "dato", "hændelse", "kategori"), _crime_event
    ),
}


def records_import(
    *, by: User, kind: str, filename: str, data: bytes, progress: Progress | None = None
) -> int:
    """Import every row or none; returns the number of rows saved. The rows are checked
    first (reporting `progress(checked, total)`), then saved in one transaction."""
    spec = KINDS[kind]
    rows = TableFile(filename, data, columns=spec.columns, limits=import_limits(kind))
    digits_by_line: dict[int, str] = {}
    errors: list[RowError] = []
    for row in rows:
        try:
            digits_by_line[row.line] = cpr_parse(row.values["cpr"]).digits
        except CprError as error:
            errors.append(RowError(row.line, str(error)))
    persons = {p.cpr: p for p in Person.objects.filter(cpr__in=set(digits_by_line.values()))}
    records = []
    for checked, row in enumerate(rows, start=1):
        if progress:
            progress(checked, len(rows))
        if row.line not in digits_by_line:
            continue
        person = persons.get(digits_by_line[row.line])
        if person is None:
            errors.append(RowError(row.line, "ingen person i Sikker By har dette CPR-nummer"))
            continue
        try:
            records.append(spec.build(row, person, by))
        except (ValueError, KeyError) as error:
            errors.append(RowError(row.line, str(error)))
    if errors:
        raise ImportRejected(sorted(errors, key=lambda e: e.line))
    model = type(records[0])
    with StagedRows(model, heartbeat=lambda: progress and progress(len(rows), len(rows))) as staged:
        staged.add(records)
        with transaction.atomic():
            staged.move()
            return _records_recorded(by=by, kind=kind, filename=filename, records=records)


def _records_recorded(*, by: User, kind: str, filename: str, records: list) -> int:
    model = type(records[0])
    audit_event_record(
        by=by,
        action=f"outcomes.import_{kind}",
        object_type=model._meta.label_lower,
        object_repr=filename[:200],
        changes={"rows": [None, len(records)]},
    )
    access_log_record_many(
        by=by,
        kind=AccessKind.CHANGE,
        purpose=f"Import af {KINDS[kind].label}",
        subjects={r.person_id: r.person for r in records}.values(),
    )
    return len(records)
