"""Boundaries from the municipality's GeoJSON replace the schematic outlines; a feature that
matches no area rejects the file and nothing changes."""

import json

import pytest

from areas.boundaries import boundaries_import
from areas.models import Area, AreaKind, AreaSet
from imports.files import ImportRejected

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[12.5, 55.6], [12.6, 55.6], [12.6, 55.7], [12.5, 55.6]]],
}


@pytest.fixture
def districts(db):
    area_set = AreaSet.objects.create(key="test-bydele", name="Bydele", kind=AreaKind.DISTRICT)
    for code, name in (("03", "Nørrebro"), ("09", "Valby")):
        Area.objects.create(area_set=area_set, code=code, name=name, geometry_is_schematic=True)
    return area_set


def _collection(*names: str) -> bytes:
    features = [
        {"type": "Feature", "properties": {"navn": name}, "geometry": SQUARE} for name in names
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def test_features_matched_by_name_become_the_areas_real_outlines(districts, administrator):
    assert (
        boundaries_import(
            by=administrator,
            area_set=districts,
            data=_collection("Nørrebro", "valby"),
            match_on="navn",
        )
        == 2
    )
    valby = districts.areas.get(name="Valby")
    assert valby.geometry == SQUARE and not valby.geometry_is_schematic


def test_an_unknown_area_rejects_the_file_with_its_feature_number(districts, administrator):
    with pytest.raises(ImportRejected) as rejected:
        boundaries_import(
            by=administrator,
            area_set=districts,
            data=_collection("Nørrebro", "Atlantis"),
            match_on="navn",
        )
    assert str(rejected.value.errors[0]) == "Linje 2: intet område 'atlantis' i Bydele"
    assert districts.areas.get(name="Nørrebro").geometry is None
