from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from accounts.models import Department, Unit, User
from accounts.roles import Role


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Brugernavn eller adgangskode er forkert. Efter %(limit)s forkerte forsøg skal du vente lidt længere for hvert nyt forsøg."
        ),
        "inactive": _("Kontoen er deaktiveret."),
    }

    def clean(self):
        """After repeated failures from this address, wait before trying again (the password
        is not even checked until then)."""
        from axes.helpers import get_client_ip_address

        from accounts.login_throttle import login_wait_seconds

        username = self.cleaned_data.get("username")
        if username and self.request is not None:
            wait = login_wait_seconds(username, get_client_ip_address(self.request))
            if wait:
                raise forms.ValidationError(
                    _(
                        "For mange forkerte forsøg fra din adresse. Vent %(seconds)s sekunder, "
                        "og prøv så igen."
                    )
                    % {"seconds": wait},
                    code="throttled",
                )
        return super().clean()

    def get_invalid_login_error(self):
        from django.conf import settings

        return forms.ValidationError(
            self.error_messages["invalid_login"] % {"limit": settings.AXES_FAILURE_LIMIT},
            code="invalid_login",
        )


class SingleSignOnGroupForm(forms.Form):
    claim_value = forms.CharField(
        label=_("Gruppe i det fælles login"),
        max_length=255,
        help_text=_("Som gruppen står i login-udbyderens groups-claim, f.eks. SSP-Nørrebro."),
    )
    department = forms.ModelChoiceField(
        label=_("Forvaltning"), queryset=Department.objects.all(), required=False
    )
    unit = forms.ModelChoiceField(
        label=_("Enhed"), queryset=Unit.objects.select_related("department"), required=False
    )
    roles = forms.MultipleChoiceField(
        label=_("Roller"), choices=Role.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    def clean(self):
        cleaned = super().clean()
        department, unit = cleaned.get("department"), cleaned.get("unit")
        if unit and department and unit.department_id != department.pk:
            self.add_error("unit", _("Enheden hører ikke til den valgte forvaltning."))
        return cleaned


class TemporaryPasswordForm(forms.Form):
    """An administrator's reset: a temporary password the user must change at next login."""

    temporary_password = forms.CharField(
        label=_("Midlertidig adgangskode"),
        widget=forms.PasswordInput(render_value=False),
        help_text=_(
            "Mindst 12 tegn. Giv den til brugeren ad en sikker vej; brugeren skal vælge sin "
            "egen ved næste login."
        ),
    )

    def clean_temporary_password(self):
        password = self.cleaned_data["temporary_password"]
        validate_password(password)
        return password


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


class UserForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=_("Roller"), choices=Role.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "department", "unit", "is_active"]
        labels = {"is_active": _("Aktiv (kan logge ind)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.all()
        self.fields["department"].required = True
        self.fields["unit"].queryset = Unit.objects.select_related("department")
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        if self.instance.pk:
            self.fields["username"].disabled = True
            self.initial["roles"] = sorted(self.instance.roles)

    def clean(self):
        cleaned = super().clean()
        department, unit = cleaned.get("department"), cleaned.get("unit")
        if unit and department and unit.department_id != department.pk:
            self.add_error("unit", _("Enheden hører ikke til den valgte forvaltning."))
        return cleaned


class NewUserForm(UserForm):
    password = forms.CharField(
        label=_("Startadgangskode"),
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Mindst 12 tegn. Giv den til brugeren ad en sikker vej."),
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password
