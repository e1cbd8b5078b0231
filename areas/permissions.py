"""Area figures are aggregates about places (no person): every logged-in user reads them.
Letting decisions are made by case workers (the municipality's letting office) and
administrators."""

import rules

from accounts.permissions import has_role
from accounts.roles import Role

rules.add_perm("areas.view_areas", rules.is_authenticated & rules.is_active)
rules.add_perm("areas.decide_letting", has_role(Role.CASEWORKER) | has_role(Role.ADMINISTRATOR))
# Survey waves and police counts are aggregates about places: analysts load them.
rules.add_perm("areas.import_data", has_role(Role.ANALYST) | has_role(Role.ADMINISTRATOR))
rules.add_perm("areas.designate_hotspots", has_role(Role.ANALYST) | has_role(Role.ADMINISTRATOR))
# Acute incidents (a place and a day, no person) are recorded by SSP, the secretariat and
# administrators.
rules.add_perm(
    "areas.record_incidents",
    has_role(Role.SSP_CONSULTANT)
    | has_role(Role.COORDINATOR)
    | has_role(Role.ANALYST)
    | has_role(Role.ADMINISTRATOR),
)
