import rules

from accounts.permissions import is_administrator

rules.add_perm("outcomes.configure_progression", is_administrator)
