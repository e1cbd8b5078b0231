"""The change theory of an initiative (BR 112/07B, seeds 000/001: activities → results →
effect), as structured steps the owner edits, each linked to the criteria that measure it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    ACTIVITY = "activity", _("Aktivitet")
    OUTPUT = "output", _("Resultat (output)")
    OUTCOME = "outcome", _("Virkning (outcome)")
    EFFECT = "effect", _("Effekt")


STAGE_ORDER = [Stage.ACTIVITY, Stage.OUTPUT, Stage.OUTCOME, Stage.EFFECT]


class ChangeTheoryStep(models.Model):
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="change_theory"
    )
    stage = models.CharField(_("trin"), max_length=10, choices=Stage.choices)
    text = models.CharField(_("beskrivelse"), max_length=500)
    criteria = models.ManyToManyField(
        "initiatives.SuccessCriterion",
        blank=True,
        related_name="change_theory_steps",
        verbose_name=_("måles af"),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["initiative", "position", "id"]
        verbose_name = _("trin i forandringsteorien")
        verbose_name_plural = _("forandringsteori")

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.text[:60]}"

    def audit_label(self) -> str:
        return f"forandringsteori-trin {self.pk}"
