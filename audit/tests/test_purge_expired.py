from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from audit.actions import access_log_record
from audit.models import AccessKind, AccessLogEntry


def test_purge_expired_removes_what_it_lists_and_nothing_else(db, django_user_model, capsys):
    user = django_user_model.objects.create(username="someone")
    old = access_log_record(by=user, kind=AccessKind.READ, purpose="sag")
    recent = access_log_record(by=user, kind=AccessKind.SEARCH, criterion="navn=...")
    AccessLogEntry.objects.filter(pk=old.pk).update(
        at=timezone.now() - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS + 1)
    )
    call_command("purge_expired", "--dry-run")
    assert "ville slette 1" in capsys.readouterr().out
    assert AccessLogEntry.objects.count() == 2
    call_command("purge_expired")
    assert "slettede 1" in capsys.readouterr().out
    assert list(AccessLogEntry.objects.values_list("pk", flat=True)) == [recent.pk]
