"""Import a register extract for seed 002's transfer-income evaluation table (atomic)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from areas.transfer_income import transfer_income_import
from imports.files import ImportRejected


class Command(BaseCommand):
    help = (
        "Indlæser et registerudtræk (områdetype;boliger;år;beboere;på overførselsindkomst) "
        "for overførselsindkomst-evalueringen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--fra", type=int, required=True, dest="start")
        parser.add_argument("--til", type=int, required=True, dest="end")
        parser.add_argument("--bruger", required=True, dest="username")

    def handle(self, *args, file: Path, start: int, end: int, username: str, **options):
        by = User.objects.filter(username=username).first()
        if by is None:
            raise CommandError(f"Ukendt bruger: {username}")
        try:
            count = transfer_income_import(
                by=by, start=start, end=end, filename=file.name, data=file.read_bytes()
            )
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError("Filen er afvist; intet er gemt.") from None
        self.stdout.write(self.style.SUCCESS(f"Indlæste {count} tal for {start}–{end}."))
