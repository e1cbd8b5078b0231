"""Delete access-log entries older than the retention period (real deletion, not a flag)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from audit.models import AccessLogEntry


class Command(BaseCommand):
    help = "Sletter adgangslogposter ældre end opbevaringsfristen (ACCESS_LOG_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Vis kun, hvad der ville blive slettet."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        cutoff = timezone.now() - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
        expired = AccessLogEntry.objects.filter(at__lt=cutoff)
        count = expired.count()
        if not dry_run:
            expired.delete()
        verb = "ville slette" if dry_run else "slettede"
        self.stdout.write(f"{verb} {count} adgangslogposter ældre end {cutoff:%Y-%m-%d}")
