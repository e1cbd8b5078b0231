from django.core.management.base import BaseCommand

from initiatives.reference_catalogue import reference_catalogue_load


class Command(BaseCommand):
    help = "Indlæser Københavns referencekatalog af indsatser fra kildedokumenterne (2009–2014)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace", action="store_true", help="Erstat et allerede indlæst referencekatalog."
        )

    def handle(self, *args, replace: bool = False, **options):
        count = reference_catalogue_load(replace=replace)
        if count:
            self.stdout.write(
                self.style.SUCCESS(f"Indlæste {count} indsatser fra referencekataloget.")
            )
        else:
            self.stdout.write(
                "Referencekataloget er allerede indlæst (brug --replace for at indlæse igen)."
            )
