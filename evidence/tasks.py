"""Background tasks of the evidence part (run by `sikkerby db_worker`)."""

from datetime import date

from django.tasks import task

from evidence.card import evidence_card_store
from evidence.records import person_records_of, records_version
from initiatives.models import Initiative


@task()
def evidence_card_refresh_task(initiative_id: int, as_of: str) -> str:
    """Compute a card on the records as they are now; the version it was computed on."""
    initiative = Initiative.objects.filter(pk=initiative_id).first()
    if initiative is None:  # removed since it was asked for
        return ""
    version = records_version()
    evidence_card_store(
        initiative,
        as_of=date.fromisoformat(as_of),
        version=version,
        records=person_records_of(version),
    )
    return version
