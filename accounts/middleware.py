"""Every page needs a login, and administrators need a verified second factor."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

PUBLIC_PREFIXES = (
    "/konto/log-ind/",
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
