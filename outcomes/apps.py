from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "outcomes"
    verbose_name = _("Resultater")

    def ready(self) -> None:
        from cases.enrolments import enrolment_listener_register
        from outcomes import permissions  # noqa: F401 (registers the rules)
        from outcomes.actions import participation_follow_module

        enrolment_listener_register(participation_follow_module)
