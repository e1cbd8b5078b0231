"""Who may do what, written once. Views and the API ask `user.has_perm(name, obj)`.

Object rules for the domain apps live beside them (e.g. `initiatives/permissions.py`)
and build on the role predicates here.
"""

import rules

from accounts.roles import Role


def has_role(role: str) -> rules.Predicate:
    @rules.predicate(name=f"has_role_{role}")
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.has_role(role))

    return predicate


is_administrator = has_role(Role.ADMINISTRATOR)
is_initiative_owner = has_role(Role.INITIATIVE_OWNER)
is_analyst = has_role(Role.ANALYST)
is_committee_reader = has_role(Role.COMMITTEE_READER)

rules.add_perm("audit.view_trail", is_administrator)
is_data_protection_officer = has_role(Role.DATA_PROTECTION_OFFICER)
# Who used which person's data: the data-protection officer, who also audits administrators.
rules.add_perm("audit.view_access_log", is_data_protection_officer)
rules.add_perm("audit.answer_subject_access", is_administrator | is_data_protection_officer)
rules.add_perm("accounts.manage_own_tokens", rules.is_authenticated & rules.is_active)
rules.add_perm("accounts.manage_users", is_administrator)
