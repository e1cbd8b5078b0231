"""Suggested hotspots from reported crime: the rate per 1,000 residents a year over the chosen
years, areas without outline or residents left out with the reason, too few areas refused,
and a planted cluster found and offered for designation."""

import pytest
from django.test import Client

from areas.hotspot_suggestions import hotspot_suggestions, police_years
from areas.models import Area, AreaKind, AreaSet, AreaYear, PoliceReportCount
from conftest import login_client

HOT_CELLS = {(0, 0), (1, 0), (0, 1), (1, 1)}


def _box(x, y):
    ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.fixture
def grid(db):
    """A 4 × 4 grid of areas with 1,000 residents each; the south-west 2 × 2 has 40 burglaries
    a year, the rest 10 or 11; plus one area without outline and one without residents."""
    area_set = AreaSet.objects.create(key="grid", name="Gitter", kind=AreaKind.SAFETY_INDEX)
    for x in range(4):
        for y in range(4):
            area = Area.objects.create(
                area_set=area_set, code=f"{x}{y}", name=f"Felt {x},{y}", geometry=_box(x, y)
            )
            for year in (2013, 2014):
                AreaYear.objects.create(area=area, year=year, residents=1000)
                reports = 40 if (x, y) in HOT_CELLS else 10 + (x + y) % 2
                PoliceReportCount.objects.create(
                    area=area, year=year, category="burglary", reports=reports
                )
                # Not citizen-facing: never counted.
                PoliceReportCount.objects.create(
                    area=area, year=year, category="other", reports=900
                )
    no_outline = Area.objects.create(area_set=area_set, code="X", name="Uden omrids")
    AreaYear.objects.create(area=no_outline, year=2014, residents=500)
    Area.objects.create(area_set=area_set, code="Y", name="Uden beboere", geometry=_box(9, 9))
    return area_set


def test_the_heart_of_a_planted_cluster_is_suggested_and_nothing_away_from_it(grid):
    result = hotspot_suggestions(grid, 2013, 2014, permutations=999)
    hot = {row.area.name for row in result.hot}
    # With 16 areas only the corner, whose every neighbour is in the cluster, is unlikely
    # enough by chance (1 in 455 draws); nothing away from the cluster is suggested.
    assert "Felt 0,0" in hot
    assert all(name in {f"Felt {x},{y}" for x in range(3) for y in range(3)} for name in hot)
    cell = next(row for row in result.rows if row.area.name == "Felt 0,0")
    assert (cell.reports, cell.resident_years, cell.rate) == (80, 2000, 40.0)
    assert [(area.name, reason) for area, reason in result.left_out] == [
        ("Uden omrids", "intet omrids"),
        ("Uden beboere", "intet beboertal i perioden"),
    ]
    assert police_years(grid) == [2013, 2014]


def test_too_few_areas_with_outlines_are_refused_with_the_reason(grid):
    Area.objects.filter(area_set=grid).exclude(code__in=["00", "01", "10"]).update(geometry=None)
    result = hotspot_suggestions(grid, 2013, 2014)
    assert result.refused_because.startswith("Gi* kræver mindst 8 områder")
    assert not result.hot


def test_the_page_offers_the_secretariat_to_designate_and_shows_readers_the_map(
    grid, analyst, committee_reader
):
    page = (
        login_client(Client(), analyst)
        .get("/omraader/hotspots/forslag/", {"inddeling": "grid", "fra": 2013, "til": 2014})
        .content.decode()
    )
    area = Area.objects.get(area_set=grid, code="00")
    assert "hot spot" in page and f"/omraader/hotspots/?omraade={area.pk}#udpeg" in page
    form = login_client(Client(), analyst).get(f"/omraader/hotspots/?omraade={area.pk}")
    assert form.context["form"].initial == {"area": area.pk}
    reader = login_client(Client(), committee_reader).get("/omraader/hotspots/forslag/")
    assert reader.status_code == 200 and "safety-map-data" in reader.content.decode()
    assert "?omraade=" not in reader.content.decode()
