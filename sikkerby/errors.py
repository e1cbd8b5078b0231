"""The page for an error nobody foresaw. One foreseen kind is not an error of the app:
SQLite lets one writer at a time, and should a write still wait longer than the busy timeout
(a large import moving its rows in), the user is told to try again (503), not shown a
server error. Django calls this inside its exception handler, so the exception is known."""

import sys

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader


def server_error(request: HttpRequest) -> HttpResponse:
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError) and "locked" in str(error):
        response = HttpResponse(loader.render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = "5"
        return response
    return HttpResponse(loader.render_to_string("500.html", request=request), status=500)
