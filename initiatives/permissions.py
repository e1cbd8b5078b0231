"""Who may read and change the catalogue.

Everyone logged in may read and export the catalogue (it holds no personal data). An
initiative owner may change the initiatives that his or her own department owns; an
administrator may change all.
"""

import rules

from accounts.permissions import is_administrator, is_initiative_owner


@rules.predicate
def owns_initiative_through_department(user, initiative) -> bool:
    if initiative is None or not user.is_authenticated or user.department_id is None:
        return False
    return initiative.owning_departments.filter(pk=user.department_id).exists()


can_edit_catalogue = is_administrator | is_initiative_owner

rules.add_perm("initiatives.view_initiative", rules.is_authenticated & rules.is_active)
rules.add_perm("initiatives.add_initiative", can_edit_catalogue)
rules.add_perm(
    "initiatives.change_initiative",
    is_administrator | (is_initiative_owner & owns_initiative_through_department),
)
rules.add_perm("initiatives.import_budget", can_edit_catalogue)
