"""Read-only roles write nothing (found by attack: a read-only department leader could add
progress notes). Every form the writing roles are shown, anywhere in the app, is posted by
each read-only role, with the values the form was shown with: each is refused, never a
server error, and no audit event is written except those a reader may cause (their own API
tokens, two-factor, a logged emergency access)."""

import pytest

from accounts.models import User
from audit.models import AuditEvent
from conftest import client_for

READERS = ["udvalg", "leder.sof", "dpo", "analytiker"]
# What a reader may cause: self-service on their own account and a logged emergency access.
READERS_MAY = ("api_token.", "two_factor.", "emergency_access.", "user.password")
# The analyst keeps the aggregate figures (survey waves, reports, hotspots): never a person.
ANALYST_MAY = (*READERS_MAY, "troubled_areas.", "hotspot.", "acute_incident.", "area")


@pytest.mark.parametrize("username", READERS)
def test_a_read_only_role_posting_every_form_writes_nothing(
    everything_writers_are_offered, username
):
    user = User.objects.get(username=username)
    client = client_for(user)
    may = ANALYST_MAY if username == "analytiker" else READERS_MAY
    written = []
    for form in everything_writers_are_offered:
        last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        response = client.post(form.action, form.fields)
        assert response.status_code < 500, (form.action, response.status_code)
        for event in AuditEvent.objects.filter(id__gt=last):
            # A logged emergency access names its person; any other event must be one the
            # role may cause, about no person.
            allowed = event.action.startswith("emergency_access.") or (
                event.action.startswith(may) and event.subject_person_id is None
            )
            if not allowed:
                written.append((form.action, event.action))
    print(f"{username}: {len(everything_writers_are_offered)} forms posted, {len(written)} writes")
    assert written == []
