"""The demo generator makes a clearly synthetic population that exercises every part of cases:
all four levels with histories, open and overdue tasks, SSP+ plans, referrals in every state
and 20 intervention families (10 Nørrebro, 10 Tingbjerg) in different phases."""

from datetime import date

import pytest

from cases.demo_population import demo_population_create
from cases.models import InterventionCourse, LevelChange, Referral, SspCase, SspPlusPlan, Task
from people.cpr import could_have_been_issued, cpr_parse
from people.models import Person

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo_staff(all_roles, settings):
    """The demo generator builds on the demo logins' usernames."""
    from accounts.demo import demo_users_create

    settings.DEBUG = True
    demo_users_create()


def test_every_demo_person_is_flagged_and_has_a_cpr_number_never_issued(demo_staff):
    demo_population_create(young_people=200, today=TODAY)
    persons = list(Person.objects.all())
    assert len(persons) > 400
    assert all(p.is_synthetic for p in persons)
    for person in persons:
        assert cpr_parse(person.cpr).birth_date == person.birth_date
        assert not could_have_been_issued(person.cpr)


def test_the_cases_cover_all_levels_with_histories_tasks_plans_and_referrals(demo_staff):
    made = demo_population_create(young_people=200, today=TODAY)
    assert set(SspCase.objects.values_list("level", flat=True)) == {1, 2, 3, 4}
    assert made.cases_by_level[1] > made.cases_by_level[4]  # worrying behaviour is commonest
    raised = LevelChange.objects.filter(from_level__isnull=False)
    assert raised.exists() and all(c.to_level > c.from_level for c in raised)
    assert SspCase.objects.filter(closed_at__isnull=False).exists()
    assert (
        Task.objects.overdue(TODAY).exists()
        and Task.objects.open().filter(due_date__gte=TODAY).exists()
    )
    assert SspPlusPlan.objects.exists()
    assert {r.status for r in Referral.objects.all()} >= {"sent", "accepted", "declined"}
    for case in SspCase.objects.all():
        case.full_clean()  # the legal basis, level and necessity rules hold for every row


def test_twenty_intervention_families_ten_per_district_in_different_phases(demo_staff):
    demo_population_create(young_people=200, today=TODAY)
    courses = InterventionCourse.objects.all()
    assert set(courses.values_list("district", flat=True)) == {"broenshoej-husum", "noerrebro"}
    assert courses.filter(district="noerrebro").count() == 10
    assert set(courses.values_list("phase", flat=True)) == {
        "intensive",
        "phase_out",
        "aftercare",
        "ended",
    }
    departments = {
        m.user.department.code for c in courses for m in c.team.select_related("user__department")
    }
    assert departments >= {"BIF", "BUF", "SOF"}


def test_it_runs_once_and_only_with_debug(demo_staff, settings):
    demo_population_create(young_people=20, today=TODAY)
    with pytest.raises(RuntimeError, match="findes allerede"):
        demo_population_create(young_people=20, today=TODAY)
    settings.DEBUG = False
    with pytest.raises(RuntimeError, match="DEBUG"):
        demo_population_create(young_people=20, today=TODAY)
