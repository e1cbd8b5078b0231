"""The safety index: weighted shares and their intervals, comparisons, the composite index,
thresholds and the small-area rule (pure), the same figures out of the database, and the
survey import (Danish Excel CSV, atomic)."""

import pytest
from django.test import Client, override_settings
from hypothesis import given
from hypothesis import strategies as st

from areas.models import Area, AreaKind, AreaSet, SurveyResponse, SurveyWave
from areas.safety import (
    Share,
    Threshold,
    WeightedSums,
    difference,
    effective_sample_size,
    flags,
    publishable,
    safety_index,
    weighted_share,
)
from areas.safety_import import survey_wave_import
from areas.safety_queries import districts_compared, safety_table
from conftest import ROLE_NAMES, login_client
from imports.files import ImportRejected


def _sums(answers: list[tuple[float, bool]]) -> WeightedSums:
    return WeightedSums(
        len(answers),
        sum(w for w, _ in answers),
        sum(w * w for w, _ in answers),
        sum(w for w, yes in answers if yes),
    )


def test_equal_weights_give_the_plain_share_and_the_full_sample_size():
    share = weighted_share(_sums([(1.0, True)] * 80 + [(1.0, False)] * 20))
    assert share.value == pytest.approx(0.8) and share.effective_n == pytest.approx(100)
    assert share.low < 0.8 < share.high


def test_unequal_weights_carry_less_information():
    # Kish: (1+3)² / (1²+3²) = 1.6 respondents' worth from two answers.
    assert effective_sample_size(_sums([(1.0, True), (3.0, False)])) == pytest.approx(1.6)


weights = st.floats(min_value=0.1, max_value=10, allow_nan=False)


@given(st.lists(st.tuples(weights, st.booleans()), min_size=1, max_size=60), weights)
def test_a_weighted_share_lies_in_its_interval_and_ignores_the_weights_scale(answers, factor):
    share = weighted_share(_sums(answers))
    scaled = weighted_share(_sums([(w * factor, yes) for w, yes in answers]))
    assert share.low - 1e-9 <= share.value <= share.high + 1e-9
    assert scaled.value == pytest.approx(share.value)
    assert scaled.effective_n == pytest.approx(share.effective_n)


def test_a_big_difference_is_significant_and_a_small_one_on_few_answers_is_not():
    city = Share(0.89, 8000, 7000.0, 0.88, 0.90)
    assert difference(Share(0.80, 800, 700.0, 0.77, 0.83), city).significant
    assert not difference(Share(0.87, 60, 50.0, 0.76, 0.94), city).significant


def test_the_index_is_100_at_the_city_average_and_above_where_safer():
    kwargs = dict(city_safe=0.9, city_not_victim=0.9, city_crime_rate=60.0)
    assert safety_index(safe=0.9, not_victim=0.9, crime_rate=60.0, **kwargs) == pytest.approx(100)
    assert safety_index(safe=0.95, not_victim=0.95, crime_rate=30.0, **kwargs) > 100
    # Reported crime is capped: an area with almost none cannot buy unlimited points.
    assert safety_index(safe=0.9, not_victim=0.9, crime_rate=0.1, **kwargs) == pytest.approx(
        (100 + 100 + 200) / 3
    )


def test_thresholds_flag_strictly_below_or_above():
    thresholds = [
        Threshold("Under 85 % trygge", "safe", True, 85.0),
        Threshold("Over 10 % utrygge", "unsafe", False, 10.0),
    ]
    exactly = {"safe": Share(0.85, 100, 100, 0, 1), "unsafe": Share(0.10, 100, 100, 0, 1)}
    assert flags(exactly, thresholds) == []
    worse = {"safe": Share(0.84, 100, 100, 0, 1), "unsafe": Share(0.11, 100, 100, 0, 1)}
    assert flags(worse, thresholds) == ["Under 85 % trygge", "Over 10 % utrygge"]


def test_a_small_area_is_withheld_below_the_minimum_and_published_at_it():
    assert publishable(100, 100) == (True, "")
    shown, why = publishable(99, 100)
    assert not shown and why.startswith("Kun 99 besvarelser")


@pytest.fixture
def estates(db, administrator):
    area_set = AreaSet.objects.create(key="test", name="Test", kind=AreaKind.SAFETY_INDEX)
    big = Area.objects.create(area_set=area_set, code="A", name="Stor")
    small = Area.objects.create(area_set=area_set, code="B", name="Lille")
    return area_set, big, small, administrator


SURVEY = (
    "område;vægt;nabolag;aften;nat;offer\r\n"
    + "Stor;1,5;tryg;ja;nej;nej\r\n" * 60
    + "Stor;0,5;utryg;nej;nej;ja\r\n" * 40
    + "B;1;hverken tryg eller utryg;ja;ja;\r\n" * 30
)


def test_a_danish_excel_survey_file_is_imported_and_the_database_gives_the_weighted_figures(
    estates,
):
    area_set, big, small, by = estates
    wave = survey_wave_import(
        by=by,
        area_set=area_set,
        year=2014,
        invited=400,
        filename="tryghed.csv",
        data=SURVEY.encode("cp1252"),
    )
    assert (wave.responded, SurveyResponse.objects.count()) == (130, 130)
    with override_settings(SAFETY_MIN_RESPONDENTS=50):
        rows, city = safety_table(area_set, 2014)
    stor, lille = rows[1], rows[0]
    # 60 × 1.5 safe of 60 × 1.5 + 40 × 0.5 = 90 / 110
    assert stor.shares["safe"].value == pytest.approx(90 / 110)
    assert stor.shares["victim"].value == pytest.approx(20 / 110)
    assert lille.shares["victim"] is None  # nobody in Lille answered the victim question
    assert not lille.published and lille.withheld_because.startswith("Kun 30 besvarelser")
    assert city.respondents == 130


def test_one_bad_survey_row_rejects_the_wave_with_its_line(estates):
    area_set, _, _, by = estates
    data = (SURVEY + "Stor;-1;tryg;ja;ja;nej\r\nUkendt;1;tryg;ja;ja;nej\r\n").encode("cp1252")
    with pytest.raises(ImportRejected) as rejected:
        survey_wave_import(
            by=by, area_set=area_set, year=2014, invited=400, filename="t.csv", data=data
        )
    assert [str(e) for e in rejected.value.errors] == [
        "Linje 132: vægten skal være større end 0",
        "Linje 133: ukendt område 'Ukendt'",
    ]
    assert not SurveyWave.objects.exists() and not SurveyResponse.objects.exists()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_role_reads_the_safety_index(all_roles, estates, role):
    area_set, *_, by = estates
    survey_wave_import(
        by=by, area_set=area_set, year=2014, invited=400, filename="t.csv", data=SURVEY.encode()
    )
    page = login_client(Client(), all_roles[role]).get("/omraader/tryghed/")
    assert page.status_code == 200 and "Hele byen" in page.content.decode()


def test_an_analyst_uploads_a_wave_that_the_worker_imports(estates, analyst, caseworker):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django_tasks_db.models import DBTaskResult

    from areas.tasks import area_import_task
    from imports.models import ImportJob

    area_set = estates[0]
    form = {
        "kind": "areas.survey",
        "area_set": area_set.pk,
        "year": "2014",
        "invited": "400",
        "file": SimpleUploadedFile("tryghed.csv", SURVEY.encode("cp1252")),
    }
    assert login_client(Client(), caseworker).post("/omraader/import/", form).status_code == 403
    form["file"] = SimpleUploadedFile("tryghed.csv", SURVEY.encode("cp1252"))
    client = login_client(Client(), analyst)
    response = client.post("/omraader/import/", form)
    job = ImportJob.objects.get()
    assert response.url == f"/omraader/import/{job.pk}/"
    for queued in DBTaskResult.objects.filter(status="READY"):
        area_import_task.call(*queued.args_kwargs["args"])
    job.refresh_from_db()
    assert (job.status, job.saved) == ("done", 130)
    assert SurveyWave.objects.get().responded == 130
    assert "130 rækker er gemt" in client.get(response.url).content.decode()


def test_the_history_gives_each_year_as_the_single_year_table_does(estates):
    area_set, _, _, by = estates
    for year in (2013, 2014):
        survey_wave_import(
            by=by, area_set=area_set, year=year, invited=400, filename="t.csv", data=SURVEY.encode()
        )
    from areas.safety_queries import safety_history

    history = safety_history(area_set)
    for year in (2013, 2014):
        rows, city = safety_table(area_set, year)
        assert [r.shares["safe"] for r in history[year][0]] == [r.shares["safe"] for r in rows]
        assert history[year][1].respondents == city.respondents
    assert history[2014][0][1].versus_last_year.points == pytest.approx(0)


def test_an_area_page_shows_its_years_beside_the_city_and_withholds_thin_years(
    estates, committee_reader
):
    area_set, big, small, by = estates
    for year in (2013, 2014):
        survey_wave_import(
            by=by, area_set=area_set, year=year, invited=400, filename="t.csv", data=SURVEY.encode()
        )
    client = login_client(Client(), committee_reader)
    page = client.get(f"/omraader/tryghed/{area_set.key}/A/").content.decode()
    assert "<polyline" in page and "Hele byen" in page and "2013" in page
    thin = client.get(f"/omraader/tryghed/{area_set.key}/B/").content.decode()
    assert "Kun 30 besvarelser" in thin and "<polyline" not in thin


def test_the_map_classes_split_the_shown_range_in_five_equal_steps():
    from areas.safety import NO_VALUE, SHADES, shade_steps

    shading = shade_steps([50.0, 100.0])
    assert shading.colour(50.0) == SHADES[0] and shading.colour(100.0) == SHADES[-1]
    assert shading.colour(69.9) == SHADES[1] and shading.colour(70.0) == SHADES[2]
    assert shading.colour(None) == NO_VALUE
    assert [round(low) for _, low, _ in shading.legend()] == [50, 60, 70, 80, 90]


def test_the_map_page_draws_only_published_areas_and_says_the_outlines_are_schematic(
    estates, committee_reader
):
    area_set, big, small, by = estates
    for area in (big, small):
        area.geometry = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
        area.geometry_is_schematic = True
        area.save()
    survey_wave_import(
        by=by, area_set=area_set, year=2014, invited=400, filename="t.csv", data=SURVEY.encode()
    )
    page = login_client(Client(), committee_reader).get("/omraader/kort/?maal=safe")
    text = page.content.decode()
    assert page.status_code == 200 and "Skematiske omrids" in text
    assert 'id="safety-map-data"' in text
    # Lille has 30 answers: on the map without a value, in the table as too few.
    assert '"name": "Lille", "value": null' in text and "for få besvarelser" in text


def test_the_comparison_marks_areas_significantly_apart_from_the_city_and_withholds_thin_ones(
    estates, committee_reader
):
    area_set, big, small, by = estates
    # Stor: 90/110 weighted safe; Lille: nobody safe ("neither"), 30 answers, withheld at 50.
    survey_wave_import(
        by=by, area_set=area_set, year=2014, invited=400, filename="t.csv", data=SURVEY.encode()
    )
    with override_settings(SAFETY_MIN_RESPONDENTS=50):
        comparison = districts_compared(area_set, "safe")
        page = login_client(Client(), committee_reader).get(
            "/omraader/tryghed/sammenlign/", {"inddeling": "test", "maal": "safe"}
        )
    assert comparison.years == [2014]
    (first, [stor]), (second, [lille]) = comparison.rows
    assert (first, second) == (big, small)  # highest latest figure first; withheld last
    assert stor.value == pytest.approx(100 * 90 / 110)
    # The city is 90 of 140 weighted answers (64 %): Stor's 82 % is significantly above.
    assert comparison.city[0].value == pytest.approx(100 * 90 / 140)
    assert stor.versus_city == 1
    assert lille.withheld and lille.value is None and lille.versus_city == 0
    text = page.content.decode()
    assert "signifikant over byen" in text and "for få" in text and "<polyline" in text
