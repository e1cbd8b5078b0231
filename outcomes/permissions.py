"""Who may see what of an initiative's results.

Exact small counts (1–4) go only to those who may see every person behind them: a case
worker sees them for figures made of their own cases' young people, and nobody sees them for
others (being allowed to see *some* persons is not leave to count anyone's). Everyone else
sees such a figure hidden (outcomes.measures.without_small_counts)."""

from collections.abc import Callable, Iterable

import rules

from accounts.permissions import is_administrator
from cases.permissions import persons_visible_to
from outcomes.measures import MINIMUM_DENOMINATOR, MeasureResult, without_small_counts

rules.add_perm("outcomes.configure_progression", is_administrator)
# Register extracts are matched on CPR across the whole municipality: administrators only.
rules.add_perm("outcomes.import_records", is_administrator)


def sees_persons(user) -> bool:
    """Those who work with persons may open the people behind a figure (only the persons they
    may see are listed)."""
    return user.has_perm("cases.view_my_work")


def sees_every_person(user, person_ids: Iterable[int]) -> bool:
    """Whether the user may see every one of these persons."""
    ids = set(person_ids)
    if not ids:
        return True
    if not sees_persons(user):
        return False
    return persons_visible_to(user).filter(pk__in=ids).count() == len(ids)


def result_shown_to(
    user, result: MeasureResult, members: Callable[[], list[tuple[int, str]]] | None
) -> MeasureResult:
    """The result as this user may see it: exact if it has no small count, or if the user may
    see every person behind it; else with its counts hidden."""
    hidden = without_small_counts(result)
    if hidden is result:
        return result
    if members is not None and sees_every_person(user, (pid for pid, _ in members())):
        return result
    return hidden


def card_shown_to(user, card) -> bool:
    """Replace a criterion card's results by what the user may see; True if any was hidden."""
    shown = [result_shown_to(user, r, m) for r, m in zip(card.results, card.members, strict=True)]
    hidden = any(s is not r for s, r in zip(shown, card.results, strict=True))
    card.results = shown
    return hidden


def count_shown_to(user, count: int, person_ids: Callable[[], Iterable[int]]) -> int | None:
    """A count of persons (places in use, people waiting): None when it is small and the user
    may not see every one of them."""
    if not 0 < count < MINIMUM_DENOMINATOR or sees_every_person(user, person_ids()):
        return count
    return None
