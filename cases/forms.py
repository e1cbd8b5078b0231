from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit, User
from areas.queries import ssp_districts
from audit.models import AccessKind
from cases.models import (
    LegalBasis,
    LevelRule,
    LevelRuleAction,
    Phase,
    PlanArea,
    SspLevel,
    SspPlusSettings,
)
from initiatives.models import Initiative
from people.models import CityDistrict, HouseholdRole, Person, Sex


class PersonSearchForm(forms.Form):
    is_filter = True  # any one of the fields is enough; the page says so

    cpr = forms.CharField(
        label=_("CPR-nummer"),
        required=False,
        max_length=11,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    name = forms.CharField(label=_("Navn"), required=False, max_length=100)
    birth_date = forms.DateField(
        label=_("Fødselsdato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f) for f in ("cpr", "name", "birth_date")):
            raise forms.ValidationError(_("Søg på CPR-nummer, navn eller fødselsdato."))
        return cleaned


class NewCaseForm(forms.Form):
    """A new SSP case, for a person found by CPR number or entered without one."""

    cpr = forms.CharField(
        label=_("CPR-nummer"),
        required=False,
        max_length=11,
        help_text=_("ddmmåå-xxxx. Uden CPR-nummer udsteder systemet et erstatningsnummer."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    first_name = forms.CharField(label=_("Fornavn"), max_length=100)
    last_name = forms.CharField(label=_("Efternavn"), max_length=100)
    birth_date = forms.DateField(
        label=_("Fødselsdato (kun uden CPR-nummer)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sex = forms.ChoiceField(
        label=_("Køn (kun uden CPR-nummer)"), choices=[("", "–"), *Sex.choices], required=False
    )
    district = forms.ChoiceField(
        label=_("Bydel"), choices=[("", "–"), *CityDistrict.choices], required=False
    )
    level = forms.TypedChoiceField(
        label=_("SSP-niveau"),
        choices=SspLevel.choices,
        coerce=int,
        error_messages={"invalid_choice": _("SSP-niveauet skal være 1–4.")},
    )
    reporting_partner = forms.CharField(
        label=_("Indberettet af (partner)"),
        max_length=200,
        help_text=_("F.eks. skole, klub, politi"),
    )
    reported_on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
    ssp_district = forms.ChoiceField(
        label=_("SSP-distrikt"),
        choices=[],
        error_messages={"invalid_choice": _("Vælg et af kommunens SSP-distrikter.")},
    )
    description = forms.CharField(label=_("Beskrivelse"), widget=forms.Textarea(attrs={"rows": 4}))
    legal_basis = forms.ChoiceField(
        label=_("Hjemmel for videregivelse"), choices=LegalBasis.choices, widget=forms.RadioSelect
    )
    necessity = forms.CharField(
        label=_("Hvorfor er videregivelsen nødvendig? (§ 115)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    consent_date = forms.DateField(
        label=_("Samtykke givet den"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    consent_scope = forms.CharField(label=_("Samtykkets omfang"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Districts come from the area sets, never typed (an invented district was a way in).
        self.fields["ssp_district"].choices = [("", "–")] + [
            (area.name, area.name) for area in ssp_districts()
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("cpr") and not cleaned.get("birth_date"):
            self.add_error("birth_date", _("Uden CPR-nummer skal fødselsdatoen angives."))
        if cleaned.get("legal_basis") == LegalBasis.RETSPLEJELOVEN_115 and not cleaned.get(
            "necessity"
        ):
            self.add_error(
                "necessity",
                _(
                    "Efter retsplejelovens § 115 skal det fremgå, hvorfor videregivelsen er nødvendig."
                ),
            )
        if cleaned.get("legal_basis") == LegalBasis.CONSENT and not (
            cleaned.get("consent_date") and cleaned.get("consent_scope")
        ):
            self.add_error("consent_scope", _("Et samtykke skal have dato og omfang."))
        return cleaned


class LevelChangeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    to_level = forms.TypedChoiceField(label=_("Nyt niveau"), choices=SspLevel.choices, coerce=int)
    reason = forms.CharField(label=_("Begrundelse"), widget=forms.Textarea(attrs={"rows": 2}))


class LevelRuleForm(forms.ModelForm):
    class Meta:
        model = LevelRule
        fields = ["handling_body", "responsible_role", "characteristics"]


LevelRuleActionFormSet = forms.inlineformset_factory(
    LevelRule, LevelRuleAction, fields=["title", "deadline_days"], extra=1, can_delete=True
)


class EmergencyAccessForm(forms.Form):
    cpr = forms.CharField(
        label=_("CPR-nummer"), max_length=11, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Hvorfor du har brug for adgang nu. En administrator gennemgår alle nødadgange."
        ),
    )


class AccessLogSearchForm(forms.Form):
    """The data-protection officer's search of the access log; posted, so a CPR number never
    lands in a URL. Any field narrows the search; none lists the latest entries."""

    cpr = forms.CharField(
        label=_("Personens CPR-nummer"),
        required=False,
        max_length=11,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    person_id = forms.IntegerField(label=_("eller person-id"), required=False, min_value=1)
    username = forms.CharField(label=_("Bruger"), required=False, max_length=150)
    purpose = forms.CharField(label=_("Formål indeholder"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Brug"), required=False, choices=[("", _("Alle")), *AccessKind.choices]
    )
    since = forms.DateField(
        label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("Til-datoen ligger før fra-datoen."))
        return cleaned


class SubjectAccessForm(forms.Form):
    cpr = forms.CharField(
        label=_("Den registreredes CPR-nummer"),
        max_length=11,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class ReferralForm(forms.Form):
    to_unit = forms.ModelChoiceField(
        label=_("Til enhed (indgang)"), queryset=Unit.objects.select_related("department")
    )
    reason = forms.CharField(label=_("Årsag"), widget=forms.Textarea(attrs={"rows": 3}))
    legal_basis = forms.ChoiceField(
        label=_("Hjemmel for videregivelse"), choices=LegalBasis.choices, widget=forms.RadioSelect
    )
    necessity = forms.CharField(
        label=_("Hvorfor er videregivelsen nødvendig? (§ 115)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    answer_by = forms.DateField(
        label=_("Svarfrist"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class MatchDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Er det den samme person?"),
        choices=[("confirm", _("Ja, samme person")), ("reject", _("Nej, en anden person"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Begrundelse (skal udfyldes ved afvisning)"), required=False, max_length=300
    )


class ReferralAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Modtag")), ("decline", _("Afvis"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(
        label=_("Begrundelse (skal udfyldes ved afvisning)"), required=False, max_length=1000
    )


class PlanGoalForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    area = forms.ChoiceField(label=_("Område"), choices=PlanArea.choices)
    description = forms.CharField(label=_("Mål"), max_length=300)
    offer = forms.ModelChoiceField(
        label=_("Tilbud, der understøtter målet"), queryset=Initiative.objects.all(), required=False
    )


class SspPlusSettingsForm(forms.ModelForm):
    class Meta:
        model = SspPlusSettings
        fields = ["min_age", "max_age"]
        localized_fields = ["min_age", "max_age"]  # accepts 17,5
        help_texts = {
            "min_age": _("003 (2014): 17,5. København i dag: 18."),
            "max_age": _("003 (2014): 24. København i dag: 25."),
        }

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("min_age") is not None
            and cleaned.get("max_age") is not None
            and cleaned["min_age"] > cleaned["max_age"]
        ):
            self.add_error("max_age", _("Til-alderen skal være mindst lig fra-alderen."))
        return cleaned


class TeamMemberForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Fagperson"),
        queryset=User.objects.filter(is_active=True).select_related("department"),
    )
    role_on_team = forms.CharField(
        label=_("Rolle i teamet"),
        max_length=200,
        help_text=_("F.eks. sagsbehandler i jobcentret, skolens AKT-lærer"),
    )


class PhaseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    to_phase = forms.ChoiceField(label=_("Ny fase"), choices=Phase.choices)
    note = forms.CharField(
        label=_("Begrundelse / progression"), widget=forms.Textarea(attrs={"rows": 2})
    )


class TeamTaskForm(forms.Form):
    responsible = forms.ModelChoiceField(
        label=_("Ansvarlig i teamet"), queryset=User.objects.none()
    )
    title = forms.CharField(label=_("Opgave"), max_length=200)
    due_date = forms.DateField(label=_("Frist"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, course=None, **kwargs):
        super().__init__(*args, **kwargs)
        if course is not None:
            self.fields["responsible"].queryset = User.objects.filter(
                intervention_teams__course=course
            )


class ProgressNoteForm(forms.Form):
    text = forms.CharField(label=_("Notat"), widget=forms.Textarea(attrs={"rows": 3}))
    is_meeting = forms.BooleanField(label=_("Referat af teammøde"), required=False)


class FamilyGoalForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Familiemedlem"), queryset=Person.objects.none())
    description = forms.CharField(label=_("Mål"), max_length=300)

    def __init__(self, *args, course=None, **kwargs):
        super().__init__(*args, **kwargs)
        if course is not None:
            self.fields["person"].queryset = Person.objects.filter(
                household_memberships__household=course.household
            )


class FamilyMemberForm(forms.Form):
    first_name = forms.CharField(label=_("Fornavn"), max_length=100)
    last_name = forms.CharField(label=_("Efternavn"), max_length=100)
    cpr = forms.CharField(
        label=_("CPR-nummer"),
        max_length=11,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    birth_date = forms.DateField(
        label=_("Fødselsdato (kun uden CPR-nummer)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    role = forms.ChoiceField(label=_("Rolle i familien"), choices=HouseholdRole.choices)

    @staticmethod
    def member_fields(data: dict) -> dict:
        """Cleaned data as people.actions.household_member_add takes it."""
        return {
            "role": data["role"],
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "cpr_text": data["cpr"],
            "birth_date": data["birth_date"],
        }
