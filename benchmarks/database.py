"""A throw-away database for a benchmark run: a temporary SQLite file, or DATABASE_URL's test
copy, migrated, with the reference catalogue loaded, and dropped afterwards."""

import os
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def throwaway_database() -> Iterator[None]:
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikkerby.settings")
    os.environ.setdefault("SIKKERBY_TESTING", "true")  # a throw-away database, like the tests'
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_seed_catalogue", verbosity=0)
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(p50, p95) of latency samples in ms."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]
