from django.apps import AppConfig


class ImportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "imports"
    verbose_name = "Import"

    def ready(self) -> None:
        from audit.retention import retention_policy_register
        from imports.retention import policies

        for policy in policies():
            retention_policy_register(policy)
