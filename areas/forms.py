import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from areas.models import AcuteIncident, Area, AreaKind, AreaSet, Hotspot
from imports.forms import UploadForm

MONTH_LINE = re.compile(r"^\s*(\d{1,2})[-./](\d{4})\s+(\S.*?)\s*$")


class LettingCheckForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Boligområde"),
        queryset=Area.objects.filter(area_set__kind=AreaKind.HOUSING_AREA).order_by("name"),
    )
    application_reference = forms.CharField(label=_("Ansøgningsnummer"), max_length=60)
    applied_on = forms.DateField(label=_("Ansøgt"), widget=forms.DateInput(attrs={"type": "date"}))
    months = forms.CharField(
        label=_("Måneder med ydelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Én linje pr. måned: måned-år og ydelse, f.eks. ”03-2026 kontanthjælp”."),
    )
    on_waiting_list_since = forms.DateField(
        label=_("På venteliste siden (hvis før ordningen)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_months(self) -> list[tuple[date, str]]:
        parsed = []
        for number, line in enumerate(self.cleaned_data["months"].splitlines(), start=1):
            if not line.strip():
                continue
            match = MONTH_LINE.match(line)
            if not match or not 1 <= int(match[1]) <= 12:
                raise forms.ValidationError(
                    _("Linje %(n)s: skriv måned-år og ydelse, f.eks. 03-2026 kontanthjælp."),
                    params={"n": number},
                )
            parsed.append((date(int(match[2]), int(match[1]), 1), match[3].lower()))
        return parsed


class AreaImportForm(UploadForm):
    kind = forms.ChoiceField(
        label=_("Hvad indlæses"),
        choices=[
            ("areas.survey", _("Tryghedsundersøgelse: område;vægt;nabolag;aften;nat;offer")),
            ("areas.police", _("Politiets anmeldelser: område;år;kategori;antal")),
        ],
    )
    area_set = forms.ModelChoiceField(label=_("Inddeling"), queryset=AreaSet.objects.all())
    year = forms.IntegerField(
        label=_("År (undersøgelse)"), required=False, min_value=2000, max_value=2100
    )
    invited = forms.IntegerField(label=_("Inviterede (undersøgelse)"), required=False, min_value=1)
    field_order = ["kind", "area_set", "year", "invited", "file", "import_again"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == "areas.survey" and not (data.get("year") and data.get("invited")):
            raise forms.ValidationError(_("En undersøgelse skal have år og antal inviterede."))
        return data


class HotspotForm(forms.ModelForm):
    class Meta:
        model = Hotspot
        fields = ["name", "area", "goals", "responsible_unit", "period_start", "period_end"]
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 4}),
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class AcuteIncidentForm(forms.ModelForm):
    class Meta:
        model = AcuteIncident
        fields = ["district", "place", "occurred_on", "kind", "description"]
        widgets = {
            "occurred_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
