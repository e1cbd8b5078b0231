from django import forms
from django.utils.translation import gettext_lazy as _

from imports.forms import UploadForm


class GoalAssessmentForm(forms.Form):
    text = forms.CharField(
        label=_("Forvaltningens vurdering: er målet realistisk at nå?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )


class CrimeTableForm(UploadForm):
    """Goal c's aggregate register table: år;herkomst;social baggrund;personer;sigtelser;domme
    and, where the table has them, frafaldne sigtelser."""

    import_kind = "crime_frequency"
