from django.apps import AppConfig


class AreasConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "areas"
    verbose_name = "Områder"

    def ready(self) -> None:
        from areas import permissions  # noqa: F401  (registers the rules)
