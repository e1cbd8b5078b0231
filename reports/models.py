"""The half-yearly report on troubled areas (urolige områder) to BUU, SOU and BIU, then ØU:
figures per district and for the city, two texts per district from its SSP leader group,
and a workflow draft → approved → sent. An approved report is frozen: its figures are stored
with it and never recomputed (DOMAIN.md section 3; seed 003)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import CityDistrict


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    APPROVED = "approved", _("Godkendt")
    SENT = "sent", _("Sendt til alle udvalg")


class Committee(models.TextChoices):
    """The committees the report goes to: the three specialist committees, then the Finance
    Committee (seed 003)."""

    BUU = "BUU", _("Børne- og Ungdomsudvalget")
    SOU = "SOU", _("Socialudvalget")
    BIU = "BIU", _("Beskæftigelses- og Integrationsudvalget")
    OEU = "ØU", _("Økonomiudvalget")
    BR = "BR", _("Borgerrepræsentationen")


# The troubled-areas report goes to these four (seed 003); the safety index also to BR.
TROUBLED_AREAS_COMMITTEES = [Committee.BUU, Committee.SOU, Committee.BIU, Committee.OEU]
SAFETY_INDEX_COMMITTEES = [Committee.BIU, Committee.OEU, Committee.BR]


class TroubledAreasReport(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    period_start = models.DateField(_("periode fra"))
    period_end = models.DateField(_("periode til"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    frozen_figures = models.JSONField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-period_start", "-id"]
        verbose_name = _("rapport om urolige områder")
        constraints = [
            models.UniqueConstraint(
                fields=["period_start", "period_end"], name="one_report_per_period"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class DistrictText(models.Model):
    """A district's two texts: the challenges, and how they are met."""

    report = models.ForeignKey(
        TroubledAreasReport, on_delete=models.CASCADE, related_name="district_texts"
    )
    district = models.CharField(_("bydel"), max_length=20, choices=CityDistrict.choices)
    challenges = models.TextField(_("udfordringer"), blank=True)
    responses = models.TextField(_("sådan mødes de"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Two of the district's SSP people may edit at once: the later save must not overwrite.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["report", "district"]
        constraints = [
            models.UniqueConstraint(fields=["report", "district"], name="one_text_per_district")
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.get_district_display()}"


class CommitteeSending(models.Model):
    """The approved report sent to one committee, for one of its meetings."""

    report = models.ForeignKey(
        TroubledAreasReport, on_delete=models.CASCADE, related_name="sendings"
    )
    committee = models.CharField(_("udvalg"), max_length=3, choices=Committee.choices)
    meeting_on = models.DateField(_("udvalgsmøde"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "sent_at", "id"]
        verbose_name = _("fremsendelse til udvalg")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "committee"], name="report_sent_once_per_committee"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report} → {self.committee}"


class SurveyPresentation(models.Model):
    """A safety-survey wave presented to a committee (seed 003: the yearly survey goes to BIU,
    ØU and BR). Once it has been presented to all three, it counts for the safety-index
    initiative's criterion as that year's survey (an activity of the initiative)."""

    wave = models.ForeignKey(
        "areas.SurveyWave", on_delete=models.CASCADE, related_name="presentations"
    )
    committee = models.CharField(_("udvalg"), max_length=3, choices=Committee.choices)
    meeting_on = models.DateField(_("udvalgsmøde"))
    presented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["wave", "meeting_on", "id"]
        verbose_name = _("forelæggelse af tryghedsundersøgelse")
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "committee"], name="survey_presented_once_per_committee"
            )
        ]

    def __str__(self) -> str:
        return f"{self.wave} → {self.committee}"
