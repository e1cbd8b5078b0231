"""Changes to accounts that must be audited: API tokens and two-factor devices."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApiToken, RoleAssignment, User
from audit.actions import audit_event_record, diff, snapshot


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


USER_FIELDS = ["first_name", "last_name", "email", "department", "unit", "is_active"]


def _roles_of(user: User) -> list[str]:
    return sorted(user.role_assignments.values_list("role", flat=True))


def _set_roles(user: User, roles: list[str]) -> None:
    user.role_assignments.exclude(role__in=roles).delete()
    for role in roles:
        RoleAssignment.objects.get_or_create(user=user, role=role)
    user._roles_cache = None


@transaction.atomic
def user_create(*, by: User, username: str, password: str, roles: list[str], **fields) -> User:
    if not by.has_perm("accounts.manage_users"):
        raise PermissionDenied
    user = User(username=username, **{k: v for k, v in fields.items() if k in USER_FIELDS})
    user.set_password(password)
    user.full_clean()
    user.save()
    _set_roles(user, roles)
    audit_event_record(
        by=by,
        action="user.create",
        obj=user,
        changes={**diff({}, snapshot(user, USER_FIELDS)), "roles": [None, sorted(roles)]},
    )
    return user


@transaction.atomic
def user_update(*, by: User, user: User, roles: list[str], **fields) -> User:
    if not by.has_perm("accounts.manage_users"):
        raise PermissionDenied
    before, roles_before = snapshot(user, USER_FIELDS), _roles_of(user)
    for name in USER_FIELDS:
        if name in fields:
            setattr(user, name, fields[name])
    user.full_clean()
    user.save()
    _set_roles(user, roles)
    changes = diff(before, snapshot(user, USER_FIELDS))
    if sorted(roles) != roles_before:
        changes["roles"] = [roles_before, sorted(roles)]
    audit_event_record(by=by, action="user.update", obj=user, changes=changes)
    return user


@transaction.atomic
def password_change(*, by: User, new_password: str) -> None:
    """The user chooses a new password (validated by the form); audited, never the password."""
    by.set_password(new_password)
    by.must_change_password = False
    by.save(update_fields=["password", "must_change_password"])
    audit_event_record(by=by, action="user.password_change", obj=by)


@transaction.atomic
def user_password_reset(*, by: User, user: User, temporary_password: str) -> None:
    """An administrator gives a user a temporary password; the user must change it before
    anything else. Failed-login delays for the account are lifted."""
    if not by.has_perm("accounts.manage_users"):
        raise PermissionDenied
    from axes.utils import reset

    user.set_password(temporary_password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    reset(username=user.username)
    audit_event_record(by=by, action="user.password_reset", obj=user)


@transaction.atomic
def user_unlock(*, by: User, user: User) -> None:
    """Lift a lock-out after failed logins (django-axes)."""
    if not by.has_perm("accounts.manage_users"):
        raise PermissionDenied
    from axes.utils import reset

    reset(username=user.username)
    audit_event_record(by=by, action="user.unlock", obj=user)
