from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Revisionsspor og adgangslog")

    def ready(self) -> None:
        from audit.retention import retention_policy_register
        from audit.retention_policies import access_log_policy

        retention_policy_register(access_log_policy())
