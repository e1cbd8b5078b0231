"""Import area boundaries from a GeoJSON file (atomic)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from areas.boundaries import boundaries_import
from areas.models import AreaSet
from imports.files import ImportRejected


class Command(BaseCommand):
    help = "Indlæser områdegrænser fra GeoJSON; features matches på en egenskab (kode eller navn)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--inddeling", required=True, dest="key")
        parser.add_argument("--egenskab", default="navn", dest="match_on")
        parser.add_argument("--bruger", required=True, dest="username")

    def handle(self, *args, file: Path, key: str, match_on: str, username: str, **options):
        by = User.objects.filter(username=username).first()
        area_set = AreaSet.objects.filter(key=key).first()
        if by is None or area_set is None:
            raise CommandError("Ukendt bruger eller områdeinddeling.")
        try:
            count = boundaries_import(
                by=by, area_set=area_set, data=file.read_bytes(), match_on=match_on
            )
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error).replace("Linje", "Feature"))
            raise CommandError("Filen er afvist; intet er gemt.") from None
        self.stdout.write(self.style.SUCCESS(f"Indlæste grænser for {count} områder."))
