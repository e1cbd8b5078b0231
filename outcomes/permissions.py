import rules

from accounts.permissions import is_administrator
from outcomes.measures import MeasureResult, without_small_counts

rules.add_perm("outcomes.configure_progression", is_administrator)
# Register extracts are matched on CPR across the whole municipality: administrators only.
rules.add_perm("outcomes.import_records", is_administrator)


def sees_persons(user) -> bool:
    """Those who may see persons see exact small counts and may open the people behind a
    figure (limited to persons they may see); everyone else sees counts under 5 hidden."""
    return user.has_perm("cases.view_my_work")


def results_shown_to(user, results: list[MeasureResult]) -> list[MeasureResult]:
    return results if sees_persons(user) else [without_small_counts(r) for r in results]
