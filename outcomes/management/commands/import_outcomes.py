"""Import status observations or police records from a Danish CSV/.xlsx file (atomic)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from imports.files import ImportRejected
from outcomes.records_import import KINDS, records_import


class Command(BaseCommand):
    help = "Indlæser statusobservationer eller politiregistreringer fra CSV/Excel, matchet på CPR-nummer."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="status eller kriminalitet")
        parser.add_argument("file", type=Path)
        parser.add_argument("--bruger", required=True, dest="username", help="hvem importerer")

    def handle(self, *args, kind: str, file: Path, username: str, **options):
        by = User.objects.filter(username=username).first()
        if by is None:
            raise CommandError(f"Ukendt bruger: {username}")
        try:
            count = records_import(by=by, kind=kind, filename=file.name, data=file.read_bytes())
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError("Filen er afvist; intet er gemt.") from None
        self.stdout.write(self.style.SUCCESS(f"Indlæste {count} {KINDS[kind].label}."))
