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
