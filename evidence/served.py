"""Which evidence card a user gets, and when it is computed.

Those without person access get the card as of the end of last year (a card of today would,
against tomorrow's, tell what became of one person). A card computed on the records as they
are is served from the cache. When records have changed since, the last card computed is
served, marked as such with the time it was computed, while the worker (`sikkerby
db_worker`) computes the new one: at Copenhagen's scale a card takes seconds to compute, so
nobody waits for it. Only a card never computed before is computed while the user waits."""

from datetime import date

from django.core.cache import caches
from django.utils import timezone

from evidence.card import (
    EvidenceCard,
    card_cache_key,
    evidence_card_store,
    without_small_counts,
)
from evidence.models import ChangeTheoryStep
from evidence.records import records_version
from evidence.tasks import evidence_card_refresh_task
from initiatives.models import Initiative
from outcomes.permissions import sees_persons

QUEUED_SECONDS = 15 * 60  # a refresh asked for is not asked for again for this long


def evidence_card_for(user, initiative: Initiative) -> EvidenceCard:
    """The card for the page, the PDF and the API: counts under 5 hidden from everyone."""
    if not sees_persons(user):
        return evidence_card_for_committees(initiative)
    return evidence_card(initiative, as_of=timezone.localdate(), final=False)


def evidence_card_for_committees(initiative: Initiative) -> EvidenceCard:
    """The card as of the end of last year, as readers and the status form show it."""
    last_year_end = date(timezone.localdate().year - 1, 12, 31)
    return evidence_card(initiative, as_of=last_year_end, final=True)


def _ask_the_worker(initiative: Initiative, as_of: date, version: str) -> None:
    """Queue the card's computation on `version`, once however many ask meanwhile."""
    if caches["evidence"].add(
        card_cache_key(initiative, as_of, f"{version}:asked"), 1, QUEUED_SECONDS
    ):
        evidence_card_refresh_task.enqueue(initiative.pk, as_of.isoformat())


def _kept_card(initiative: Initiative, as_of: date, version: str) -> EvidenceCard | None:
    """The card computed on `version`; else the last one computed, marked as such, while the
    worker computes the new one; else None."""
    cache = caches["evidence"]
    card = cache.get(card_cache_key(initiative, as_of, version))
    if card is None:
        card = cache.get(card_cache_key(initiative, as_of, "latest"))
        if card is not None:
            card.current = False
            _ask_the_worker(initiative, as_of, version)
    return card


def evidence_card(initiative: Initiative, *, as_of: date, final: bool) -> EvidenceCard:
    version = records_version()
    card = _kept_card(initiative, as_of, version) or evidence_card_store(
        initiative, as_of=as_of, version=version
    )
    card.steps = list(
        ChangeTheoryStep.objects.filter(initiative=initiative).prefetch_related("criteria")
    )
    card.final = final
    return without_small_counts(card)


def evidence_card_if_computed(initiative: Initiative, *, version: str) -> EvidenceCard | None:
    """The committees' card if one has been computed (marked when records changed since
    `version`, which the caller reads once for all its cards: records_version), else None
    while the worker computes it: a page listing every initiative never waits."""
    as_of = date(timezone.localdate().year - 1, 12, 31)
    card = _kept_card(initiative, as_of, version)
    if card is None:
        _ask_the_worker(initiative, as_of, version)
        return None
    card.final = True
    return without_small_counts(card)
