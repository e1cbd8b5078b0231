"""Changes to accounts that must be audited: API tokens and two-factor devices."""

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApiToken, User
from audit.actions import audit_event_record


@transaction.atomic
def api_token_create(*, by: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for `by`; the plain token is returned once and never stored."""
    plain = ApiToken.generate()
    token = ApiToken.objects.create(
        user=by, name=name, prefix=plain[:10], token_hash=ApiToken.hash(plain)
    )
    audit_event_record(by=by, action="api_token.create", obj=token, changes={"name": [None, name]})
    return token, plain


@transaction.atomic
def api_token_revoke(*, by: User, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_event_record(
            by=by,
            action="api_token.revoke",
            obj=token,
            changes={"revoked_at": [None, token.revoked_at]},
        )


@transaction.atomic
def totp_device_confirm(*, by: User, device: TOTPDevice) -> None:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=by).exclude(pk=device.pk).delete()
    audit_event_record(
        by=by, action="two_factor.enrol", obj=by, changes={"device": [None, device.name]}
    )
