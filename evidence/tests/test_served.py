"""Which card a user gets: the one computed on the records as they are; after a change, the
last one, marked as such, while the worker computes the new one; a card never computed is
computed at once."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from evidence.served import evidence_card
from evidence.tasks import evidence_card_refresh_task
from initiatives.models import Initiative
from outcomes.models import StatusObservation
from outcomes.tests.conftest import cohort  # noqa: F401 (a fixture)


def _refreshes_asked() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="evidence_card_refresh_task").count()


def _a_status_recorded(member) -> None:
    StatusObservation.objects.create(
        person=member.person,
        observed_on=member.started_on + timedelta(days=91),
        status="job",
        source="job_centre",
    )


def test_a_card_is_computed_once_for_each_version_of_the_records(cohort):  # noqa: F811
    initiative = Initiative.objects.get(slug="fremskudt-norrebro")
    today = timezone.localdate()
    first = evidence_card(initiative, as_of=today, final=False)
    again = evidence_card(initiative, as_of=today, final=False)
    assert first.current and again.current
    assert again.computed_at == first.computed_at
    assert _refreshes_asked() == 0


def test_after_a_change_the_last_card_is_served_marked_while_the_worker_computes_the_new_one(
    cohort,  # noqa: F811
):
    initiative = Initiative.objects.get(slug="fremskudt-norrebro")
    today = timezone.localdate()
    before = evidence_card(initiative, as_of=today, final=False)
    _a_status_recorded(cohort[0])

    served = evidence_card(initiative, as_of=today, final=False)
    assert not served.current
    assert served.computed_at == before.computed_at
    evidence_card(initiative, as_of=today, final=False)
    assert _refreshes_asked() == 1  # asked once, however many look meanwhile

    # What the worker runs (its command closes the database connection, which a test on
    # PostgreSQL cannot have closed under it).
    for queued in DBTaskResult.objects.filter(status="READY"):
        evidence_card_refresh_task.call(*queued.args_kwargs["args"])
    fresh = evidence_card(initiative, as_of=today, final=False)
    assert fresh.current
    assert fresh.computed_at > before.computed_at


def test_the_page_says_when_its_figures_are_from_before_the_latest_records(
    client,
    ssp_consultant,
    cohort,  # noqa: F811
):
    client.force_login(ssp_consultant)
    page = reverse("evidence:card", kwargs={"slug": "fremskudt-norrebro"})
    assert "Et nyt kort beregnes nu" not in client.get(page).content.decode()
    _a_status_recorded(cohort[1])
    assert "Et nyt kort beregnes nu" in client.get(page).content.decode()


def test_the_api_says_whether_the_card_is_computed_on_the_latest_records(
    client,
    ssp_consultant,
    cohort,  # noqa: F811
):
    client.force_login(ssp_consultant)
    url = "/api/v1/initiatives/fremskudt-norrebro/evidence"
    assert client.get(url).json()["current"] is True
    _a_status_recorded(cohort[2])
    assert client.get(url).json()["current"] is False


def test_the_records_version_changes_when_a_status_comes_and_when_its_person_is_erased(
    cohort,  # noqa: F811
):
    from evidence.records import records_version

    before = records_version()
    _a_status_recorded(cohort[3])
    with_status = records_version()
    assert with_status != before
    person = cohort[3].person
    person.participations.all().delete()
    person.ssp_cases.all().delete()
    person.delete()  # the purge's erasure takes the person's statuses with it
    assert records_version() not in (before, with_status)
