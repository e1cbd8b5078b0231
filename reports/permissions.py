"""Who works on the troubled-areas report: the secretariat (analysts, administrators)
creates, approves and sends it; the districts' SSP people write their texts; everyone
logged in reads it (figures only, small counts hidden)."""

import rules

from accounts.permissions import has_role
from accounts.roles import Role

rules.add_perm("reports.view_troubled_areas", rules.is_authenticated & rules.is_active)
rules.add_perm(
    "reports.manage_troubled_areas", has_role(Role.ANALYST) | has_role(Role.ADMINISTRATOR)
)
rules.add_perm(
    "reports.write_district_text", has_role(Role.SSP_CONSULTANT) | has_role(Role.COORDINATOR)
)
