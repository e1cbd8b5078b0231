"""SSP single cases on four levels, with per-level rules for who acts and by when
(DOMAIN.md section 2; seeds 002 and 003)."""

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from people.models import Person


class SspLevel(models.IntegerChoices):
    WORRYING_BEHAVIOUR = 1, _("1 – Bekymrende adfærd")
    FIRST_TIME_CRIME = 2, _("2 – Førstegangskriminalitet")
    REPEATED_SERIOUS_CRIME = 3, _("3 – Gentagen alvorlig kriminalitet")
    CRIME_DANGEROUS_TO_PERSONS = 4, _("4 – Personfarlig kriminalitet")


LEVEL_VALIDATORS = [
    MinValueValidator(1, _("SSP-niveauet skal være 1–4.")),
    MaxValueValidator(4, _("SSP-niveauet skal være 1–4.")),
]


class LevelRule(models.Model):
    """For each level: which body handles it, who is responsible, and which actions must start
    within how many days. The seeds give the principle, not the numbers: the municipality
    configures them (defaults in cases/level_rule_defaults.py, labelled as such)."""

    level = models.PositiveSmallIntegerField(
        _("niveau"), unique=True, choices=SspLevel.choices, validators=LEVEL_VALIDATORS
    )
    handling_body = models.CharField(_("behandles af"), max_length=200)
    responsible_role = models.CharField(_("ansvarlig rolle"), max_length=40, choices=Role.choices)
    characteristics = models.TextField(_("kendetegn"), blank=True)
    is_default = models.BooleanField(_("standardopsætning"), default=True)

    class Meta:
        ordering = ["level"]
        verbose_name = _("niveauregel")

    def __str__(self) -> str:
        return self.get_level_display()


class LevelRuleAction(models.Model):
    rule = models.ForeignKey(LevelRule, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("handling"), max_length=200)
    deadline_days = models.PositiveSmallIntegerField(
        _("frist (dage)"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["rule", "position", "id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.deadline_days} dage)"


class LegalBasis(models.TextChoices):
    RETSPLEJELOVEN_115 = (
        "rpl115",
        _("Retsplejeloven § 115 (nødvendigt for det kriminalitetsforebyggende samarbejde)"),
    )
    CONSENT = "consent", _("Samtykke")


class SspCase(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="ssp_cases")
    level = models.PositiveSmallIntegerField(
        _("niveau"), choices=SspLevel.choices, validators=LEVEL_VALIDATORS
    )
    reporting_partner = models.CharField(_("indberettet af (partner)"), max_length=200)
    reported_on = models.DateField(_("dato"))
    ssp_district = models.CharField(_("SSP-distrikt"), max_length=100)
    description = models.TextField(_("beskrivelse"))
    legal_basis = models.CharField(
        _("hjemmel for videregivelse"), max_length=10, choices=LegalBasis.choices
    )
    necessity = models.TextField(_("hvorfor videregivelsen er nødvendig"), blank=True)
    consent_date = models.DateField(_("samtykke givet"), null=True, blank=True)
    consent_scope = models.CharField(_("samtykkets omfang"), max_length=300, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("SSP-sag")
        verbose_name_plural = _("SSP-sager")
        # The district's SSP body sees its district's cases.
        indexes = [models.Index(fields=["ssp_district"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="ssp_case_level_1_to_4"
            ),
            models.CheckConstraint(
                condition=~Q(legal_basis="rpl115") | ~Q(necessity=""),
                name="rpl115_states_necessity",
            ),
            models.CheckConstraint(
                condition=~Q(legal_basis="consent")
                | (Q(consent_date__isnull=False) & ~Q(consent_scope="")),
                name="consent_has_date_and_scope",
            ),
        ]

    def __str__(self) -> str:
        return f"SSP-sag {self.pk} ({self.get_level_display()})"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class LevelChange(models.Model):
    """Every level a case has had, with the reason (the first row is the opening level)."""

    case = models.ForeignKey(SspCase, on_delete=models.CASCADE, related_name="level_changes")
    from_level = models.PositiveSmallIntegerField(null=True, blank=True)
    to_level = models.PositiveSmallIntegerField(validators=LEVEL_VALIDATORS)
    reason = models.TextField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.case}: {self.from_level} → {self.to_level}"


class CaseMember(models.Model):
    """A professional working on the case; members (and the responsible SSP body) may see it."""

    case = models.ForeignKey(SspCase, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_memberships"
    )
    role_on_case = models.CharField(_("rolle i sagen"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="member_once_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.user} på {self.case}"


class SspBodyMembership(models.Model):
    """Membership of the SSP body (local committee / coordination group) of an SSP district:
    its members see the SSP cases of their district."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ssp_bodies"
    )
    ssp_district = models.CharField(_("SSP-distrikt"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "ssp_district"], name="ssp_body_membership_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} i {self.ssp_district}"


class TaskQuerySet(models.QuerySet):
    def open(self) -> "TaskQuerySet":
        return self.filter(done_at__isnull=True)

    def overdue(self, today: date | None = None) -> "TaskQuerySet":
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def overdue_first(self) -> "TaskQuerySet":
        return self.order_by("done_at", "due_date", "id")


class Task(models.Model):
    """An action with a deadline for one responsible person, on an SSP case or an intervention course."""

    case = models.ForeignKey(
        SspCase, on_delete=models.CASCADE, related_name="tasks", null=True, blank=True
    )
    course = models.ForeignKey(
        "InterventionCourse", on_delete=models.CASCADE, related_name="tasks", null=True, blank=True
    )
    title = models.CharField(_("opgave"), max_length=200)
    due_date = models.DateField(_("frist"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tasks"
    )
    for_level = models.PositiveSmallIntegerField(null=True, blank=True)
    # Set when nobody held the role the level rule names, and the task went to someone else:
    # said on the task, so that the gap in the SSP body is seen and mended.
    fallback_note = models.CharField(max_length=300, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(case__isnull=False, course__isnull=True)
                | Q(case__isnull=True, course__isnull=False),
                name="task_on_case_or_course",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (frist {self.due_date:%d.%m.%Y})"

    def is_overdue(self, today: date | None = None) -> bool:
        return self.done_at is None and self.due_date < (today or timezone.localdate())

    @staticmethod
    def due_from(start: date, days: int) -> date:
        return start + timedelta(days=days)


class EmergencyAccessQuerySet(models.QuerySet):
    def active(self) -> "EmergencyAccessQuerySet":
        return self.filter(expires_at__gt=timezone.now())

    def unreviewed(self) -> "EmergencyAccessQuerySet":
        return self.filter(reviewed_at__isnull=True)


class EmergencyAccess(models.Model):
    """'Break the glass': access to a person outside one's scope, for a stated reason, for a
    limited time, always flagged to an administrator for review."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="emergency_accesses"
    )
    # None: the number typed belongs to nobody. The attempt is kept for review all the same,
    # so the form cannot be used to test CPR numbers unseen.
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, related_name="emergency_accesses"
    )
    criterion = models.CharField(_("søgt på"), max_length=40, blank=True)
    reason = models.TextField(_("begrundelse"))
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.CharField(_("bemærkning fra gennemgang"), max_length=300, blank=True)

    objects = EmergencyAccessQuerySet.as_manager()

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("nødadgang")

    def __str__(self) -> str:
        return f"Nødadgang for {self.user} til person {self.person_id}"


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sendt")
    ACCEPTED = "accepted", _("Modtaget")
    DECLINED = "declined", _("Afvist")
    ESCALATED = "escalated", _("Ubesvaret – eskaleret")


class Referral(models.Model):
    """A referral of a case's young person from one unit to another unit's entry point (queue),
    with the legal basis for what it shares and a deadline to answer (DOMAIN.md section 2,
    'Coordination': it must be clear where to turn in each department)."""

    case = models.ForeignKey(SspCase, on_delete=models.CASCADE, related_name="referrals")
    from_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="referrals_sent"
    )
    to_unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("til enhed"),
    )
    reason = models.TextField(_("årsag"))
    legal_basis = models.CharField(
        _("hjemmel for videregivelse"), max_length=10, choices=LegalBasis.choices
    )
    necessity = models.TextField(_("hvorfor videregivelsen er nødvendig"), blank=True)
    answer_by = models.DateField(_("svarfrist"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    answered_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_reason = models.TextField(_("begrundelse"), blank=True)
    resent_from = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="resent_as"
    )

    class Meta:
        ordering = ["answer_by", "id"]
        verbose_name = _("henvisning")
        verbose_name_plural = _("henvisninger")

    def __str__(self) -> str:
        return f"Henvisning {self.pk} til {self.to_unit}"

    @property
    def is_open(self) -> bool:
        return self.status in (ReferralStatus.SENT, ReferralStatus.ESCALATED)


class SspPlusSettings(models.Model):
    """The SSP+ age bounds, set by an administrator (seed 003: 17½–24; Copenhagen today: 18–25)."""

    # Seed 003 (2014): 17½–24. Copenhagen's later rule (18–25) is offered as an alternative.
    min_age = models.DecimalField(_("fra alder"), max_digits=4, decimal_places=1, default=17.5)
    max_age = models.DecimalField(_("til alder"), max_digits=4, decimal_places=1, default=24)

    class Meta:
        verbose_name = _("SSP+-indstillinger")

    def __str__(self) -> str:
        return f"SSP+ {self.min_age}–{self.max_age} år"

    @classmethod
    def current(cls) -> "SspPlusSettings":
        settings_row, _ = cls.objects.get_or_create(pk=1)
        return settings_row


class PlanArea(models.TextChoices):
    EDUCATION = "education", _("Uddannelse")
    JOB = "job", _("Job")
    HOUSING = "housing", _("Bolig")
    LEISURE = "leisure", _("Fritid")
    DESISTANCE = "desistance", _("Ud af kriminalitet")


class SspPlusPlan(models.Model):
    """The coordinated, holistic plan for a young person in SSP+ (seed 003)."""

    case = models.OneToOneField(SspCase, on_delete=models.CASCADE, related_name="ssp_plus_plan")
    referred_on = models.DateField(_("henvist til SSP+"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    def __str__(self) -> str:
        return f"SSP+-plan for {self.case.person}"

    def audit_label(self) -> str:
        return f"SSP+-plan {self.pk} (SSP-sag {self.case_id})"


class PlanGoal(models.Model):
    plan = models.ForeignKey(SspPlusPlan, on_delete=models.CASCADE, related_name="goals")
    area = models.CharField(_("område"), max_length=20, choices=PlanArea.choices)
    description = models.CharField(_("mål"), max_length=300)
    offer = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_goals",
        verbose_name=_("tilbud, der understøtter målet"),
    )
    achieved = models.BooleanField(_("nået"), default=False)

    class Meta:
        ordering = ["plan", "area", "id"]

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.description}"

    def audit_label(self) -> str:
        return f"mål {self.pk} i SSP+-plan {self.plan_id}"


class InterventionProgramme(models.Model):
    """The intervention-team initiative's settings (000/001): where it runs, its capacity and
    the visible weights used to rank families by need. One row; an administrator edits it."""

    running_districts = models.CharField(
        _("bydele, hvor indsatsen kører"),
        max_length=200,
        default="noerrebro,broenshoej-husum",
        help_text=_(
            "Kommasepareret, f.eks. noerrebro,broenshoej-husum (Tingbjerg ligger i Brønshøj-Husum)."
        ),
    )
    district_capacity = models.PositiveSmallIntegerField(
        _("familier pr. bydel ad gangen"), default=10
    )
    period_capacity = models.PositiveSmallIntegerField(_("familier i alt i perioden"), default=30)
    period_start = models.DateField(_("periode fra"), default=date(2010, 1, 1))
    period_end = models.DateField(_("periode til"), default=date(2011, 12, 31))
    weight_level_4_case = models.PositiveSmallIntegerField(_("vægt pr. sag på niveau 4"), default=5)
    weight_level_3_case = models.PositiveSmallIntegerField(_("vægt pr. sag på niveau 3"), default=3)
    weight_child_with_case = models.PositiveSmallIntegerField(
        _("vægt pr. barn med SSP-sag"), default=2
    )
    weight_younger_sibling = models.PositiveSmallIntegerField(
        _("vægt pr. yngre søskende"), default=1
    )

    def __str__(self) -> str:
        return "Interventionsteam"

    @classmethod
    def current(cls) -> "InterventionProgramme":
        programme, _ = cls.objects.get_or_create(pk=1)
        return programme

    def districts(self) -> set[str]:
        return {d.strip() for d in self.running_districts.split(",") if d.strip()}


class Phase(models.TextChoices):
    INTENSIVE = "intensive", _("Intensiv fase")
    PHASE_OUT = "phase_out", _("Udfasning")
    AFTERCARE = "aftercare", _("Efterværn")
    ENDED = "ended", _("Afsluttet")


class InterventionCourse(models.Model):
    """One family's course with an intervention team, led by a coordinator (SOF)."""

    household = models.ForeignKey(
        "people.Household", on_delete=models.PROTECT, related_name="intervention_courses"
    )
    district = models.CharField(_("bydel"), max_length=20)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coordinated_courses"
    )
    admitted_on = models.DateField(_("optaget"))
    phase = models.CharField(
        _("fase"), max_length=10, choices=Phase.choices, default=Phase.INTENSIVE
    )
    phase_started_on = models.DateField(_("fasen begyndte"))
    need_score = models.PositiveSmallIntegerField(_("behovsscore ved optagelse"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-admitted_on"]
        verbose_name = _("interventionsforløb")

    def __str__(self) -> str:
        return f"Interventionsforløb for {self.household}"

    def audit_label(self) -> str:
        return f"interventionsforløb {self.pk}"


class PhaseDecision(models.Model):
    course = models.ForeignKey(
        InterventionCourse, on_delete=models.CASCADE, related_name="phase_decisions"
    )
    from_phase = models.CharField(max_length=10, choices=Phase.choices, blank=True)
    to_phase = models.CharField(max_length=10, choices=Phase.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(default=timezone.localdate)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["course", "decided_on", "id"]

    def __str__(self) -> str:
        return f"{self.from_phase} → {self.to_phase}"


class TeamMember(models.Model):
    """A professional on the family's team, from any department or partner."""

    course = models.ForeignKey(InterventionCourse, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="intervention_teams"
    )
    role_on_team = models.CharField(_("rolle i teamet"), max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course", "user"], name="team_member_once")]

    def __str__(self) -> str:
        return f"{self.user} ({self.role_on_team})"


class FamilyGoal(models.Model):
    course = models.ForeignKey(InterventionCourse, on_delete=models.CASCADE, related_name="goals")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="family_goals")
    description = models.CharField(_("mål"), max_length=300)

    def __str__(self) -> str:
        return self.description

    def audit_label(self) -> str:
        return f"familiemål {self.pk} i interventionsforløb {self.course_id}"


class ProgressNote(models.Model):
    course = models.ForeignKey(InterventionCourse, on_delete=models.CASCADE, related_name="notes")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_on = models.DateField(default=timezone.localdate)
    is_meeting = models.BooleanField(_("teammøde"), default=False)
    text = models.TextField(_("notat"))

    class Meta:
        ordering = ["-written_on", "-id"]

    def __str__(self) -> str:
        return f"Notat {self.written_on}"
