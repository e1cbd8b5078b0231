from django.apps import AppConfig


class PolicyGoalsConfig(AppConfig):
    name = "policy_goals"
    verbose_name = "Politiske mål"

    def ready(self) -> None:
        from policy_goals import permissions  # noqa: F401 (registers the rules)
