"""Responses with personal data are never stored by a browser or a proxy cache."""


class PrivateResponsesMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in user and on every API answer
    (a shared computer's back button, or a caching proxy, must not show a child's case)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        if (signed_in or request.path.startswith("/api/")) and not request.path.startswith(
            "/static/"
        ):
            response["Cache-Control"] = "no-store"
        return response


class UploadSizeMiddleware:
    """An upload larger than IMPORT_MAX_UPLOAD_MB is refused with a message before it is read
    (a 50 MB file used to be received and stored whole). Each import's own, smaller limit is
    checked by its form (imports.forms.UploadForm)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.shortcuts import render

        limit = settings.IMPORT_MAX_UPLOAD_MB
        length = request.META.get("CONTENT_LENGTH") or "0"
        if (
            request.method == "POST"
            and request.content_type == "multipart/form-data"
            and length.isdecimal()
            and int(length) > limit * 1024 * 1024
        ):
            return render(request, "413.html", {"limit": limit}, status=413)
        return self.get_response(request)


class RefuseNulCharactersMiddleware:
    """A NUL character in a URL, a query or a JSON body is never valid input, and PostgreSQL
    cannot store one (it answered with a server error): refused with a message (400). Form
    fields refuse it themselves (Django's CharField); uploaded files may contain it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import HttpResponseBadRequest, JsonResponse
        from django.utils.translation import gettext as _

        raw_query = request.META.get("QUERY_STRING", "")
        body_has_nul = request.content_type == "application/json" and (
            b"\\u0000" in request.body or b"\x00" in request.body
        )
        if "\x00" in request.path or "%00" in raw_query or "\x00" in raw_query or body_has_nul:
            message = _("Forespørgslen indeholder et ugyldigt tegn (NUL).")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message, "errors": []}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)
