"""Saving a large import without holding SQLite's single write lock for long.

SQLite lets one writer at a time: an import saving 500,000 rows in one transaction made every
other write (a colleague's login saving its session) wait until it failed. On SQLite the
checked rows are therefore written to a staging table in short, committed batches (each a
heartbeat for the job), and moved into the real table in one short transaction at the end,
together with the import's audit event: the import is still all or nothing, because nothing
reads the staging table. PostgreSQL writes the rows in the final transaction directly (its
writers do not block each other).
"""

import uuid
from collections.abc import Callable, Iterable

from django.db import connection, models, transaction

BATCH = 5000


class StagedRows:
    """Rows of one model on their way in: `add` them (in batches), then `move` them in inside
    the caller's transaction. `discard` (or leaving the `with` block) drops what is staged."""

    def __init__(self, model: type[models.Model], heartbeat: Callable[[], None] | None = None):
        self.model, self.heartbeat = model, heartbeat or (lambda: None)
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        self.staged_in_table = connection.vendor == "sqlite"
        self.pending: list[models.Model] = []
        self.count = 0
        self.table = connection.ops.quote_name(f"staging_{uuid.uuid4().hex}")
        if self.staged_in_table:
            real = connection.ops.quote_name(model._meta.db_table)
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    f"CREATE TABLE {self.table} AS SELECT {self.columns} FROM {real} WHERE 0"
                )

    def __enter__(self) -> "StagedRows":
        return self

    def __exit__(self, *exc) -> None:
        self.discard()

    def add(self, objects: Iterable[models.Model]) -> None:
        batch = list(objects)
        self.count += len(batch)
        if not self.staged_in_table:
            self.pending.extend(batch)
            return
        for start in range(0, len(batch), BATCH):
            values = [
                [f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in self.fields]
                for obj in batch[start : start + BATCH]
            ]
            marks = ", ".join(["%s"] * len(self.fields))
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {self.table} ({self.columns}) VALUES ({marks})", values
                )
            self.heartbeat()

    def move(self) -> int:
        """Into the real table; call inside the transaction that records the import."""
        if not self.staged_in_table:
            self.model.objects.bulk_create(self.pending, batch_size=1000)
            return self.count
        real = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {real} ({self.columns}) SELECT {self.columns} FROM {self.table}"
            )
        return self.count

    def discard(self) -> None:
        if self.staged_in_table:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {self.table}")
            self.staged_in_table = False
        self.pending = []
