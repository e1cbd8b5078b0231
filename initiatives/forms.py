"""Forms validate and clean input; the actions decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from imports.forms import UploadForm
from initiatives.models import (
    MAX_YEAR,
    MIN_YEAR,
    Funding,
    Initiative,
    InitiativeKind,
    PolicyGoal,
    SuccessCriterion,
)


class CatalogueFilterForm(forms.Form):
    is_filter = True  # every field is optional; the form says so once instead of per field

    q = forms.CharField(label=_("Navn indeholder"), required=False)
    department = forms.ModelChoiceField(
        label=_("Forvaltning"),
        queryset=Department.objects.filter(is_external=False),
        required=False,
        empty_label=_("Alle forvaltninger"),
        to_field_name="code",
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("Alle typer")), *InitiativeKind.choices], required=False
    )
    year = forms.IntegerField(
        label=_("Aktiv i år"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False
    )
    age = forms.IntegerField(
        label=_("Målgruppens alder"), min_value=0, max_value=120, required=False
    )
    lapses_after = forms.IntegerField(
        label=_("Bortfalder efter år"),
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        required=False,
        help_text=_("Indsatser, hvis sidste år med penge er dette år."),
    )


class BudgetRangeForm(forms.Form):
    is_filter = True

    first = forms.IntegerField(label=_("Fra år"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    last = forms.IntegerField(label=_("Til og med år"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    view = forms.ChoiceField(
        label=_("Vis"),
        choices=[
            ("initiative", _("Pr. indsats")),
            ("department", _("Pr. forvaltning")),
            ("source", _("Pr. finansieringskilde")),
        ],
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first"), cleaned.get("last")
        if first and last:
            if first > last:
                raise forms.ValidationError(
                    _("Fra-året skal ligge før eller være lig med til-året.")
                )
            if last - first > 20:
                raise forms.ValidationError(_("Vælg højst 21 år ad gangen."))
        return cleaned


class DanishDecimalField(forms.DecimalField):
    """Accepts '1.234,5' as well as '1234.5'."""

    def to_python(self, value):
        if isinstance(value, str) and "," in value:
            value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)


class InitiativeForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    owning_departments = forms.ModelMultipleChoiceField(
        label=_("Ejende forvaltninger"),
        queryset=Department.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    policy_goals = forms.ModelMultipleChoiceField(
        label=_("Bidrager til politiske mål"),
        queryset=PolicyGoal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_age_min = DanishDecimalField(
        label=_("Alder fra"), required=False, min_value=0, max_value=120, decimal_places=1
    )
    target_age_max = DanishDecimalField(
        label=_("Alder til"), required=False, min_value=0, max_value=120, decimal_places=1
    )
    capacity_amount = DanishDecimalField(
        label=_("Kapacitet"), required=False, min_value=0, decimal_places=1
    )

    class Meta:
        model = Initiative
        fields = [
            "name",
            "kind",
            "owning_departments",
            "anchoring_unit",
            "partners",
            "target_age_min",
            "target_age_max",
            "target_ssp_levels",
            "target_areas",
            "target_group",
            "economy_text",
            "activities",
            "goal",
            "policy_contribution",
            "policy_goals",
            "planned_follow_up",
            "evaluated_internally",
            "evaluated_externally",
            "statistical_follow_up",
            "capacity_amount",
            "capacity_unit",
            "capacity_note",
            "period_start",
            "period_end",
            "runs_without_funding",
            "runs_without_funding_reason",
        ]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_target_ssp_levels(self):
        raw = self.cleaned_data["target_ssp_levels"].replace(" ", "")
        if not raw:
            return ""
        try:
            levels = sorted({int(level) for level in raw.split(",")})
        except ValueError:
            raise forms.ValidationError(
                _("Skriv SSP-niveauerne som tal adskilt af komma, f.eks. 3,4.")
            ) from None
        if any(level not in (1, 2, 3, 4) for level in levels):
            raise forms.ValidationError(_("SSP-niveauer går fra 1 til 4."))
        return ",".join(str(level) for level in levels)

    def clean(self):
        cleaned = super().clean()
        lo, hi = cleaned.get("target_age_min"), cleaned.get("target_age_max")
        if lo is not None and hi is not None and lo > hi:
            self.add_error(
                "target_age_max", _("Alder til skal være større end eller lig med alder fra.")
            )
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("Perioden kan ikke slutte, før den begynder."))
        if (
            cleaned.get("runs_without_funding")
            and not cleaned.get("runs_without_funding_reason", "").strip()
        ):
            self.add_error(
                "runs_without_funding_reason",
                _(
                    "Skriv hvorfor indsatsen fortsætter uden projektmidler (f.eks. i normaldriften)."
                ),
            )
        return cleaned


class SuccessCriterionForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    target_value = DanishDecimalField(label=_("Mål"), required=False, min_value=0, decimal_places=2)

    class Meta:
        model = SuccessCriterion
        fields = [
            "text",
            "kind",
            "direction",
            "target_value",
            "target_unit",
            "per_year",
            "period_start",
            "period_end",
            "follow_up_months",
            "statuses",
            "start_event",
            "channel",
            "age_min",
            "age_max",
            "source",
            "area",
            "measures_goal",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_follow_up_months(self):
        raw = self.cleaned_data["follow_up_months"].replace(" ", "")
        if not raw:
            return ""
        try:
            months = sorted({int(m) for m in raw.split(",")})
        except ValueError:
            raise forms.ValidationError(
                _("Skriv måneder som tal adskilt af komma, f.eks. 3,6,12.")
            ) from None
        if any(m < 1 or m > 60 for m in months):
            raise forms.ValidationError(
                _("Opfølgning sker mellem 1 og 60 måneder efter startbegivenheden.")
            )
        return ",".join(str(m) for m in months)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("target_unit") == "percent" and (cleaned.get("target_value") or 0) > 100:
            self.add_error("target_value", _("En andel kan højst være 100 %."))
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("Perioden kan ikke slutte, før den begynder."))
        low, high = cleaned.get("age_min"), cleaned.get("age_max")
        if low is not None and high is not None and low > high:
            self.add_error("age_max", _("Alder til skal være større end eller lig med alder fra."))
        return cleaned


class ReportedValueForm(forms.Form):
    period = forms.CharField(
        label=_("Periode"), max_length=40, help_text=_("F.eks. 2014 eller 2. halvår 2014")
    )
    value = DanishDecimalField(label=_("Værdi"), max_digits=12, decimal_places=2)
    numerator = forms.IntegerField(label=_("Tæller (antal)"), min_value=0, required=False)
    denominator = forms.IntegerField(label=_("Nævner (ud af)"), min_value=0, required=False)
    note = forms.CharField(label=_("Bemærkning"), max_length=300, required=False)

    def clean(self):
        cleaned = super().clean()
        numerator, denominator = cleaned.get("numerator"), cleaned.get("denominator")
        if numerator is not None and denominator is not None and numerator > denominator:
            self.add_error("numerator", _("Tælleren kan ikke være større end nævneren."))
        return cleaned


class BudgetImportForm(UploadForm):
    import_kind = "budget"
    file = forms.FileField(
        label=_("Fil (CSV eller Excel)"),
        help_text=_(
            "Kolonner: indsats; år; beløb; kilde; forvaltning; bemærkning. Semikolon og decimalkomma er fint."
        ),
    )


class StatusReportForm(forms.Form):
    period = forms.CharField(
        label=_("Periode"), max_length=40, help_text=_("F.eks. 2014 eller 2. halvår 2014")
    )
    text = forms.CharField(
        label=_("Status i forhold til målopfyldelse"), widget=forms.Textarea(attrs={"rows": 6})
    )


class FundingForm(forms.ModelForm):
    amount = DanishDecimalField(
        label=_("Beløb (kr.)"), min_value=0, max_digits=14, decimal_places=2
    )

    class Meta:
        model = Funding
        fields = ["first_year", "last_year", "amount", "source", "department", "note"]
        help_texts = {
            "last_year": _(
                "Samme år som 'år' for en årlig bevilling; et senere år for en samlet bevilling over flere år."
            )
        }

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first and last and first > last:
            self.add_error("last_year", _("Perioden kan ikke slutte, før den begynder."))
        return cleaned
