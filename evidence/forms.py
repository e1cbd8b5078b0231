from django import forms
from django.utils.translation import gettext_lazy as _

from evidence.models import ChangeTheoryStep
from initiatives.models import SuccessCriterion


class ChangeTheoryStepForm(forms.ModelForm):
    class Meta:
        model = ChangeTheoryStep
        fields = ["stage", "text", "criteria"]
        widgets = {"criteria": forms.CheckboxSelectMultiple}
        help_texts = {"criteria": _("De succeskriterier, der måler dette trin.")}

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].queryset = SuccessCriterion.objects.filter(initiative=initiative)
