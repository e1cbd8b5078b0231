"""Every page needs a login, and administrators need a verified second factor."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

PUBLIC_PREFIXES = (
    "/konto/log-ind/",
    "/oidc/",  # the single sign-on's way in and its callback
    "/static/",
    "/api/",
    "/sundhed/",
    "/i18n/",
    "/robots.txt",
    "/favicon.ico",
)
TWO_FACTOR_PREFIXES = ("/konto/to-faktor/", "/konto/log-ud/", "/static/", "/i18n/")


class RequireLoginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not request.path.startswith(PUBLIC_PREFIXES):
            return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")
        return self.get_response(request)


class RequireAdministratorTwoFactorMiddleware:
    """An administrator's (or the data-protection officer's) session is only usable after a
    TOTP code (django-otp) was verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.needs_second_factor()
            and not user.is_verified()
            and not request.path.startswith(TWO_FACTOR_PREFIXES)
            and not request.path.startswith("/api/")
        ):
            return redirect("accounts:two_factor")
        return self.get_response(request)


AUTHENTICATED_AT = "authenticated_at"


class SessionLifetimeMiddleware:
    """A session ends SESSION_ABSOLUTE_SECONDS (12 hours) after login, however active it is
    (the idle limit alone would let a session live for ever)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.setdefault(AUTHENTICATED_AT, int(time.time()))
            if time.time() - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(
                    request, _("Du er logget ud, fordi det er 12 timer siden, du loggede ind.")
                )
                return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")
        return self.get_response(request)


PASSWORD_CHANGE_PREFIXES = ("/konto/adgangskode/", "/konto/log-ud/", "/static/", "/i18n/")


class RequirePasswordChangeMiddleware:
    """After an administrator's reset, the temporary password opens only the page where the
    user chooses their own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.must_change_password
            and not request.path.startswith(PASSWORD_CHANGE_PREFIXES)
        ):
            return redirect("accounts:password_change")
        return self.get_response(request)
