"""Delete every record past its retention deadline (real deletion, not a flag). With --dry-run,
list what would go. Each item is deleted in its own transaction; a failure is reported and
skipped, and the run (with its failures) is shown on the administrators' purge page."""

from django.core.management.base import BaseCommand

from audit.retention import retention_purge


class Command(BaseCommand):
    help = "Sletter poster, hvis opbevaringsfrist er udløbet. --dry-run viser kun, hvad der ville blive slettet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Vis kun, hvad der ville blive slettet."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        run = retention_purge(dry_run=dry_run, report=self.stdout.write)
        if run.failures:
            self.stderr.write(
                f"{len(run.failures)} poster kunne ikke slettes; se Revisionsspor → Sletning."
            )
