"""schemathesis over every API operation, with the cast's own tokens: whatever it sends
(odd characters, NUL bytes, huge numbers, missing and null fields), the API never answers
with a server error and every answer keeps to the API's own schema. A request the schema
allows may still be refused for what it means (an unknown department, a last year before the
first): that is answered with 422 and the documented error body, so schemathesis' check that
every schema-valid request is accepted is left out."""

import hypothesis
import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from schemathesis.specs.openapi.checks import positive_data_acceptance

from accounts.actions import api_token_create

EXAMPLES = 25
FUZZED_AS = ["ssp_consultant", "bif_owner", "committee_reader", "administrator"]


@pytest.fixture
def connection_kept_open():
    """Requests sent straight to the WSGI app would close the test's database connection at
    their end, as Django's test client keeps them from doing."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_api_never_fails_and_keeps_to_its_schema(level_3_case, all_roles, connection_kept_open):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    tokens = [api_token_create(by=all_roles[name], name="fuzz")[1] for name in FUZZED_AS]
    failures: set[str] = set()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        _fuzzer(operation.label, operation.as_strategy(), tokens, failures)()
    print("\n".join(sorted(failures)))
    assert sorted(failures) == []


def _fuzzer(label: str, strategy, tokens: list[str], failures: set[str]):
    """One operation's property test: each generated request, sent as each role."""

    @hypothesis.given(case=strategy)
    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def fuzz(case):
        for token in tokens:
            try:
                case.call_and_validate(
                    headers={"Authorization": f"Bearer {token}"},
                    excluded_checks=[positive_data_acceptance],
                )
            except (Exception, BaseExceptionGroup) as error:  # list every kind of failure
                failures.update(f"{label}: {kind}" for kind in _kinds(error))
                return

    return fuzz


def _kinds(error: BaseException) -> list[str]:
    """Each distinct failure schemathesis reports, by its title and the status it got."""
    found = []
    for part in getattr(error, "exceptions", [error]):
        title = getattr(part, "title", type(part).__name__)
        status = getattr(part, "status_code", None) or getattr(
            getattr(part, "response", None), "status_code", ""
        )
        found.append(f"{title} {status}".strip())
    return found
