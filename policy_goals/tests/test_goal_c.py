"""Goal c: the aggregate register table is imported atomically (Danish Excel CSV, line-numbered
refusals), and the page compares the origins crude and standardised on social background,
with no cell under 5 shown or weighed."""

from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from imports.files import ImportRejected
from initiatives.models import PolicyGoal
from policy_goals.attainment import GoalVerdict, goal_attainment
from policy_goals.crime_table import Level, crime_comparison, crime_table_import
from policy_goals.demo import DEMO_FILENAME, PLANTED_RATIO, demo_crime_table_csv
from policy_goals.models import CrimeFrequencyCell


def _csv(*rows: str) -> bytes:
    header = "år;herkomst;social baggrund;personer;sigtelser;domme;frafaldne sigtelser"
    return "\r\n".join([header, *rows]).encode("cp1252")


@pytest.fixture
def goal_c(catalogue):
    return PolicyGoal.objects.get(code="c")


@pytest.fixture
def demo_table(goal_c, analyst):
    crime_table_import(by=analyst, goal=goal_c, filename=DEMO_FILENAME, data=demo_crime_table_csv())


def test_the_demo_recovers_its_planted_standardised_ratios_not_the_crude_ones(goal_c, demo_table):
    for year, planted in PLANTED_RATIO.items():
        comparison = crime_comparison(goal_c, year)
        ratio = comparison.standardised_ratio
        assert ratio.low <= planted <= ratio.high
        assert ratio.ratio == pytest.approx(planted, abs=0.03)
        assert comparison.crude_ratio.ratio > 1.3  # the social distribution at work
    assert crime_comparison(goal_c, 2010).level == Level.AT_LEVEL
    assert crime_comparison(goal_c, 2009).level == Level.UNDECIDED  # 1.05-1.36: too wide
    assert crime_comparison(goal_c, 2008).level == Level.ABOVE


def test_a_stratum_with_a_count_under_5_is_merged_so_no_such_cell_is_shown_or_weighed(
    goal_c, demo_table
):
    comparison = crime_comparison(goal_c, 2010)
    assert comparison.merged
    assert comparison.strata[-1].label == (
        "Forældre: videregående uddannelse, lav indkomst + "
        "Forældre: videregående uddannelse, høj indkomst"
    )
    for stratum in comparison.strata:
        for cell in (stratum.immigrant, stratum.danish):
            assert not 0 < cell.events < 5 and not 0 < cell.persons < 5


def test_the_goal_is_met_on_the_latest_year_and_says_why(goal_c, demo_table, committee_reader):
    attainment = goal_attainment(committee_reader, goal_c, date(2026, 12, 3))
    assert attainment.verdict == GoalVerdict.MET
    assert "i 2010" in attainment.reason and "1,00 (95 %-interval 0,91–1,11)" in attainment.reason
    assert "På niveau" in attainment.reason


def test_the_goal_page_shows_both_rates_and_the_dropped_charges(
    client, goal_c, demo_table, analyst
):
    client.force_login(analyst)
    page = client.get(reverse("policy_goals:goal", args=["c"])).content.decode()
    assert "Rateratio, standardiseret:" in page
    assert "Frafaldne sigtelser" in page
    assert "Indlæs en registertabel" in page


def test_a_bad_row_rejects_the_whole_file_with_its_line(goal_c, analyst):
    data = _csv(
        "2010;dansk oprindelse;Grundskole;1.500;180;72;22",
        "2010;svenskere;Grundskole;100;10;4;1",
        "2010;indvandrere og efterkommere;Grundskole;1800;x;86;39",
        "2010;dansk oprindelse;Grundskole;10;12;4;13",
    )
    with pytest.raises(ImportRejected) as rejected:
        crime_table_import(by=analyst, goal=goal_c, filename="t.csv", data=data)
    lines = {(e.line, e.message.split(" ")[0]) for e in rejected.value.errors}
    assert {line for line, _ in lines} == {3, 4, 5}
    assert not CrimeFrequencyCell.objects.exists()


def test_the_import_page_answers_a_bad_file_with_a_message_and_a_reader_is_refused(
    client, goal_c, analyst, committee_reader
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("policy_goals:crime_table_import", args=["c"])
    client.force_login(committee_reader)
    assert client.get(url).status_code == 403
    client.force_login(analyst)
    bad = SimpleUploadedFile("t.csv", _csv("2010;dansk oprindelse;Grundskole;0;0;0;0"))
    page = client.post(url, {"file": bad}).content.decode()
    assert "Linje 2" in page and "Filen er afvist" in page
    good = SimpleUploadedFile("t.csv", demo_crime_table_csv())
    assert client.post(url, {"file": good}).status_code == 302
    assert CrimeFrequencyCell.objects.filter(year=2010).count() == 12
    assert AuditEvent.objects.filter(action="policy_goals.import_crime_table").exists()
    again = SimpleUploadedFile("t.csv", demo_crime_table_csv())
    assert "Præcis denne fil" in client.post(url, {"file": again}).content.decode()


def test_the_api_gives_goal_c_its_comparison_verdict(client, goal_c, demo_table, analyst):
    client.force_login(analyst)
    answer = client.get("/api/v1/policy-goals/c").json()
    assert answer["verdict"] == "met"
    assert answer["comparison"]["level"] == "at_level"
    assert answer["comparison"]["standardised_ratio"]["low"] > 1 / 1.2


def test_the_comparison_names_the_origins_as_the_model_does():
    from policy_goals.crime_table import DANISH, IMMIGRANT
    from policy_goals.models import Origin

    assert (IMMIGRANT, DANISH) == (Origin.IMMIGRANT, Origin.DANISH)


def test_a_social_background_too_long_to_keep_is_refused_with_its_line(goal_c, analyst):
    data = _csv(f"2010;dansk oprindelse;{'x' * 201};1500;180;72;22")
    with pytest.raises(ImportRejected) as rejected:
        crime_table_import(by=analyst, goal=goal_c, filename="t.csv", data=data)
    assert rejected.value.errors[0].line == 2
    assert "200 tegn" in rejected.value.errors[0].message
