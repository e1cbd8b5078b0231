"""A slowly growing delay after failed logins, per account *and* source address (DOMAIN.md
section 6: block after repeated failures). django-axes records every failure; from the
LOGIN_FAILURE_LIMIT-th failure on, the next attempt from that address for that account must
wait LOGIN_DELAY_FIRST_SECONDS, doubling with each further failure up to
LOGIN_DELAY_MAX_SECONDS. Someone typing wrong passwords in a colleague's name from another
address delays nobody but themselves."""

from django.conf import settings
from django.utils import timezone


def login_delay_seconds(failures: int) -> int:
    """Seconds to wait after `failures` failures in a row (0 below the limit)."""
    if failures < settings.AXES_FAILURE_LIMIT:
        return 0
    doubled = settings.LOGIN_DELAY_FIRST_SECONDS * 2 ** (failures - settings.AXES_FAILURE_LIMIT)
    return min(doubled, settings.LOGIN_DELAY_MAX_SECONDS)


def login_wait_seconds(username: str, ip_address: str | None) -> int:
    """How long this account must still wait before another attempt from this address."""
    from axes.models import AccessAttempt

    attempt = (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .order_by("-attempt_time")
        .first()
    )
    if attempt is None:
        return 0
    allowed_at = attempt.attempt_time + timezone.timedelta(
        seconds=login_delay_seconds(attempt.failures_since_start)
    )
    return max(0, int((allowed_at - timezone.now()).total_seconds() + 0.999))
