"""Retention: each kind of record has a documented deletion deadline; `sikkerby purge_expired`
deletes what has passed it, for real (DOMAIN.md section 6, 'Retention').

Domain apps register their policies here (in their AppConfig.ready), so `audit` imports no
domain app. The run never stops at an item: each is deleted in its own transaction, and a
failure is recorded (kind and id, never a name) and skipped, for an administrator to see on
the purge page. Every deletion is audited without a name, and the earlier audit events about
anything deleted are anonymised in the same transaction."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.deletion import Collector
from django.db.models.functions import Concat
from django.utils import timezone

from audit.actions import audit_event_record
from audit.models import AuditEvent, PurgeRun


@dataclass(frozen=True)
class RetentionPolicy:
    label: str  # what and how long, in Danish, e.g. "Adgangslog ældre end 183 dage"
    expired: Callable[[], Iterable[models.Model]]
    delete: Callable[[models.Model], Any]
    # A bulk policy's `expired` gives one queryset, deleted as one item (the access log).
    bulk: bool = False


POLICIES: list[RetentionPolicy] = []


def retention_policy_register(policy: RetentionPolicy) -> None:
    if all(existing.label != policy.label for existing in POLICIES):
        POLICIES.append(policy)


PERSON = "people.person"  # events about a person name them by subject, whatever their object
ANONYMISED = {"anonymiseret": [None, "slettet efter opbevaringsfristen"]}


def audit_events_anonymise(objects: dict[type[models.Model], set[Any]]) -> int:
    """Strip names and values from the audit events about these objects: what happened, by
    whom and when stays; who it was about does not."""
    anonymised = 0
    for model, pks in objects.items():
        ids = sorted(pks)
        is_person = model._meta.label_lower == PERSON
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            about = Q(object_type=model._meta.label_lower, object_id__in=[str(i) for i in chunk])
            if is_person:
                about |= Q(subject_person_id__in=chunk)
            anonymised += AuditEvent.objects.filter(about).update(
                object_repr=Concat(
                    F("object_type"), Value(" "), F("object_id"), Value(" (slettet)")
                ),
                changes=ANONYMISED,
            )
    return anonymised


def records_erase(objects: Sequence[models.Model]) -> int:
    """Delete `objects` with everything that cascades from them, anonymising every audit
    event about any of them. Raises ProtectedError if something still needs one of them.
    Returns the number of rows deleted."""
    if not objects:
        return 0
    collector = Collector(using=objects[0]._state.db or "default")
    collector.collect(list(objects))
    deleted: dict[type[models.Model], set[Any]] = defaultdict(set)
    for model, instances in collector.data.items():
        deleted[model].update(obj.pk for obj in instances)
    for queryset in collector.fast_deletes:
        deleted[queryset.model].update(queryset.values_list("pk", flat=True))
    audit_events_anonymise(deleted)
    total, _ = collector.delete()
    return total


def _item_name(item: models.Model) -> str:
    return f"{item._meta.verbose_name} {item.pk}"


def _bulk_purge(policy: RetentionPolicy, dry_run: bool) -> int:
    with transaction.atomic():
        expired = next(iter(policy.expired()))
        count = expired.count()
        if count and not dry_run:
            policy.delete(expired)
            audit_event_record(
                by=None,
                action="retention.delete_many",
                object_type=expired.model._meta.label_lower,
                object_repr=f"{count} × {expired.model._meta.verbose_name}",
                changes={"deleted": [None, count], "policy": [None, policy.label]},
            )
    return count


def retention_purge(*, dry_run: bool = False, report: Callable[[str], None] = print) -> PurgeRun:
    """Apply every policy. Each item goes in its own transaction; a failing item is recorded
    and skipped. The run is recorded (not in a dry run) for the administrators' purge page."""
    run = PurgeRun(dry_run=dry_run, deleted={}, failures=[])
    for policy in POLICIES:
        if policy.bulk:
            done = _bulk_purge(policy, dry_run)
        else:
            done = 0
            for item in list(policy.expired()):
                report(f"  {_item_name(item)}")
                if dry_run:
                    done += 1
                    continue
                try:
                    with transaction.atomic():
                        audit_event_record(
                            by=None,
                            action="retention.delete",
                            obj=item,
                            object_repr=_item_name(item),
                            changes={"policy": [None, policy.label]},
                        )
                        policy.delete(item)
                except Exception as error:  # one item never stops the run; see the purge page
                    run.failures.append([policy.label, _item_name(item), type(error).__name__])
                    report(f"  FEJL: {_item_name(item)}: {type(error).__name__}")
                else:
                    done += 1
        run.deleted[policy.label] = done
        report(f"{'ville slette' if dry_run else 'slettede'} {done}: {policy.label}")
    run.finished_at = timezone.now()
    if not dry_run:
        run.save()
    return run
