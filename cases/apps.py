from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Sager")

    def ready(self) -> None:
        from audit.retention import retention_policy_register
        from cases import permissions  # noqa: F401  (registers the rules)
        from cases.retention import policies

        for policy in policies():
            retention_policy_register(policy)
