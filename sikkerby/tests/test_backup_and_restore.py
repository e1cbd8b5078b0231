"""A backup restores into a fresh database with every table exactly as it was (SQLite by its
online backup API, PostgreSQL by pg_dump and pg_restore)."""

import sqlite3
import subprocess
import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from people.models import Person


def _tables(cursor, names) -> dict[str, list]:
    rows = {}
    for table in names:
        cursor.execute(f'SELECT * FROM "{table}"')
        rows[table] = sorted(cursor.fetchall(), key=repr)
    return rows


def _live_tables() -> dict[str, list]:
    """Every table of the live database, read by a plain driver connection of its own (the
    same kind that reads the restored copy, so values compare as stored)."""
    names = [t for t in connection.introspection.table_names() if not t.startswith("staging_")]
    if connection.vendor == "sqlite":
        with sqlite3.connect(connection.settings_dict["NAME"], uri=True) as live:
            return _tables(live.cursor(), names)
    with psycopg.connect(dbname=connection.settings_dict["NAME"], **_conninfo()) as live:
        return _tables(live.cursor(), names)


def _conninfo() -> dict:
    settings = connection.settings_dict
    return {
        "host": settings["HOST"],
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"],
    }


@pytest.fixture
def records(level_3_case, district_body_member):
    return level_3_case


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_table_for_table(records, tmp_path):
    before = _live_tables()
    assert len(before) > 50 and any(before.values())
    backup = tmp_path / "sikkerby-backup"
    call_command("backup_database", str(backup))
    if connection.vendor == "sqlite":
        with sqlite3.connect(backup) as copy:
            restored = _tables(copy.cursor(), before)
    else:
        restored = _restored_on_postgresql(backup, list(before))
    assert restored == before


@pytest.mark.django_db(transaction=True)
def test_restoring_puts_back_what_was_deleted_after_the_backup(records, tmp_path):
    before = _live_tables()
    backup = tmp_path / "sikkerby-backup"
    call_command("backup_database", str(backup))
    if connection.vendor != "sqlite":
        pytest.skip("on PostgreSQL restoring into the test database would drop it under the test")
    Person.objects.filter(pk=records.person_id).update(first_name="Ændret efter kopien")
    call_command("restore_database", str(backup), "--ja")
    assert _live_tables() == before


def _restored_on_postgresql(backup, tables: list[str]) -> dict[str, list]:
    fresh = f"restore_{uuid.uuid4().hex[:8]}"
    conninfo = _conninfo()
    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                f"--dbname={fresh}",
                f"--host={conninfo['host']}",
                f"--port={conninfo['port']}",
                f"--username={conninfo['user']}",
                str(backup),
            ],
            check=True,
            capture_output=True,
        )
        with psycopg.connect(dbname=fresh, **conninfo) as copy:
            return _tables(copy.cursor(), tables)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
            admin.execute(f'DROP DATABASE "{fresh}"')
