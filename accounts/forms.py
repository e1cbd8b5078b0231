from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from accounts.models import Department, Unit, User
from accounts.roles import Role


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
