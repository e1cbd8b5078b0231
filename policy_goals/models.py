"""A department's assessment of a policy goal (seed 002 asks, goal by goal: is it realistic to
reach, which initiatives contribute, what do the figures show). Written, then reported: a
reported assessment is frozen with the verdict and figures it was written beside."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GoalAssessment(models.Model):
    goal = models.ForeignKey(
        "initiatives.PolicyGoal", on_delete=models.CASCADE, related_name="assessments"
    )
    department = models.ForeignKey(
        "accounts.Department", on_delete=models.PROTECT, verbose_name=_("forvaltning")
    )
    text = models.TextField(_("vurdering"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField()
    reported_at = models.DateTimeField(null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The verdict, its reasoning and the figures as they stood when reported.
    frozen = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["goal", "-written_at"]
        verbose_name = _("vurdering af et politisk mål")
        verbose_name_plural = _("vurderinger af politiske mål")
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "department"],
                condition=models.Q(reported_at__isnull=True),
                name="one_draft_assessment_per_goal_and_department",
            )
        ]

    def __str__(self) -> str:
        return f"{self.goal.code}: {self.department.code}"

    def audit_label(self) -> str:
        return f"vurdering af mål {self.goal.code} ({self.department.code})"

    @property
    def is_reported(self) -> bool:
        return self.reported_at is not None


class Origin(models.TextChoices):  # policy_goals.crime_table names the values too
    IMMIGRANT = "immigrant", _("Indvandrere og efterkommere")
    DANISH = "danish", _("Dansk oprindelse")


class CrimeFrequencyCell(models.Model):
    """One cell of an aggregate register table (the form Statistics Denmark delivers): young
    people of one origin and one social background in one year, and their charges and
    convictions. No person's origin is stored: only counts."""

    goal = models.ForeignKey(
        "initiatives.PolicyGoal", on_delete=models.CASCADE, related_name="crime_cells"
    )
    year = models.PositiveSmallIntegerField(_("år"))
    origin = models.CharField(_("herkomst"), max_length=20, choices=Origin.choices)
    stratum = models.CharField(_("social baggrund"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)  # the order of the file's strata
    persons = models.PositiveIntegerField(_("personer"))
    charges = models.PositiveIntegerField(_("sigtelser"))
    convictions = models.PositiveIntegerField(_("domme"))
    dropped_charges = models.PositiveIntegerField(_("frafaldne sigtelser"), null=True, blank=True)

    class Meta:
        ordering = ["goal", "year", "position", "origin"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "year", "origin", "stratum"], name="one_crime_cell_per_stratum"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.origin} {self.stratum}"
