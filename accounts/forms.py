from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Brugernavn eller adgangskode er forkert. Efter %(limit)s forkerte forsøg spærres kontoen midlertidigt."
        ),
        "inactive": _("Kontoen er deaktiveret."),
    }

    def get_invalid_login_error(self):
        from django.conf import settings

        return forms.ValidationError(
            self.error_messages["invalid_login"] % {"limit": settings.AXES_FAILURE_LIMIT},
            code="invalid_login",
        )


class TotpForm(forms.Form):
    token = forms.CharField(
        label=_("Kode fra din godkendelsesapp"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]{6}"}
        ),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Navn på nøglen"), max_length=100, help_text=_("F.eks. 'Udtræk til Excel'")
    )
