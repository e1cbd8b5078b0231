"""The access log's own retention: entries older than ACCESS_LOG_RETENTION_DAYS (Datatilsynet:
commonly 6 months) are deleted in one go, and the deletion itself is audited."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from audit.models import AccessLogEntry
from audit.retention import RetentionPolicy


def expired_access_log():
    cutoff = timezone.now() - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    return [AccessLogEntry.objects.filter(at__lt=cutoff)]


def access_log_policy() -> RetentionPolicy:
    return RetentionPolicy(
        label=f"Adgangslogposter ældre end {settings.ACCESS_LOG_RETENTION_DAYS} dage",
        expired=expired_access_log,
        delete=lambda entries: entries.delete(),
        bulk=True,
    )
