"""Writing the audit trail and the access log. Domain actions call these; nothing else writes them."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from audit.models import AccessLogEntry, AuditEvent


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of `fields` on `obj`, in a form the audit trail can store."""
    return {name: _jsonable(getattr(obj, name)) for name in fields}


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value changed, as {field: [old, new]}."""
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


# How to get from an object to the one person it is about, tried in order (a case's referral,
# an SSP+ plan's goal, a participation's follow-up ...). Households and courses name no one
# person; their events carry a neutral label (`audit_label`) and, where one person is
# concerned, an explicit subject.
SUBJECT_PATHS = (
    ("person_id",),
    ("existing_person_id",),
    ("case", "person_id"),
    ("plan", "case", "person_id"),
    ("participation", "person_id"),
)


def _subject_person_id(obj: models.Model | None) -> int | None:
    if obj is None:
        return None
    if obj._meta.label_lower == "people.person":
        return obj.pk
    for path in SUBJECT_PATHS:
        value: Any = obj
        for name in path:
            value = getattr(value, name, None)
            if value is None:
                break
        if value is not None:
            return value
    return None


def audit_label(obj: models.Model) -> str:
    """How the trail names an object: its `audit_label()` where its name would be a person's
    (a person, a household), else its str()."""
    label = getattr(obj, "audit_label", None)
    return (label() if callable(label) else str(obj))[:300]


def audit_event_record(
    *,
    by: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    changes: Mapping[str, Any] | None = None,
    subject: models.Model | None = None,
) -> AuditEvent:
    """Write one audit event. Call it inside the action's transaction. `subject` is the person
    the event is about, where `obj` does not lead to one by itself."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or audit_label(obj)
    return AuditEvent.objects.create(
        actor_id=getattr(by, "pk", None),
        actor_username=getattr(by, "username", "") or "system",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr,
        changes={k: _jsonable(v) for k, v in (changes or {}).items()},
        subject_person_id=subject.pk if subject is not None else _subject_person_id(obj),
    )


def _access_log_entry(
    *, by: Any, kind: str, purpose: str, subject: models.Model | None, criterion: str
) -> AccessLogEntry:
    return AccessLogEntry(
        user_id=getattr(by, "pk", None),
        username=getattr(by, "username", "") or "system",
        kind=kind,
        purpose=purpose[:200],
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        criterion=criterion[:300],
    )


def access_log_record(
    *,
    by: Any,
    kind: str,
    purpose: str = "",
    subject: models.Model | None = None,
    criterion: str = "",
) -> AccessLogEntry:
    """Log one use of personal data. The criterion of a search is stored, never shown in URLs."""
    entry = _access_log_entry(
        by=by, kind=kind, purpose=purpose, subject=subject, criterion=criterion
    )
    entry.save()
    return entry


def access_log_record_many(
    *, by: Any, kind: str, purpose: str, subjects: Iterable[models.Model]
) -> list[AccessLogEntry]:
    """Log the same use of many persons' data (a list page) in one insert, one entry each
    (a person shown twice on the page is logged once)."""
    unique = {(s._meta.label_lower, s.pk): s for s in subjects}
    return AccessLogEntry.objects.bulk_create(
        [
            _access_log_entry(by=by, kind=kind, purpose=purpose, subject=subject, criterion="")
            for subject in unique.values()
        ]
    )


def access_log_record_person_ids(
    *, by: Any, kind: str, purpose: str, person_ids: Iterable[int]
) -> list[AccessLogEntry]:
    """The same, for persons known only by id (the audit trail's events about them)."""
    return AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                user_id=getattr(by, "pk", None),
                username=getattr(by, "username", "") or "system",
                kind=kind,
                purpose=purpose[:200],
                subject_type="people.person",
                subject_id=str(person_id),
            )
            for person_id in sorted(set(person_ids))
        ]
    )
