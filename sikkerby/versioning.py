"""Optimistic locking, shared by every record that two people may edit at once: a form carries
the version it was loaded with, and a save first claims the next version. If someone else
saved in between, the claim fails and nothing is written ("concurrent edits never silently
overwrite each other")."""

from django.db import models
from django.db.models import F


class EditConflict(Exception):
    """Someone else saved the record after this edit began; nothing was written."""


def version_claim(model: type[models.Model], pk: int, expected_version: int) -> None:
    """Move the record from `expected_version` to the next, or raise EditConflict."""
    claimed = model._default_manager.filter(pk=pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise EditConflict
