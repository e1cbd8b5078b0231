"""What becomes of people: participation in initiatives, status observations over time, crime
events and follow-ups (DOMAIN.md sections 1, 2 'What is followed' and 5). Success criteria are
computed from these records (outcomes/measures.py, outcomes/queries.py)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from initiatives.models import Channel
from people.models import Person


class OfferKind(models.TextChoices):
    ACTIVE_EMPLOYMENT = "active_employment", _("Tilbud efter lov om en aktiv beskæftigelsesindsats")
    MENTOR = "mentor", _("Mentorforløb")
    LEISURE_JOB = "leisure_job", _("Fritidsjob")
    COUNSELLING = "counselling", _("Samtaleforløb")
    COORDINATED = "coordinated", _("Koordineret helhedsindsats (interventionsteam, SSP+)")
    OTHER = "other", _("Andet tilbud")


class EndReason(models.TextChoices):
    COMPLETED = "completed", _("Gennemført")
    DROPPED_OUT = "dropped_out", _("Afbrudt")
    MOVED = "moved", _("Fraflyttet")
    OTHER = "other", _("Andet")


class Participation(models.Model):
    """A person's participation in an initiative: referral, the offer, start and end."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("indsats"),
    )
    referred_on = models.DateField(_("henvist"), null=True, blank=True)
    offer_kind = models.CharField(_("tilbud"), max_length=20, choices=OfferKind.choices)
    channel = models.CharField(_("vej ind"), max_length=20, choices=Channel.choices, blank=True)
    started_on = models.DateField(_("start"))
    ended_on = models.DateField(_("slut"), null=True, blank=True)
    end_reason = models.CharField(
        _("årsag til afslutning"), max_length=20, choices=EndReason.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    # The module record this participation is (an intervention course, an SSP+ plan), e.g.
    # "cases.interventioncourse:12": it begins and ends there, never here (cases.enrolments).
    module_record = models.CharField(max_length=80, blank=True, db_index=True, editable=False)

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("deltagelse")
        verbose_name_plural = _("deltagelser")
        indexes = [models.Index(fields=["initiative", "started_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="participation_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | ~Q(end_reason=""),
                name="participation_end_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} i {self.initiative}"

    def audit_label(self) -> str:
        return f"deltagelse {self.pk} i {self.initiative}"

    def module_label(self) -> str:
        """What the participation follows, if it comes from a module record."""
        kind = self.module_record.partition(":")[0]
        return {
            "cases.interventioncourse": str(_("følger familiens interventionsforløb")),
            "cases.sspplusplan": str(_("følger SSP+-planen")),
        }.get(kind, "")


class WaitingOutcome(models.TextChoices):
    STARTED = "started", _("Startet i indsatsen")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")
    OTHER_OFFER = "other_offer", _("Fået andet tilbud")


class WaitingListEntry(models.Model):
    """A person waiting for a place in an initiative; the entry closes when the person starts
    (automatically) or is taken off the list with a reason."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="waiting_entries")
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.PROTECT,
        related_name="waiting_entries",
        verbose_name=_("indsats"),
    )
    added_on = models.DateField(_("skrevet op"))
    removed_on = models.DateField(_("taget af listen"), null=True, blank=True)
    outcome = models.CharField(
        _("udfald"), max_length=12, choices=WaitingOutcome.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["added_on", "id"]
        verbose_name = _("plads på venteliste")
        verbose_name_plural = _("venteliste")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "initiative"],
                condition=Q(removed_on__isnull=True),
                name="waiting_once_per_initiative",
            ),
            models.CheckConstraint(
                condition=Q(removed_on__isnull=True) | ~Q(outcome=""),
                name="waiting_removal_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} venter på {self.initiative}"

    def audit_label(self) -> str:
        return f"venteliste {self.pk}, {self.initiative}"


class Status(models.TextChoices):
    JOB = "job", _("I job")
    EDUCATION = "education", _("I uddannelse")
    ACTIVATION = "activation", _("I aktivering")
    WAGE_SUBSIDY = "wage_subsidy", _("Løntilskudsjob")
    JOB_CENTRE_CONTACT = "job_centre_contact", _("Positiv kontakt med jobcentret")
    SELF_SUPPORTING = "self_supporting", _("Selvforsørgende")
    NONE = "none", _("Ingen af delene")
    COMPLETED_9TH_GRADE = "completed_9th_grade", _("9. klasse gennemført")
    YOUTH_EDUCATION = "youth_education", _("Startet på en ungdomsuddannelse")
    LEISURE_ACTIVITY = "leisure_activity", _("Organiseret fritidsaktivitet")
    LEISURE_JOB = "leisure_job", _("Fritidsjob")
    STUDY_JOB = "study_job", _("Studiejob")
    LANGUAGE_SCHOOL = "language_school", _("Sprogskole")
    CHILD_IN_DAYCARE = "child_in_daycare", _("Barn i dagtilbud")
    PARENT_IN_JOB = "parent_in_job", _("Forælder i job")
    # School attendance per term, as the school reports it: regular means absence under 10 %.
    REGULAR_ATTENDANCE = "regular_attendance", _("Stabilt skolefremmøde (fravær under 10 %)")
    IRREGULAR_ATTENDANCE = "irregular_attendance", _("Bekymrende skolefravær (fravær fra 10 %)")


class ObservationSource(models.TextChoices):
    JOB_CENTRE = "job_centre", _("Jobcentrets registre")
    SCHOOL = "school", _("Skolen")
    CASEWORKER = "caseworker", _("Sagsbehandler")
    FOLLOW_UP = "follow_up", _("Opfølgning")
    IMPORT = "import", _("Import")


class StatusObservation(models.Model):
    """A person's status on a date, from a source. The history is the list of observations."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="status_observations")
    observed_on = models.DateField(_("dato"))
    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    source = models.CharField(_("kilde"), max_length=20, choices=ObservationSource.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-observed_on", "-id"]
        verbose_name = _("statusobservation")
        # Covering: 'which status near anchor + k months' is answered from the index alone.
        indexes = [models.Index(fields=["person", "observed_on", "status"])]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.observed_on:%d.%m.%Y}"


class CrimeKind(models.TextChoices):
    ARREST = "arrest", _("Anholdelse")
    CHARGE = "charge", _("Sigtelse")
    CONVICTION = "conviction", _("Dom")
    DROPPED_CHARGE = "dropped_charge", _("Frafaldet sigtelse")


class OffenceCategory(models.TextChoices):
    VIOLENCE = "violence", _("Vold og personfarlig kriminalitet")
    PROPERTY = "property", _("Berigelseskriminalitet")
    DRUGS = "drugs", _("Narkotika")
    OTHER = "other", _("Anden kriminalitet")


class CrimeEvent(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="crime_events")
    occurred_on = models.DateField(_("dato"))
    kind = models.CharField(_("hændelse"), max_length=20, choices=CrimeKind.choices)
    category = models.CharField(_("kategori"), max_length=20, choices=OffenceCategory.choices)
    source = models.CharField(_("kilde"), max_length=100, default="Politiet")

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("kriminalitetshændelse")
        indexes = [models.Index(fields=["person", "occurred_on", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_on:%d.%m.%Y}"


class FollowUpOutcome(models.TextChoices):
    DUE = "due", _("Afventer")
    OBSERVED = "observed", _("Observeret")
    UNREACHABLE = "unreachable", _("Kunne ikke træffes")


class FollowUp(models.Model):
    """A follow-up k months after a participation's start or end, created by the initiative's
    criteria. It ends as observed (with the status recorded), unreachable, or stays due: a
    missing follow-up is never counted as a success or a failure."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="follow_ups"
    )
    months = models.PositiveSmallIntegerField(_("måneder"))
    anchor = models.CharField(max_length=5, choices=[("start", _("start")), ("end", _("slut"))])
    due_on = models.DateField(_("frist"))
    outcome = models.CharField(
        max_length=12, choices=FollowUpOutcome.choices, default=FollowUpOutcome.DUE
    )
    observation = models.ForeignKey(
        StatusObservation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("opfølgning")
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "months", "anchor"], name="follow_up_once"
            )
        ]

    def __str__(self) -> str:
        return f"Opfølgning efter {self.months} mdr."


SCALE_MIN, SCALE_MAX = 1, 10


class ProgressionParameter(models.Model):
    """One parameter of the progression instrument (seed 002: 'development on 10 parameters
    for every young person with a social case'). Configured by an administrator; scored on
    1–10 where 10 is always the best (no absence, no crime)."""

    name = models.CharField(_("parameter"), max_length=100, unique=True)
    description = models.CharField(_("hvad 10 betyder"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(_("i brug"), default=True)
    is_default = models.BooleanField(_("standardopsætning"), default=False)
    from_seed = models.BooleanField(_("nævnt i kildedokumentet"), default=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("progressionsparameter")

    def __str__(self) -> str:
        return self.name


class Assessment(models.Model):
    """One scoring of a young person on every active parameter, on a date."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("vurderet"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["assessed_on", "id"]
        verbose_name = _("progressionsvurdering")

    def __str__(self) -> str:
        return f"Vurdering {self.assessed_on:%d.%m.%Y}"


class AssessmentScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    parameter = models.ForeignKey(
        ProgressionParameter, on_delete=models.PROTECT, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(
        validators=[
            MinValueValidator(SCALE_MIN, _("Scoren skal være 1–10.")),
            MaxValueValidator(SCALE_MAX, _("Scoren skal være 1–10.")),
        ]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "parameter"], name="score_once"),
            models.CheckConstraint(
                condition=Q(score__gte=SCALE_MIN, score__lte=SCALE_MAX), name="score_1_to_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.parameter}: {self.score}"


class ActivityKind(models.TextChoices):
    SESSION = "session", _("Oplæg eller undervisning")
    MEETING = "meeting", _("Møde")
    SURVEY = "survey", _("Undersøgelse")
    REPORT = "report", _("Afrapportering")
    OTHER = "other", _("Anden aktivitet")


class Audience(models.TextChoices):
    FRONT_LINE_STAFF = "front_line_staff", _("Frontmedarbejdere")
    PARENTS = "parents", _("Forældre")
    YOUNG_PEOPLE = "young_people", _("Elever og unge")
    PARTNERS = "partners", _("Samarbejdspartnere")
    COMMITTEES = "committees", _("Politiske udvalg")


class Activity(models.Model):
    """Something an initiative did that reaches people it does not register one by one: a talk
    to 40 teachers, a parents' evening, a yearly meeting with partners, a report to the
    committees (seed 003: VINK 'knowledge spread to at least 100 front-line staff a year')."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.PROTECT, related_name="activities_held"
    )
    held_on = models.DateField(_("dato"))
    kind = models.CharField(_("aktivitet"), max_length=10, choices=ActivityKind.choices)
    audience = models.CharField(_("målgruppe"), max_length=20, choices=Audience.choices, blank=True)
    attendees = models.PositiveIntegerField(_("deltagere"), default=0)
    description = models.CharField(_("beskrivelse"), max_length=200, blank=True)
    # The record this activity is (a troubled-areas report sent to the committees, a survey
    # wave presented to them), e.g. "reports.troubledareasreport:3"; recorded by that record.
    module_record = models.CharField(max_length=80, blank=True, db_index=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        indexes = [models.Index(fields=["initiative", "held_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d.%m.%Y}"


class SurveyAnswer(models.Model):
    """One anonymous questionnaire answer to a survey-share criterion ('80 % of the parents
    experience good service'): agrees or not. Imported from the survey tool's export; no
    person is linked, so these need no person access."""

    criterion = models.ForeignKey(
        "initiatives.SuccessCriterion", on_delete=models.CASCADE, related_name="survey_answers"
    )
    answered_on = models.DateField(_("besvaret"))
    agrees = models.BooleanField(_("svarer ja"))
    respondent_group = models.CharField(_("svargruppe"), max_length=60, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-answered_on", "-id"]
        verbose_name = _("spørgeskemasvar")
        verbose_name_plural = _("spørgeskemasvar")
        indexes = [models.Index(fields=["criterion", "answered_on"])]

    def __str__(self) -> str:
        return f"Svar {self.answered_on:%d.%m.%Y}"
