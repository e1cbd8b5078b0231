"""Changes to accounts that must be audited: API tokens and two-factor devices."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import (
    ApiToken,
    Department,
    RoleAssignment,
    SingleSignOnGroup,
    Unit,
    User,
)
from accounts.roles import Role
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


def _mapped(groups: list[str]) -> tuple[list[str], Department | None, Unit | None]:
    """Roles, department and unit of the single sign-on groups that are mapped."""
    mappings = list(
        SingleSignOnGroup.objects.filter(claim_value__in=groups).select_related("department")
    )
    roles = sorted({role for m in mappings for role in m.roles if role in Role.values})
    department = next((m.department for m in mappings if m.department_id), None)
    unit = next((m.unit for m in mappings if m.unit_id), None)
    return roles, department, unit


def _username_for(claims: dict) -> str:
    wanted = (claims.get("preferred_username") or claims.get("email") or claims["sub"])[:140]
    username, number = wanted, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{wanted}-{number}"
    return username


@transaction.atomic
def user_from_single_sign_on_create(*, claims: dict, groups: list[str]) -> User:
    """A first login by single sign-on: a user matched on `sub` from now on, named from the
    claims, with the mapped groups' department, unit and roles (none if none is mapped)."""
    roles, department, unit = _mapped(groups)
    user = User(
        username=_username_for(claims),
        first_name=(claims.get("given_name") or claims.get("name") or "")[:150],
        last_name=(claims.get("family_name") or "")[:150],
        email=(claims.get("email") or "")[:254],
        oidc_subject=claims["sub"],
        department=department,
        unit=unit,
    )
    user.set_unusable_password()
    user.save()
    _set_roles(user, roles)
    audit_event_record(
        by=user,
        action="user.create_from_single_sign_on",
        obj=user,
        changes={"groups": [None, groups], "roles": [None, roles]},
    )
    return user


@transaction.atomic
def user_from_single_sign_on_update(*, user: User, claims: dict, groups: list[str]) -> User:
    """Every login by single sign-on brings the claims' name and e-mail and the mapped roles;
    a change is audited."""
    roles, department, unit = _mapped(groups)
    before, roles_before = snapshot(user, USER_FIELDS), _roles_of(user)
    user.first_name = (claims.get("given_name") or user.first_name)[:150]
    user.last_name = (claims.get("family_name") or user.last_name)[:150]
    user.email = (claims.get("email") or user.email)[:254]
    user.department, user.unit = department or user.department, unit or user.unit
    user.save()
    _set_roles(user, roles)
    changes = diff(before, snapshot(user, USER_FIELDS))
    if roles != roles_before:
        changes["roles"] = [roles_before, roles]
    if changes:
        audit_event_record(
            by=user, action="user.update_from_single_sign_on", obj=user, changes=changes
        )
    return user


@transaction.atomic
def single_sign_on_group_save(
    *, by: User, claim_value: str, department, unit, roles: list[str]
) -> SingleSignOnGroup:
    if not by.has_perm("accounts.manage_users"):
        raise PermissionDenied
    group, created = SingleSignOnGroup.objects.update_or_create(
        claim_value=claim_value.strip(),
        defaults={"department": department, "unit": unit, "roles": sorted(roles)},
    )
    audit_event_record(
        by=by,
        action="single_sign_on_group.save",
        obj=group,
        changes={
            "department": [None, str(department or "")],
            "unit": [None, str(unit or "")],
            "roles": [None, sorted(roles)],
        },
    )
    return group


@transaction.atomic
def single_sign_on_group_delete(*, by: User, group: SingleSignOnGroup) -> None:
    if not by.has_perm("accounts.manage_users"):
        raise PermissionDenied
    audit_event_record(by=by, action="single_sign_on_group.delete", obj=group)
    group.delete()


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
