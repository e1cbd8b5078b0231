"""Importing area boundaries from GeoJSON (the municipality publishes its districts as open
data): each feature is matched to an area of the set by a property (its code or name) and
its geometry stored; the outline is then real, not schematic. All features or none."""

import json

from django.db import transaction

from accounts.models import User
from areas.models import Area, AreaSet
from audit.actions import audit_event_record
from imports.files import ImportRejected, RowError

GEOMETRY_TYPES = {"Polygon", "MultiPolygon"}


@transaction.atomic
def boundaries_import(*, by: User, area_set: AreaSet, data: bytes, match_on: str) -> int:
    """`match_on` names the feature property holding the area's code or name. Errors are
    numbered by feature (1 = the first)."""
    try:
        collection = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportRejected([RowError(1, f"Filen er ikke GeoJSON: {error}")]) from None
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list) or not features:
        raise ImportRejected([RowError(1, "Filen indeholder ingen features.")])
    areas = {}
    for area in area_set.areas.all():
        areas[area.code.lower()] = area
        areas[area.name.lower()] = area
    errors, matched = [], {}
    for number, feature in enumerate(features, start=1):
        key = str((feature.get("properties") or {}).get(match_on, "")).strip().lower()
        geometry = feature.get("geometry") or {}
        if key not in areas:
            errors.append(RowError(number, f"intet område '{key}' i {area_set.name}"))
        elif geometry.get("type") not in GEOMETRY_TYPES:
            errors.append(RowError(number, "geometrien skal være Polygon eller MultiPolygon"))
        elif areas[key].pk in matched:
            errors.append(RowError(number, f"området '{key}' står to gange"))
        else:
            matched[areas[key].pk] = geometry
    if errors:
        raise ImportRejected(errors)
    for pk, geometry in matched.items():
        Area.objects.filter(pk=pk).update(geometry=geometry, geometry_is_schematic=False)
    audit_event_record(
        by=by,
        action="areas.import_boundaries",
        obj=area_set,
        changes={"areas": [None, len(matched)]},
    )
    return len(matched)
