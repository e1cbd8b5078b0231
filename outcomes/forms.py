from django import forms
from django.utils.translation import gettext_lazy as _

from imports.forms import UploadForm
from initiatives.models import Channel, Initiative
from outcomes.models import (
    SCALE_MAX,
    SCALE_MIN,
    ActivityKind,
    Audience,
    EndReason,
    ObservationSource,
    OfferKind,
    ProgressionParameter,
    Status,
    WaitingOutcome,
)


class ParticipationForm(forms.Form):
    initiative = forms.ModelChoiceField(
        label=_("Indsats"), queryset=Initiative.objects.order_by("name")
    )
    offer_kind = forms.ChoiceField(label=_("Tilbud"), choices=OfferKind.choices)
    channel = forms.ChoiceField(
        label=_("Vej ind"),
        choices=[("", _("Ikke angivet")), *Channel.choices],
        required=False,
        help_text=_("Nogle succeskriterier tæller kun deltagere, der kom ad én vej."),
    )
    referred_on = forms.DateField(
        label=_("Henvist"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    started_on = forms.DateField(label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}))


class ParticipationEndForm(forms.Form):
    ended_on = forms.DateField(label=_("Slut"), widget=forms.DateInput(attrs={"type": "date"}))
    end_reason = forms.ChoiceField(label=_("Årsag"), choices=EndReason.choices)


class ObservationForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    observed_on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
    source = forms.ChoiceField(label=_("Kilde"), choices=ObservationSource.choices)


class FollowUpForm(forms.Form):
    reached = forms.ChoiceField(
        label=_("Blev den unge truffet?"),
        choices=[("yes", _("Ja – status observeret")), ("no", _("Nej – kunne ikke træffes"))],
    )
    status = forms.ChoiceField(
        label=_("Status ved opfølgningen"), choices=[("", "–"), *Status.choices], required=False
    )


class AssessmentForm(forms.Form):
    """A date and one 1–10 score per active progression parameter."""

    assessed_on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parameters = list(ProgressionParameter.objects.filter(active=True))
        for parameter in self.parameters:
            self.fields[f"score-{parameter.pk}"] = forms.IntegerField(
                label=parameter.name,
                min_value=SCALE_MIN,
                max_value=SCALE_MAX,
                help_text=_("10: %(best)s") % {"best": parameter.description}
                if parameter.description
                else "",
                widget=forms.NumberInput(attrs={"class": "input-width-xs"}),
            )

    def scores(self) -> dict[int, int]:
        return {p.pk: self.cleaned_data[f"score-{p.pk}"] for p in self.parameters}


class ProgressionParameterForm(forms.ModelForm):
    class Meta:
        model = ProgressionParameter
        fields = ["name", "description"]


class ActivityForm(forms.Form):
    held_on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=_("Aktivitet"), choices=ActivityKind.choices)
    audience = forms.ChoiceField(
        label=_("Målgruppe"), choices=[("", "–"), *Audience.choices], required=False
    )
    attendees = forms.IntegerField(label=_("Antal deltagere"), min_value=0, initial=0)
    description = forms.CharField(label=_("Beskrivelse"), max_length=200, required=False)


class SurveyAnswersForm(UploadForm):
    import_kind = "survey_answers"
    file = forms.FileField(
        label=_("Fil med svar (CSV eller Excel)"),
        help_text=_("Kolonner: dato;svar (ja/nej), eventuelt gruppe."),
    )


class WaitingListForm(forms.Form):
    initiative = forms.ModelChoiceField(
        label=_("Indsats"), queryset=Initiative.objects.order_by("name")
    )
    added_on = forms.DateField(
        label=_("Skrevet op"), widget=forms.DateInput(attrs={"type": "date"})
    )


class WaitingRemoveForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Udfald"),
        choices=[c for c in WaitingOutcome.choices if c[0] != WaitingOutcome.STARTED],
    )


class RecordsImportForm(UploadForm):
    kind = forms.ChoiceField(
        label=_("Udtræk"),
        choices=[
            ("status", _("Statusobservationer (jobcenter, skole): cpr;dato;status")),
            ("kriminalitet", _("Politiets registreringer: cpr;dato;hændelse;kategori")),
        ],
    )
    field_order = ["kind", "file", "import_again"]
