"""The catalogue of prevention initiatives: who owns them, whom they serve, what they cost
and how success is measured (DOMAIN.md section 1; seeds 000/001, 002, 003)."""

from datetime import date
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Department, Unit

MIN_YEAR = 1990
MAX_YEAR = 2100


class PolicyGoal(models.Model):
    """A political goal an initiative contributes to, e.g. the integration policy's goals a–c (002)."""

    code = models.CharField(_("kode"), max_length=40, unique=True)
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)
    source = models.CharField(_("kilde"), max_length=200, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("politisk mål")
        verbose_name_plural = _("politiske mål")

    def __str__(self) -> str:
        return f"{self.code}) {self.title}"


class InitiativeKind(models.TextChoices):
    CITY_WIDE = "city_wide", _("Bydækkende")
    AREA_BASED = "area_based", _("Områdebaseret")
    MONITORING = "monitoring", _("Monitorering og opfølgning")


class CapacityUnit(models.TextChoices):
    PLACES = "places", _("pladser")
    FULL_YEAR_PLACES = "full_year_places", _("helårspladser")
    PEOPLE = "people", _("personer")
    FAMILIES = "families", _("familier")
    CASES = "cases", _("løbende sager")


class InitiativeQuerySet(models.QuerySet):
    def active_in_year(self, year: int) -> "InitiativeQuerySet":
        """Running at some point in `year`: within its period (if it has one) and with money
        for the year (if it has money at all, and does not run on without it). Seed 004:
        most of this work is project-funded and lapses when its funding ends."""
        funded = Funding.objects.filter(
            initiative=models.OuterRef("pk"), first_year__lte=year, last_year__gte=year
        )
        return (
            self.filter(
                Q(period_start__isnull=True) | Q(period_start__lte=date(year, 12, 31)),
                Q(period_end__isnull=True) | Q(period_end__gte=date(year, 1, 1)),
            )
            .filter(Q(fundings__isnull=True) | Q(runs_without_funding=True) | models.Exists(funded))
            .distinct()
        )

    def lapsing_after(self, year: int) -> "InitiativeQuerySet":
        """Those whose money ends with `year` (their last funded year), unless they run on
        without it."""
        return self.with_last_funded_year().filter(
            last_funded_year=year, runs_without_funding=False
        )

    def with_last_funded_year(self) -> "InitiativeQuerySet":
        return self.annotate(last_funded_year=models.Max("fundings__last_year"))

    def for_target_age(self, age: int) -> "InitiativeQuerySet":
        return self.filter(
            Q(target_age_min__isnull=True) | Q(target_age_min__lte=age),
            Q(target_age_max__isnull=True) | Q(target_age_max__gte=age),
        ).exclude(target_age_min__isnull=True, target_age_max__isnull=True)


class Initiative(models.Model):
    """One prevention initiative (indsats), laid out as the committees' status form (statusskema)."""

    slug = models.SlugField(_("kortnavn"), max_length=80, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=InitiativeKind.choices)
    owning_departments = models.ManyToManyField(
        Department, related_name="initiatives", verbose_name=_("ejende forvaltninger")
    )
    anchoring_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("forankret i"),
    )
    partners = models.CharField(_("samarbejdspartnere"), max_length=500, blank=True)

    # Målgruppe
    target_age_min = models.DecimalField(
        _("alder fra"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(120)],
    )
    target_age_max = models.DecimalField(
        _("alder til"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(120)],
    )
    target_ssp_levels = models.CharField(
        _("SSP-niveauer"), max_length=20, blank=True, help_text=_("F.eks. 3,4")
    )
    target_areas = models.CharField(_("områder"), max_length=500, blank=True)
    target_group = models.TextField(_("målgruppe"), blank=True)

    # The status form's other headings
    economy_text = models.TextField(_("økonomi (som beskrevet)"), blank=True)
    activities = models.TextField(_("aktiviteter"), blank=True)
    goal = models.TextField(_("indsatsens mål"), blank=True)
    policy_contribution = models.TextField(_("bidrag til politiske mål"), blank=True)
    policy_goals = models.ManyToManyField(PolicyGoal, blank=True, related_name="initiatives")
    planned_follow_up = models.TextField(_("planlagt opfølgning"), blank=True)
    evaluated_internally = models.BooleanField(_("intern evaluering"), default=False)
    evaluated_externally = models.BooleanField(_("ekstern evaluering"), default=False)
    statistical_follow_up = models.BooleanField(_("statistisk opfølgning"), default=False)

    capacity_amount = models.DecimalField(
        _("kapacitet"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    capacity_unit = models.CharField(
        _("kapacitetsenhed"), max_length=20, choices=CapacityUnit.choices, blank=True
    )
    capacity_note = models.CharField(_("kapacitet, bemærkning"), max_length=300, blank=True)

    period_start = models.DateField(_("periode fra"), null=True, blank=True)
    period_end = models.DateField(_("periode til"), null=True, blank=True)
    # An initiative lapses after its last funded year (from its fundings, never typed). This
    # override says it runs on without project money (in normal operations), with why.
    runs_without_funding = models.BooleanField(_("fortsætter uden projektmidler"), default=False)
    runs_without_funding_reason = models.CharField(
        _("begrundelse for at fortsætte uden projektmidler"), max_length=300, blank=True
    )

    source_document = models.CharField(_("kilde"), max_length=200, blank=True)
    is_reference = models.BooleanField(
        _("fra referencekataloget"),
        default=False,
        help_text=_("Indlæst fra Københavns kildedokumenter 2009–2014."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("indsats")
        verbose_name_plural = _("indsatser")
        constraints = [
            models.CheckConstraint(
                condition=Q(target_age_min__isnull=True)
                | Q(target_age_max__isnull=True)
                | Q(target_age_min__lte=models.F("target_age_max")),
                name="initiative_age_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name="initiative_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def target_age_label(self) -> str:
        def fmt(v: Decimal) -> str:
            return f"{v.normalize():f}".replace(".5", "½") if v % 1 else str(int(v))

        lo, hi = self.target_age_min, self.target_age_max
        if lo is None and hi is None:
            return ""
        if lo is None:
            return f"op til {fmt(hi)} år"
        if hi is None:
            return f"fra {fmt(lo)} år"
        return f"{fmt(lo)}–{fmt(hi)} år"

    def capacity_label(self) -> str:
        if self.capacity_amount is None:
            return self.capacity_note
        amount = f"{self.capacity_amount.normalize():f}".replace(".", ",")
        label = f"{amount} {self.get_capacity_unit_display()}"
        return f"{label} ({self.capacity_note})" if self.capacity_note else label

    def department_codes(self) -> str:
        return ", ".join(d.code for d in self.owning_departments.all())

    def lapses_after(self) -> int | None:
        """The last year with money, after which the initiative lapses (None: no money
        recorded, or it runs on without project money)."""
        if self.runs_without_funding:
            return None
        years = [f.last_year for f in self.fundings.all()]
        return max(years) if years else None


class FundingSource(models.Model):
    """Where money comes from: own budget, a ministry pool, Satspuljen, Landsbyggefonden, ..."""

    code = models.CharField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("navn"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("finansieringskilde")
        verbose_name_plural = _("finansieringskilder")

    def __str__(self) -> str:
        return self.name


class Funding(models.Model):
    """An amount in DKK for an initiative, for one year or — for grants given only as a total
    (Bydelsmødre, Helhedsplaner) — for a span of years that is not split by year."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="fundings")
    first_year = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
    )
    last_year = models.PositiveSmallIntegerField(
        _("til og med år"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
    )
    amount = models.DecimalField(
        _("beløb (kr.)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    source = models.ForeignKey(
        FundingSource, on_delete=models.PROTECT, related_name="fundings", verbose_name=_("kilde")
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fundings",
        verbose_name=_("betalende forvaltning"),
    )
    stated_in = models.CharField(_("opgjort i"), max_length=100, blank=True)
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)

    class Meta:
        ordering = ["initiative__name", "first_year", "source__name"]
        verbose_name = _("bevilling")
        verbose_name_plural = _("bevillinger")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="funding_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(first_year__lte=models.F("last_year")), name="funding_years_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.years_label()} {self.amount} kr."

    @property
    def is_multi_year(self) -> bool:
        """A total over several years that the source does not split by year."""
        return self.first_year != self.last_year

    def years_label(self) -> str:
        return (
            str(self.first_year)
            if not self.is_multi_year
            else f"{self.first_year}–{self.last_year}"
        )


class SourceTable(models.Model):
    """A budget table as printed in a source document, e.g. 002's 'Økonomisk oversigt'.

    Its stated totals are kept as stated, so that the system can show where they differ
    from the sum of their parts (some of the seeds' totals do not add up).
    """

    key = models.SlugField(unique=True)
    title = models.CharField(_("titel"), max_length=300)
    source_document = models.CharField(_("kilde"), max_length=200)
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    note = models.TextField(_("bemærkning"), blank=True)

    class Meta:
        ordering = ["first_year", "key"]

    def __str__(self) -> str:
        return self.title


class SourceTableRow(models.Model):
    table = models.ForeignKey(SourceTable, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=200)
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="source_rows")
    stated_total = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    printed_total = models.CharField(
        max_length=40, blank=True, help_text="The total as printed, e.g. '41 mio.'"
    )

    class Meta:
        ordering = ["table", "position"]

    def __str__(self) -> str:
        return f"{self.table.key}: {self.label}"


class StatedColumnTotal(models.Model):
    """A table's printed 'I alt' for one year."""

    table = models.ForeignKey(SourceTable, on_delete=models.CASCADE, related_name="column_totals")
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty: the grand total."
    )
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    printed = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["table", "year"]
        constraints = [
            models.UniqueConstraint(fields=["table", "year"], name="one_stated_total_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.table.key} {self.year or 'i alt'}: {self.printed}"


class StatusReport(models.Model):
    """The status against the initiative's goals for one reporting period (Status i forhold til målopfyldelse)."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="status_reports"
    )
    period = models.CharField(_("periode"), max_length=40)
    text = models.TextField(_("status"))
    reported_at = models.DateField(_("dato"), null=True, blank=True)
    # Approval freezes heading 7's computed attainment as it was (reports.status_forms), like
    # the troubled-areas report: later records never change an approved status form.
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    frozen_attainment = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["initiative", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "period"], name="one_status_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.period}"


class MeasureKind(models.TextChoices):
    COUNT_IN_PERIOD = "count_in_period", _("Antal personer i en periode")
    STOCK_AT_TIME = "stock_at_time", _("Bestand på et tidspunkt")
    COHORT_SHARE = "cohort_share", _("Andel af en kohorte i status efter 3/6/12 måneder")
    SURVEY_SHARE = "survey_share", _("Andel af svar i en spørgeskemaundersøgelse")
    ACTIVITY_COUNT = "activity_count", _("Antal aktiviteter eller deltagere i dem")
    AREA_VS_CITY = "area_vs_city", _("Områdetal mod byens gennemsnit")
    SSP_RESOURCE_USE = "ssp_resource_use", _("SSP-distriktets andel af byens sager mod normen")
    MANUAL = "manual", _("Manuelt indberettet tal")


class Channel(models.TextChoices):
    """How a participant came to an initiative: some criteria count one stream only (003's
    Fritidsjob: those who come to the job centre themselves, those placed via partners)."""

    OWN_CONTACT = "own_contact", _("Henvendt sig selv")
    PARTNER = "partner", _("Formidlet via samarbejdspartner")


class TargetDirection(models.TextChoices):
    AT_LEAST = "at_least", _("mindst")
    AT_MOST = "at_most", _("højst")
    ABOUT = "about", _("ca.")
    INCREASE = "increase", _("stigning")
    DECREASE = "decrease", _("fald")


class TargetUnit(models.TextChoices):
    PEOPLE = "people", _("personer")
    PERCENT = "percent", _("%")
    CASES = "cases", _("sager")
    FAMILIES = "families", _("familier")
    EVENTS = "events", _("gange")
    PERCENTAGE_POINTS = "percentage_points", _("%-point")


class SuccessCriterion(models.Model):
    """A measurable success criterion (succeskriterium), as data rather than text.

    `statuses` and `follow_up_months` describe cohort criteria ("at least 50 % in
    activation, education or job after 3, 6 and 12 months", 003); computing them from case
    records is the outcomes part's work. Until then owners report values by hand.
    """

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="success_criteria"
    )
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("succeskriterium (som formuleret)"))
    kind = models.CharField(_("hvad måles"), max_length=20, choices=MeasureKind.choices)
    direction = models.CharField(
        _("retning"),
        max_length=10,
        choices=TargetDirection.choices,
        default=TargetDirection.AT_LEAST,
    )
    target_value = models.DecimalField(
        _("mål"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    target_unit = models.CharField(
        _("enhed"), max_length=20, choices=TargetUnit.choices, blank=True
    )
    period_start = models.DateField(_("periode fra"), null=True, blank=True)
    period_end = models.DateField(_("periode til"), null=True, blank=True)
    per_year = models.BooleanField(_("årligt"), default=False)
    follow_up_months = models.CharField(
        _("opfølgning efter måneder"), max_length=30, blank=True, help_text=_("F.eks. 3,6,12")
    )
    statuses = models.CharField(
        _("statusser, der tæller"),
        max_length=200,
        blank=True,
        help_text=_("F.eks. job, uddannelse, aktivering"),
    )
    start_event = models.CharField(_("startbegivenhed"), max_length=100, blank=True)
    # The stream of participants the criterion counts (blank: all of them).
    channel = models.CharField(
        _("kun deltagere, der er"), max_length=20, choices=Channel.choices, blank=True
    )
    age_min = models.DecimalField(
        _("alder ved start fra"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    age_max = models.DecimalField(
        _("alder ved start til og med"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    source = models.CharField(_("datakilde"), max_length=200, blank=True)
    # For area goals ('night-time safety in Tingbjerg at the city average'): the area whose
    # safety-index figures the criterion is measured on.
    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criteria",
        verbose_name=_("område"),
    )
    # The policy goal whose attainment this criterion measures (seed 002: goals a and b are
    # measured by the letting agreement's criteria); its page shows the criterion's figures.
    measures_goal = models.ForeignKey(
        PolicyGoal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measuring_criteria",
        verbose_name=_("måler det politiske mål"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["initiative", "position", "id"]
        verbose_name = _("succeskriterium")
        verbose_name_plural = _("succeskriterier")
        constraints = [
            models.CheckConstraint(
                condition=Q(target_value__isnull=True) | Q(target_value__gte=0),
                name="criterion_target_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def target_label(self) -> str:
        if self.target_value is None:
            return (
                self.get_direction_display() if self.direction in ("increase", "decrease") else ""
            )
        value = f"{self.target_value.normalize():f}".replace(".", ",")
        unit = self.get_target_unit_display() if self.target_unit else ""
        sep = "" if self.target_unit == TargetUnit.PERCENT else " "
        suffix = " om året" if self.per_year else ""
        return f"{self.get_direction_display()} {value}{sep}{unit}{suffix}".strip()

    def stream_label(self) -> str:
        """'henvendt sig selv, 15–24 år ved start': the stream of participants counted."""
        parts = [str(self.get_channel_display()).lower()] if self.channel else []
        if self.age_min is not None or self.age_max is not None:
            low = (
                f"{self.age_min.normalize():f}".replace(".", ",")
                if self.age_min is not None
                else "…"
            )
            high = (
                f"{self.age_max.normalize():f}".replace(".", ",")
                if self.age_max is not None
                else "…"
            )
            parts.append(f"{low}–{high} år ved start")
        return ", ".join(parts)

    def statuses_label(self) -> str:
        return ", ".join(s.strip() for s in self.statuses.split(",") if s.strip())

    def follow_up_month_list(self) -> list[int]:
        return [int(m) for m in self.follow_up_months.split(",") if m.strip()]


class ReportedValue(models.Model):
    """A figure an owner reported by hand for a criterion and period; marked as reported."""

    criterion = models.ForeignKey(
        SuccessCriterion, on_delete=models.CASCADE, related_name="reported_values"
    )
    period = models.CharField(_("periode"), max_length=40)
    value = models.DecimalField(_("værdi"), max_digits=12, decimal_places=2)
    numerator = models.PositiveIntegerField(_("tæller"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("nævner"), null=True, blank=True)
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)
    reported_by = models.CharField(_("indberettet af"), max_length=150, blank=True)
    reported_at = models.DateTimeField(_("indberettet"), auto_now_add=True)

    class Meta:
        ordering = ["criterion", "-period", "-reported_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(numerator__isnull=True)
                | Q(denominator__isnull=True)
                | Q(numerator__lte=models.F("denominator")),
                name="reported_numerator_within_denominator",
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.period} = {self.value}"
