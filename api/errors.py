"""The API's one error shape, for every refusal: `{"detail": "...", "errors": [{"field": ...,
"message": ...}]}`, documented on every operation for each status it can answer with. The
messages are Danish (or English, as chosen), never a stack trace."""

from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as RequestInvalid

from sikkerby.refusals import NON_FIELD, refusal_by_field
from sikkerby.versioning import EditConflict


class FieldError(Schema):
    field: str  # the parameter or body field ("" for the request as a whole)
    message: str


class Error(Schema):
    detail: str
    errors: list[FieldError] = []


# What every operation may answer besides its success (a reader, a wrong id, bad input).
ERRORS: dict[int, type[Schema]] = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error}
CHANGE_ERRORS: dict[int, type[Schema]] = {**ERRORS, 409: Error}


def _error(api: NinjaAPI, request, status: int, detail: str, errors=()):
    return api.create_response(
        request, {"detail": detail, "errors": [dict(e) for e in errors]}, status=status
    )


def _request_invalid(api, request, exc: RequestInvalid):
    errors = [
        {
            "field": ".".join(str(part) for part in error.get("loc", ())[1:]),
            "message": str(error.get("msg", "")),
        }
        for error in exc.errors
    ]
    return _error(api, request, 422, _("Forespørgslen er ikke gyldig."), errors)


def _refused(api, request, exc: ValidationError):
    by_field = refusal_by_field(exc)
    errors = [
        {"field": "" if field == NON_FIELD else field, "message": message}
        for field, messages in by_field.items()
        for message in messages
    ]
    return _error(api, request, 422, " ".join(e["message"] for e in errors), errors)


def error_handlers_register(api: NinjaAPI) -> None:
    handlers = {
        RequestInvalid: lambda request, exc: _request_invalid(api, request, exc),
        ValidationError: lambda request, exc: _refused(api, request, exc),
        Http404: lambda request, exc: _error(
            api, request, 404, _("Findes ikke, eller du har ikke adgang til det.")
        ),
        PermissionDenied: lambda request, exc: _error(
            api, request, 403, _("Du har ikke adgang til at gøre dette.")
        ),
        EditConflict: lambda request, exc: _error(
            api,
            request,
            409,
            _("En anden har gemt posten efter den version, du sendte. Hent den igen."),
        ),
        RequestDataTooBig: lambda request, exc: _error(
            api, request, 400, _("Forespørgslen er for stor.")
        ),
        HttpError: lambda request, exc: _error(
            api,
            request,
            exc.status_code,
            _("Log ind med en API-nøgle (Authorization: Bearer ...).")
            if exc.status_code == 401
            else str(exc),
        ),
    }
    for kind, handler in handlers.items():
        api.add_exception_handler(kind, handler)
