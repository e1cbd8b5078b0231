"""API authentication: a personal token (Authorization: Bearer sb_...) or the browser session.

Both give exactly the user's own permissions; the same rules as the UI decide.
"""

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from accounts.models import ApiToken


class PersonalTokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        found = (
            ApiToken.objects.active()
            .select_related("user")
            .filter(token_hash=ApiToken.hash(token))
            .first()
        )
        if found is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


class VerifiedSessionAuth(SessionAuth):
    """The browser session, with the administrators' second factor required as in the UI."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user and user.needs_second_factor() and not user.is_verified():
            return None
        return user
