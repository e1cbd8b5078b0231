"""The moment the test suite runs at when SIKKERBY_TEST_TODAY sets it: a day ("2026-12-31",
at 10:00) or a local time ("2027-01-01T00:30"), in Copenhagen. Read by the suite's clock
fixture and by the test login provider, which must keep the same clock."""

from datetime import datetime
from zoneinfo import ZoneInfo


def suite_moment(text: str) -> datetime:
    local = datetime.fromisoformat(text if "T" in text else f"{text}T10:00")
    return local.replace(tzinfo=ZoneInfo("Europe/Copenhagen"))
