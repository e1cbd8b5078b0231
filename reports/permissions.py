"""Who works on the troubled-areas report: the secretariat (analysts, administrators)
creates, approves and sends it; the districts' SSP people write their texts; everyone
logged in reads it (figures only, small counts hidden)."""

import rules

from accounts.permissions import has_role
from accounts.roles import Role
from areas.queries import ssp_district_names_in
from people.models import CityDistrict


@rules.predicate
def is_in_the_districts_ssp_body(user, text) -> bool:
    """A district's texts belong to its SSP people: members of the SSP body of an SSP district
    within that city district."""
    if text is None or not user.is_authenticated:
        return False
    names = ssp_district_names_in(str(CityDistrict(text.district).label))
    return user.ssp_bodies.filter(ssp_district__in=names).exists()


rules.add_perm("reports.view_troubled_areas", rules.is_authenticated & rules.is_active)
rules.add_perm(
    "reports.manage_troubled_areas", has_role(Role.ANALYST) | has_role(Role.ADMINISTRATOR)
)
writes_district_texts = has_role(Role.SSP_CONSULTANT) | has_role(Role.COORDINATOR)
rules.add_perm("reports.write_district_text", writes_district_texts)
rules.add_perm(
    "reports.write_this_district_text", writes_district_texts & is_in_the_districts_ssp_body
)
