"""A case module's records are participations in the catalogue's initiatives: an intervention
course is the family's participation in the intervention-team initiative, an SSP+ plan the
young person's participation in SSP+. The module record is the one source of truth; when it
begins or ends, it says so here, and the outcomes part (which cases does not import) keeps
the participation in step, in the same transaction (registered in OutcomesConfig.ready).
Decision record 0011."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import models

from accounts.models import User
from people.models import Person

INTERVENTION_TEAM = "interventionsteam"  # seed 000/001
SSP_PLUS = "ssp-plus-exit"  # seed 003


@dataclass(frozen=True)
class Enrolment:
    """A person's part in an initiative, as a module record gives it."""

    initiative_slug: str
    person: Person
    source: str  # the module record, e.g. "cases.interventioncourse:12"
    started_on: date
    by: User | None
    ended_on: date | None = None


ENROLMENT_LISTENERS: list[Callable[[Enrolment], None]] = []


def enrolment_listener_register(listener: Callable[[Enrolment], None]) -> None:
    if listener not in ENROLMENT_LISTENERS:
        ENROLMENT_LISTENERS.append(listener)


def enrolment_announce(enrolment: Enrolment) -> None:
    """Call inside the action's transaction: the participation changes with the record."""
    for listener in ENROLMENT_LISTENERS:
        listener(enrolment)


def source_of(record: models.Model) -> str:
    return f"{record._meta.label_lower}:{record.pk}"
