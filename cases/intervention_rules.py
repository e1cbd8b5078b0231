"""Rules for intervention teams for crime-affected families (seed 000/001), as pure functions.

A family qualifies when a child or young person has an SSP case on level 3 or 4 and the
family lives in a district where the initiative runs. Qualifying families are ranked by need
with visible, adjustable weights. The course is most intensive for about 6 months, then the
family is phased out by its progression and offered aftercare; a course lasts about a year.
"""

from dataclasses import dataclass
from datetime import date, timedelta

INTENSIVE_DAYS = 183  # "the first 6 months"
PHASE_OUT_DAYS = 92
AFTERCARE_DAYS = 90  # together about a year


@dataclass(frozen=True)
class NeedWeights:
    per_level_4_case: int = 5
    per_level_3_case: int = 3
    per_child_with_case: int = 2
    per_younger_sibling: int = 1


@dataclass(frozen=True)
class FamilyNeed:
    level_4_cases: int
    level_3_cases: int
    children_with_cases: int
    younger_siblings: int


def need_score(need: FamilyNeed, weights: NeedWeights) -> int:
    return (
        need.level_4_cases * weights.per_level_4_case
        + need.level_3_cases * weights.per_level_3_case
        + need.children_with_cases * weights.per_child_with_case
        + need.younger_siblings * weights.per_younger_sibling
    )


def qualifies(*, highest_level: int, district: str, running_in: set[str]) -> bool:
    return highest_level >= 3 and district in running_in


def can_admit(
    *,
    active_in_district: int,
    district_capacity: int,
    admitted_in_period: int,
    period_capacity: int,
) -> bool:
    """10 families per district at a time, 30 over the period (001)."""
    return active_in_district < district_capacity and admitted_in_period < period_capacity


def next_phase_proposal(phase: str, phase_started: date, today: date) -> str | None:
    """The phase the system proposes when the current one's time has come, else None."""
    due = {
        "intensive": ("phase_out", INTENSIVE_DAYS),
        "phase_out": ("aftercare", PHASE_OUT_DAYS),
        "aftercare": ("ended", AFTERCARE_DAYS),
    }
    if phase not in due:
        return None
    proposal, days = due[phase]
    return proposal if today >= phase_started + timedelta(days=days) else None
