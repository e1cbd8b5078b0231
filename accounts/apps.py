from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Brugere og roller")

    def ready(self) -> None:
        import time

        from django.contrib.auth.signals import user_logged_in

        from accounts.middleware import AUTHENTICATED_AT

        def remember_login_time(sender, request, user, **kwargs):
            request.session[AUTHENTICATED_AT] = int(time.time())

        user_logged_in.connect(remember_login_time, weak=False, dispatch_uid="login_time")
