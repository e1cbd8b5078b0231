"""Danish first: the interface is Danish unless the user has chosen another language with the
language switch (a cookie). The browser's Accept-Language is ignored on purpose, so a
caseworker with an English browser still sees the Danish terms the municipality uses."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def rounded_number(value, decimals: int, *, force_grouping: bool = False) -> str:
    """`value` rounded half away from zero to `decimals` places, in the active language's
    format. Django's number_format cuts a float's extra decimals off (11.99 → "11"), so every
    figure is rounded here first."""
    from decimal import ROUND_HALF_UP, Decimal

    from django.utils.formats import number_format

    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return number_format(exact, decimals, force_grouping=force_grouping)
