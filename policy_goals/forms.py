from django import forms
from django.utils.translation import gettext_lazy as _


class GoalAssessmentForm(forms.Form):
    text = forms.CharField(
        label=_("Forvaltningens vurdering: er målet realistisk at nå?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )
