"""Retention: each kind of record has a documented deletion deadline; `sikkerby purge_expired`
deletes what has passed it, for real, writing an audit event for each deletion.

Domain apps register their policies here (in their AppConfig.ready), so `audit` imports no
domain app."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class RetentionPolicy:
    label: str  # what and how long, in Danish, e.g. "Adgangslog ældre end 183 dage"
    expired: Callable[[], Iterable[models.Model]]
    delete: Callable[[models.Model], Any]


POLICIES: list[RetentionPolicy] = []


def retention_policy_register(policy: RetentionPolicy) -> None:
    if all(existing.label != policy.label for existing in POLICIES):
        POLICIES.append(policy)
