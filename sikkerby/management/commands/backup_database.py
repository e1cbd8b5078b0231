"""A consistent copy of the whole database while the app runs: SQLite's online backup API
(page by page, other users keep working), or pg_dump's custom format for PostgreSQL. The copy
holds personal data: store it encrypted, and delete it by the same retention rules."""

import shutil
import sqlite3
import subprocess

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Tager en sikkerhedskopi af hele databasen (SQLite: online backup; PostgreSQL: pg_dump)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="filen, kopien skrives til")

    def handle(self, *args, path: str, **options):
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(path) as target:
                connection.connection.backup(target)
            target.close()
        elif connection.vendor == "postgresql":
            if shutil.which("pg_dump") is None:
                raise CommandError("pg_dump findes ikke; installér PostgreSQL' klientprogrammer.")
            settings = connection.settings_dict
            command = ["pg_dump", "--format=custom", "--no-owner", f"--file={path}"]
            command += pg_connection_arguments(settings)
            done = subprocess.run(command, env=pg_environment(settings), capture_output=True)
            if done.returncode:
                raise CommandError(done.stderr.decode(errors="replace"))
        else:
            raise CommandError(f"Sikkerhedskopi understøttes ikke for {connection.vendor}.")
        self.stdout.write(f"Sikkerhedskopi skrevet til {path}")


def pg_connection_arguments(settings: dict) -> list[str]:
    arguments = [f"--dbname={settings['NAME']}"]
    if settings.get("HOST"):
        arguments.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        arguments.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        arguments.append(f"--username={settings['USER']}")
    return arguments


def pg_environment(settings: dict) -> dict:
    import os

    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return environment
