"""Each policy goal has a page: its text and source, the initiatives that contribute, the
criteria that measure it with the scorecard's own figures, a verdict with its reasoning, and
the departments' assessments, which are audited and frozen when reported."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from areas.demo import demo_areas_create
from audit.models import AuditEvent
from initiatives.models import Initiative, PolicyGoal, SuccessCriterion
from outcomes.scorecard import final_card
from policy_goals.attainment import GoalVerdict, goal_attainment
from policy_goals.models import GoalAssessment

TODAY = date(2026, 12, 3)


@pytest.fixture
def housing_figures(catalogue):
    demo_areas_create()


def _figures(card) -> list[tuple]:
    return [(r.label, r.value, r.verdict) for r in card.results]


def test_goals_a_and_b_show_the_figures_of_the_criteria_that_measure_them(
    housing_figures, committee_reader
):
    for code in ("a", "b"):
        goal = PolicyGoal.objects.get(code=code)
        attainment = goal_attainment(committee_reader, goal, TODAY)
        criterion = SuccessCriterion.objects.get(measures_goal=goal)
        assert [row.criterion for row in attainment.criteria] == [criterion]
        assert _figures(attainment.criteria[0].card) == _figures(final_card(criterion, TODAY))
        assert attainment.verdict in (GoalVerdict.MET, GoalVerdict.NOT_MET)
        assert Initiative.objects.get(slug="udlejningsmodeller") in attainment.initiatives


def test_a_goal_without_a_measuring_criterion_says_it_is_not_measured(committee_reader):
    attainment = goal_attainment(committee_reader, PolicyGoal.objects.get(code="c"), TODAY)
    assert attainment.verdict == GoalVerdict.NOT_MEASURED
    assert len(attainment.initiatives) >= 11


def test_before_its_deadline_a_goal_is_judged_on_track_or_not_by_the_latest_figures(
    housing_figures, committee_reader
):
    from outcomes.measures import Verdict
    from outcomes.scorecard import criterion_card

    criterion = SuccessCriterion.objects.get(measures_goal__code="b")
    criterion.period_end = None
    latest = [
        r
        for r in criterion_card(criterion, TODAY).results
        if r.verdict in (Verdict.MET, Verdict.NOT_MET)
    ]
    criterion.period_end = date(2030, 12, 31)
    criterion.save()
    ahead = goal_attainment(committee_reader, criterion.measures_goal, TODAY).criteria[0]
    expected = (
        GoalVerdict.ON_TRACK if latest[-1].verdict == Verdict.MET else GoalVerdict.NOT_ON_TRACK
    )
    assert ahead.verdict == expected
    assert "31.12.2030" in ahead.reason and latest[-1].label in ahead.reason


def test_a_department_writes_and_reports_its_assessment_which_is_then_frozen(
    client, housing_figures, sof_owner
):
    client.force_login(sof_owner)
    page = reverse("policy_goals:goal", args=["b"])
    with time_machine.travel(TODAY):
        client.post(page, {"text": "Realistisk, hvis udlejningsaftalen fortsætter."})
    draft = GoalAssessment.objects.get(goal__code="b")
    assert draft.department.code == "SOF" and not draft.is_reported
    with time_machine.travel(TODAY):
        client.post(reverse("policy_goals:report", args=["b", draft.pk]))
    draft.refresh_from_db()
    assert draft.is_reported and draft.frozen["verdict"] in ("met", "not_met")
    frozen = draft.frozen
    assert AuditEvent.objects.filter(action="goal_assessment.write").count() == 1
    assert AuditEvent.objects.filter(action="goal_assessment.report").count() == 1

    # A changed criterion changes the live verdict, never what was reported.
    SuccessCriterion.objects.filter(measures_goal__code="b").update(target_value=99)
    assert GoalAssessment.objects.get(pk=draft.pk).frozen == frozen
    # Writing again starts a new draft; the reported one stays as it was.
    with time_machine.travel(TODAY):
        client.post(page, {"text": "Ny vurdering."})
        again = client.post(reverse("policy_goals:report", args=["b", draft.pk]), follow=True)
    assert GoalAssessment.objects.filter(goal__code="b").count() == 2
    assert "allerede indberettet" in again.content.decode()


def test_a_reader_sees_reported_assessments_but_no_draft_and_cannot_write(
    client, housing_figures, sof_owner, committee_reader
):
    from policy_goals.actions import goal_assessment_write

    goal = PolicyGoal.objects.get(code="b")
    goal_assessment_write(by=sof_owner, goal=goal, text="Udkast, ikke til andre")
    client.force_login(committee_reader)
    page = client.get(reverse("policy_goals:goal", args=["b"])).content.decode()
    assert "Udkast, ikke til andre" not in page
    assert 'name="text"' not in page
    assert client.post(reverse("policy_goals:goal", args=["b"]), {"text": "x"}).status_code == 403


def test_an_owner_of_another_department_cannot_assess_a_goal_it_does_not_serve(
    client, housing_figures, bif_owner
):
    goal = PolicyGoal.objects.get(code="a")
    assert not goal.initiatives.filter(owning_departments__code="BIF").exists()
    client.force_login(bif_owner)
    assert client.post(reverse("policy_goals:goal", args=["a"]), {"text": "x"}).status_code == 403
    assert not GoalAssessment.objects.exists()


def test_an_empty_assessment_is_refused_with_a_message(client, housing_figures, sof_owner):
    client.force_login(sof_owner)
    response = client.post(reverse("policy_goals:goal", args=["b"]), {"text": "   "})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dette felt er påkrævet" in body
    assert not GoalAssessment.objects.exists()


def test_the_goal_list_and_the_api_give_the_same_verdict(client, housing_figures, analyst):
    client.force_login(analyst)
    listing = client.get(reverse("policy_goals:list")).content.decode()
    api = client.get("/api/v1/policy-goals/b").json()
    attainment = goal_attainment(analyst, PolicyGoal.objects.get(code="b"), date.today())
    assert api["verdict"] == attainment.verdict
    assert attainment.verdict_label in listing
    assert api["criteria"][0]["figures"]
    assert client.get("/api/v1/policy-goals/x").status_code == 404


def test_writing_again_changes_the_departments_one_draft(housing_figures, sof_owner):
    from policy_goals.actions import goal_assessment_write

    goal = PolicyGoal.objects.get(code="b")
    first = goal_assessment_write(by=sof_owner, goal=goal, text="Første udkast")
    second = goal_assessment_write(by=sof_owner, goal=goal, text="Andet udkast")
    assert first.pk == second.pk and GoalAssessment.objects.get().text == "Andet udkast"
    changes = [
        e.changes["text"]
        for e in AuditEvent.objects.filter(action="goal_assessment.write").order_by("pk")
    ]
    assert changes == [[None, "Første udkast"], ["Første udkast", "Andet udkast"]]
