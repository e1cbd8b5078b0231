"""Logging in by the municipality's single sign-on (OpenID Connect, mozilla-django-oidc).

A user is matched on the provider's stable subject (`sub`), never on an e-mail address or a
name; a new subject creates a user with name and e-mail from the claims. Department, unit and
roles come from the groups claim, through the mapping administrators maintain
(SingleSignOnGroup): no roles until a group is mapped. Creation and every change of roles
from the claims are audited (accounts.actions). Decision record 0009."""

import logging

import jwt
import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from accounts.actions import user_from_single_sign_on_create, user_from_single_sign_on_update
from accounts.models import User

# The claims a login needs; without them the user is told what is missing (the login page).
REQUIRED_CLAIMS = ("sub",)

# Why the last login by single sign-on failed, for the login page (kept in the session).
FAILURE_SESSION_KEY = "single_sign_on_failure"
FAILURE_TOKEN = "token"  # the provider's answer was expired, not yet valid or not signed right
FAILURE_PROVIDER = "provider"  # the provider could not be reached or answered with an error

LOGGER = logging.getLogger(__name__)


def single_sign_on_enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


def groups_of(claims: dict) -> list[str]:
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    if isinstance(groups, str):
        groups = [groups]
    return [str(g) for g in groups if str(g).strip()]


class MunicipalSingleSignOnBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, matching on `sub` and mapping groups to roles. Inert
    (and configuration-free) until OIDC_RP_CLIENT_ID is set."""

    def __init__(self, *args, **kwargs):
        self.UserModel = User  # a session made by this backend still finds its user
        if single_sign_on_enabled():
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        """A login the provider's answer does not support is refused with the reason, never
        an error page: an expired or badly signed ID token (a provider whose clock is off),
        or a provider that cannot be reached."""
        if not single_sign_on_enabled():
            return None
        try:
            return super().authenticate(request, **kwargs)
        except jwt.InvalidTokenError as exc:
            return self._refused(request, FAILURE_TOKEN, exc)
        except requests.RequestException as exc:
            return self._refused(request, FAILURE_PROVIDER, exc)

    @staticmethod
    def _refused(request, reason: str, exc: Exception) -> None:
        LOGGER.warning("single sign-on refused (%s): %s", reason, exc)
        if request is not None and hasattr(request, "session"):
            request.session[FAILURE_SESSION_KEY] = reason
        return None

    def verify_claims(self, claims) -> bool:
        return all(claims.get(name) for name in REQUIRED_CLAIMS)

    def filter_users_by_claims(self, claims):
        return User.objects.filter(oidc_subject=claims["sub"])

    def create_user(self, claims) -> User:
        return user_from_single_sign_on_create(claims=claims, groups=groups_of(claims))

    def update_user(self, user: User, claims) -> User:
        if not user.is_active:
            raise SuspiciousOperation("The account is deactivated")
        return user_from_single_sign_on_update(user=user, claims=claims, groups=groups_of(claims))

    def get_userinfo(self, access_token, id_token, payload):
        """The userinfo endpoint's claims, with the ID token's `sub` where it gives none."""
        claims = super().get_userinfo(access_token, id_token, payload)
        claims.setdefault("sub", payload.get("sub"))
        return claims
