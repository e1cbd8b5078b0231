"""Delete every record past its retention deadline (real deletion, not a flag). With --dry-run,
list what would go. Each deletion of domain data writes an audit event."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from audit.actions import audit_event_record
from audit.models import AccessLogEntry
from audit.retention import POLICIES


class Command(BaseCommand):
    help = "Sletter poster, hvis opbevaringsfrist er udløbet. --dry-run viser kun, hvad der ville blive slettet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Vis kun, hvad der ville blive slettet."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        verb = "ville slette" if dry_run else "slettede"
        cutoff = timezone.now() - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
        expired_log = AccessLogEntry.objects.filter(at__lt=cutoff)
        count = expired_log.count()
        if not dry_run:
            expired_log.delete()
        self.stdout.write(f"{verb} {count} adgangslogposter ældre end {cutoff:%Y-%m-%d}")
        for policy in POLICIES:
            items = list(policy.expired())
            for item in items:
                self.stdout.write(f"  {item._meta.verbose_name} {item.pk}")
                if not dry_run:
                    with transaction.atomic():
                        audit_event_record(
                            by=None,
                            action="retention.delete",
                            obj=item,
                            object_repr=f"{item._meta.verbose_name} {item.pk}",
                        )
                        policy.delete(item)
            self.stdout.write(f"{verb} {len(items)}: {policy.label}")
