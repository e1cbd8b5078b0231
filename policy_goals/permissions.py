"""Who may write and report a department's assessment of a policy goal: an initiative owner
whose department owns an initiative that contributes to it, and administrators. Everyone
logged in may read the goals (their figures are the criteria's, as committees see them)."""

import rules

from accounts.permissions import is_administrator, is_analyst, is_initiative_owner


@rules.predicate
def department_contributes_to_goal(user, goal) -> bool:
    if goal is None or user.department_id is None:
        return False
    return goal.initiatives.filter(owning_departments=user.department_id).exists()


rules.add_perm("policy_goals.view_goal", rules.is_authenticated & rules.is_active)
rules.add_perm(
    "policy_goals.assess_goal",
    is_administrator | (is_initiative_owner & department_contributes_to_goal),
)
# Aggregate register tables (counts only, no person) are loaded by analysts.
rules.add_perm("policy_goals.import_table", is_administrator | is_analyst)
