"""Where a `next` parameter may send the user: only to a path on this site (an open redirect
after two-factor or a task would send a logged-in caseworker to a look-alike page)."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def local_path_or(request: HttpRequest, candidate: str | None, fallback: str) -> str:
    """`candidate` if it is a path on this site, else `fallback`."""
    if (
        candidate
        and candidate.startswith("/")
        and not candidate.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return fallback
