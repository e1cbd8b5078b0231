"""Put a copy made by `backup_database` back: stop the server and the worker first. SQLite:
the copy replaces every page of the database (online backup API, in reverse); PostgreSQL:
pg_restore --clean into the configured database."""

import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from sikkerby.management.commands.backup_database import pg_connection_arguments, pg_environment


class Command(BaseCommand):
    help = "Genindlæser en sikkerhedskopi (stop server og worker først). Alt nuværende indhold erstattes."

    def add_arguments(self, parser):
        parser.add_argument("path", help="sikkerhedskopien")
        parser.add_argument("--ja", action="store_true", help="bekræft, at databasen erstattes")

    def handle(self, *args, path: str, ja: bool, **options):
        if not Path(path).is_file():
            raise CommandError(f"Filen {path} findes ikke.")
        if not ja:
            raise CommandError("Genindlæsning erstatter hele databasen: gentag med --ja.")
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(path) as source:
                source.backup(connection.connection)
            source.close()
        elif connection.vendor == "postgresql":
            command = ["pg_restore", "--clean", "--if-exists", "--no-owner", path]
            command += pg_connection_arguments(connection.settings_dict)
            done = subprocess.run(
                command, env=pg_environment(connection.settings_dict), capture_output=True
            )
            if done.returncode:
                raise CommandError(done.stderr.decode(errors="replace"))
        else:
            raise CommandError(f"Genindlæsning understøttes ikke for {connection.vendor}.")
        self.stdout.write(f"Databasen er genindlæst fra {path}")
