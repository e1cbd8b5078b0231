"""Users, the departments and units they belong to, their roles, and personal API tokens."""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import SECOND_FACTOR_ROLES, Role


class Department(models.Model):
    """A municipal department (forvaltning) such as BIF, or an external partner such as the police."""

    code = models.CharField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    is_external = models.BooleanField(_("ekstern samarbejdspartner"), default=False)

    class Meta:
        ordering = ["is_external", "code"]
        verbose_name = _("forvaltning")
        verbose_name_plural = _("forvaltninger")

    def __str__(self) -> str:
        return self.code


class Unit(models.Model):
    """A unit inside a department that anchors (forankrer) work, e.g. 'Jobcenter København – Unge / Krimiteamet'."""

    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="units")
    name = models.CharField(_("navn"), max_length=200)

    class Meta:
        ordering = ["department__code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "name"], name="unit_unique_per_department"
            )
        ]
        verbose_name = _("enhed")
        verbose_name_plural = _("enheder")

    def __str__(self) -> str:
        return f"{self.department.code}: {self.name}"


class User(AbstractUser):
    # Set when an administrator gives the user a temporary password: nothing else can be
    # done until the user has chosen one of their own (accounts.middleware).
    must_change_password = models.BooleanField(_("skal skifte adgangskode"), default=False)
    # The OpenID Connect subject (`sub`) this account is matched on, when it logs in by the
    # municipality's single sign-on: stable, unlike a name or an e-mail address.
    oidc_subject = models.CharField(
        _("fælles login-id"), max_length=255, unique=True, null=True, blank=True, editable=False
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )

    class Meta:
        ordering = ["username"]
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    _roles_cache: frozenset[str] | None = None

    @property
    def roles(self) -> frozenset[str]:
        """The user's roles, read once per request object."""
        if self._roles_cache is None:
            self._roles_cache = frozenset(self.role_assignments.values_list("role", flat=True))
        return self._roles_cache

    def has_role(self, role: str) -> bool:
        return self.is_active and role in self.roles

    def needs_second_factor(self) -> bool:
        return bool(self.roles & SECOND_FACTOR_ROLES) and self.is_active

    def role_labels(self) -> list[str]:
        return [str(Role(r).label) for r in sorted(self.roles)]


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("rolle"), max_length=40, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="role_once_per_user")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"


class SingleSignOnGroup(models.Model):
    """A group in the municipality's single sign-on (a value of the groups claim) mapped to a
    department, a unit and roles, maintained by administrators. A user who logs in by single
    sign-on gets the roles of their mapped groups at every login, and none until a group of
    theirs is mapped."""

    claim_value = models.CharField(_("gruppe i det fælles login"), max_length=255, unique=True)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("forvaltning")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("enhed")
    )
    roles = models.JSONField(_("roller"), default=list, blank=True)

    class Meta:
        ordering = ["claim_value"]
        verbose_name = _("gruppe i det fælles login")

    def __str__(self) -> str:
        return self.claim_value

    def role_labels(self) -> list[str]:
        return [str(Role(r).label) for r in self.roles if r in Role.values]


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


def api_token_expiry() -> "datetime":
    from django.conf import settings

    return timezone.now() + timedelta(days=settings.API_TOKEN_DAYS)


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 hash is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("navn"), max_length=100)
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # A token expires (API_TOKEN_DAYS, default 90) like a password would: a forgotten script's
    # token stops working instead of staying a key to person data for ever.
    expires_at = models.DateTimeField(default=api_token_expiry)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def has_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def generate() -> str:
        return "sb_" + secrets.token_urlsafe(32)
