"""Places: area sets (districts, safety-index areas, SSP districts, housing areas, hotspots)
with their validity, areas that nest, yearly figures, the area rules as versioned data, area
types per year and recorded letting decisions (DOMAIN.md section 3; seeds 002, 003, 004)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import CityDistrict


class AreaKind(models.TextChoices):
    DISTRICT = "district", _("Bydel")
    SAFETY_INDEX = "safety_index", _("Tryghedsindeksområde")
    SSP_DISTRICT = "ssp_district", _("SSP-distrikt")
    HOUSING_AREA = "housing_area", _("Alment boligområde")
    HOTSPOT = "hotspot", _("Hotspot")


class AreaSet(models.Model):
    """A way of dividing the city, valid for a period (the safety index had 35 areas in the
    seeds' era and 13 today: two sets)."""

    key = models.SlugField(unique=True)
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("slags"), max_length=20, choices=AreaKind.choices)
    valid_from = models.DateField(_("gælder fra"), null=True, blank=True)
    valid_to = models.DateField(_("gælder til"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("områdeinddeling")

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    area_set = models.ForeignKey(AreaSet, on_delete=models.PROTECT, related_name="areas")
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("navn"), max_length=200)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    # GeoJSON geometry, imported from the municipality's open data; None: a table row only.
    geometry = models.JSONField(null=True, blank=True)
    geometry_is_schematic = models.BooleanField(_("skematisk omrids"), default=False)

    class Meta:
        ordering = ["area_set", "name"]
        verbose_name = _("område")
        verbose_name_plural = _("områder")
        constraints = [
            models.UniqueConstraint(fields=["area_set", "code"], name="area_code_once_per_set")
        ]

    def __str__(self) -> str:
        return self.name


class AreaYear(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("år"))
    residents = models.PositiveIntegerField(_("beboere"))

    class Meta:
        ordering = ["area", "year"]
        constraints = [models.UniqueConstraint(fields=["area", "year"], name="area_year_once")]

    def __str__(self) -> str:
        return f"{self.area} {self.year}"


class HousingSection(models.Model):
    """A housing section (boligafdeling) of a housing area: the designation test looks at the
    worst section."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="sections")
    name = models.CharField(_("afdeling"), max_length=200)

    class Meta:
        ordering = ["area", "name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="section_name_once_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.name}"


class SectionYear(models.Model):
    section = models.ForeignKey(HousingSection, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("år"))
    adults = models.PositiveIntegerField(_("voksne beboere"))
    adults_outside_labour_market = models.PositiveIntegerField(_("heraf uden for arbejdsmarkedet"))

    class Meta:
        ordering = ["section", "year"]
        constraints = [
            models.UniqueConstraint(fields=["section", "year"], name="section_year_once"),
            models.CheckConstraint(
                condition=models.Q(adults_outside_labour_market__lte=models.F("adults")),
                name="section_outside_at_most_adults",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.section} {self.year}"


class DesignationRuleVersion(models.Model):
    """One version of the area-designation rule, in force from a date (seed 002: until 2010
    at least 1,200 residents and a section with more than 50 %; from 1 January 2010 at least
    1,000 and more than 40 %). Later versions of the law are added, never edited over."""

    name = models.CharField(_("navn"), max_length=200)
    takes_effect = models.DateField(_("gælder fra"), unique=True)
    min_residents = models.PositiveIntegerField(_("mindst antal beboere"))
    section_share_above = models.DecimalField(
        _("en boligafdeling med mere end (%) uden for arbejdsmarkedet"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    source = models.CharField(_("kilde"), max_length=300, blank=True)

    class Meta:
        ordering = ["takes_effect"]
        verbose_name = _("udpegningsregel")

    def __str__(self) -> str:
        return self.name


class LettingRuleVersion(models.Model):
    """One version of the combined-letting rule (seed 002: more than the last six consecutive
    months of kontanthjælp, starthjælp or introduktionsydelse means rejection)."""

    name = models.CharField(_("navn"), max_length=200)
    takes_effect = models.DateField(_("gælder fra"), unique=True)
    max_consecutive_months = models.PositiveSmallIntegerField(_("højst måneder i træk"))
    benefits = models.CharField(_("ydelser (kommasepareret)"), max_length=200)
    scheme_start = models.DateField(_("ordningen trådte i kraft"))
    source = models.CharField(_("kilde"), max_length=300, blank=True)

    class Meta:
        ordering = ["takes_effect"]
        verbose_name = _("udlejningsregel")

    def __str__(self) -> str:
        return self.name


class AreaType(models.TextChoices):
    VULNERABLE = "vulnerable", _("Udsat")
    HIGH_RISK = "high_risk", _("Højrisiko (40+)")
    RISK = "risk", _("Risiko")
    NEUTRAL = "neutral", _("Neutral")


class AreaTypeYear(models.Model):
    """Copenhagen's own classification of a housing area in a year."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="types")
    year = models.PositiveSmallIntegerField(_("år"))
    area_type = models.CharField(_("områdetype"), max_length=12, choices=AreaType.choices)

    class Meta:
        ordering = ["area", "year"]
        constraints = [models.UniqueConstraint(fields=["area", "year"], name="area_type_once")]

    def __str__(self) -> str:
        return f"{self.area} {self.year}: {self.get_area_type_display()}"


class LettingDecision(models.Model):
    """A combined-letting decision on an applicant household for a dwelling in an area. The
    household is referred to by the housing organisation's application number, not by CPR."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="letting_decisions")
    rule = models.ForeignKey(LettingRuleVersion, on_delete=models.PROTECT, related_name="+")
    application_reference = models.CharField(_("ansøgningsnummer"), max_length=60)
    applied_on = models.DateField(_("ansøgt"))
    consecutive_months = models.PositiveSmallIntegerField(_("måneder i træk med ydelse"))
    approved = models.BooleanField(_("godkendt"))
    # Combined letting applies only in the areas designated that year (seed 002: "i de
    # udpegede områder"); elsewhere the applicant is not covered, never rejected.
    covered = models.BooleanField(_("omfattet af kombineret udlejning"), default=True)
    reason = models.CharField(_("begrundelse"), max_length=300)
    replacement_dwelling_duty = models.BooleanField(_("erstatningsbolig skal tilbydes"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-applied_on", "-id"]
        verbose_name = _("udlejningsafgørelse")

    def __str__(self) -> str:
        outcome = "ikke omfattet" if not self.covered else "godkendt" if self.approved else "afvist"
        return f"{self.application_reference}: {outcome}"


class SurveyWave(models.Model):
    """One year's safety survey (Tryghedsundersøgelsen) over an area set: invited and
    responded counts are stored as the survey firm reports them."""

    area_set = models.ForeignKey(AreaSet, on_delete=models.PROTECT, related_name="waves")
    year = models.PositiveSmallIntegerField(_("år"))
    name = models.CharField(_("navn"), max_length=200)
    invited = models.PositiveIntegerField(_("inviterede"))
    responded = models.PositiveIntegerField(_("besvarelser"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["area_set", "year"]
        verbose_name = _("tryghedsundersøgelse")
        constraints = [
            models.UniqueConstraint(fields=["area_set", "year"], name="one_wave_per_set_and_year"),
            models.CheckConstraint(
                condition=models.Q(responded__lte=models.F("invited")),
                name="wave_responded_at_most_invited",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Feeling(models.TextChoices):
    SAFE = "safe", _("Tryg")
    NEITHER = "neither", _("Hverken eller")
    UNSAFE = "unsafe", _("Utryg")


class SurveyResponse(models.Model):
    """One respondent's answers, with the survey firm's weight (post-stratified on sex, age,
    family type, origin and income). No person: respondents are anonymous."""

    wave = models.ForeignKey(SurveyWave, on_delete=models.CASCADE, related_name="responses")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    weight = models.DecimalField(_("vægt"), max_digits=8, decimal_places=4)
    neighbourhood = models.CharField(
        _("tryg i nabolaget"), max_length=8, choices=Feeling.choices, blank=True
    )
    evening_safe = models.BooleanField(_("tryg om aftenen"), null=True)
    night_safe = models.BooleanField(_("tryg om natten"), null=True)
    victim = models.BooleanField(_("udsat for kriminalitet (12 mdr.)"), null=True)

    class Meta:
        verbose_name = _("besvarelse")
        indexes = [models.Index(fields=["wave", "area"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gt=0), name="response_weight_positive"
            )
        ]

    def __str__(self) -> str:
        return f"Besvarelse {self.pk}"


class CrimeCategory(models.TextChoices):
    BURGLARY = "burglary", _("Indbrud")
    ROBBERY = "robbery", _("Røveri")
    THEFT = "theft", _("Tyveri")
    VIOLENCE = "violence", _("Vold")
    OTHER = "other", _("Anden kriminalitet")


# Crime a citizen meets: the safety index's 'reported crime' component.
CITIZEN_FACING = [
    CrimeCategory.BURGLARY,
    CrimeCategory.ROBBERY,
    CrimeCategory.THEFT,
    CrimeCategory.VIOLENCE,
]


class PoliceReportCount(models.Model):
    """Reports to the police per area, year and category (Københavns Politi's yearly count)."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="police_counts")
    year = models.PositiveSmallIntegerField(_("år"))
    category = models.CharField(_("kategori"), max_length=10, choices=CrimeCategory.choices)
    reports = models.PositiveIntegerField(_("anmeldelser"))

    class Meta:
        ordering = ["area", "year", "category"]
        constraints = [
            models.UniqueConstraint(fields=["area", "year", "category"], name="police_count_once")
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.year} {self.get_category_display()}: {self.reports}"


class SafetyMeasure(models.TextChoices):
    SAFE = "safe", _("Andel trygge i nabolaget")
    UNSAFE = "unsafe", _("Andel utrygge i nabolaget")
    EVENING = "evening", _("Andel trygge om aftenen")
    NIGHT = "night", _("Andel trygge om natten")
    VICTIM = "victim", _("Andel udsat for kriminalitet")


class SafetyThreshold(models.Model):
    """A classification rule an administrator sets, e.g. 'under 85 % trygge'."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    measure = models.CharField(_("mål"), max_length=10, choices=SafetyMeasure.choices)
    below = models.BooleanField(_("markér når under (ellers over)"), default=True)
    percent = models.DecimalField(
        _("procent"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("tryghedstærskel")

    def __str__(self) -> str:
        return self.name


class TransferIncomeFigure(models.Model):
    """From a register extract for a period (seed 002's yearly evaluation): residents and
    people on transfer income by area type and dwelling group — dwellings totally emptied
    (everyone moved) between the period's years, and the rest — at its start and end."""

    period_start = models.PositiveSmallIntegerField(_("fra år"))
    period_end = models.PositiveSmallIntegerField(_("til år"))
    area_type = models.CharField(_("områdetype"), max_length=60)
    position = models.PositiveSmallIntegerField(default=0)
    emptied = models.BooleanField(_("totaltømte boliger"))
    year = models.PositiveSmallIntegerField(_("år"))
    residents = models.PositiveIntegerField(_("beboere"))
    on_transfer_income = models.PositiveIntegerField(_("på overførselsindkomst"))

    class Meta:
        ordering = ["period_start", "period_end", "position", "area_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["period_start", "period_end", "area_type", "emptied", "year"],
                name="transfer_figure_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.area_type} {self.year}"


class Hotspot(models.Model):
    """A physically bounded area with considerable crime and safety problems, given an
    area-based effort with clear goals and a clearly responsible unit (the Rotterdam model,
    seed 003/004)."""

    name = models.CharField(_("navn"), max_length=200)
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="hotspots", verbose_name=_("ligger i")
    )
    goals = models.TextField(_("mål"))
    responsible_unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="hotspots",
        verbose_name=_("ansvarlig enhed"),
    )
    period_start = models.DateField(_("fra"))
    period_end = models.DateField(_("til"), null=True, blank=True)
    geometry = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-period_start", "name"]
        verbose_name = _("hotspot")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="hotspot_period_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name


class IncidentKind(models.TextChoices):
    UNREST = "unrest", _("Uro og konflikter mellem grupper")
    WEAPON = "weapon", _("Skud, knivstik eller anden vold med våben")
    FIRE = "fire", _("Påsat brand")
    VANDALISM = "vandalism", _("Større hærværk")
    OTHER = "other", _("Anden akut hændelse")


class AcuteIncident(models.Model):
    """An acute incident of unrest in a district, recorded by SSP, the police's liaison or
    the secretariat and counted in the half-yearly troubled-areas report. About a place and a
    day, never a person: the description must name no one."""

    district = models.CharField(_("bydel"), max_length=20, choices=CityDistrict.choices)
    place = models.CharField(_("sted"), max_length=200)
    occurred_on = models.DateField(_("dato"))
    kind = models.CharField(_("slags"), max_length=10, choices=IncidentKind.choices)
    description = models.TextField(
        _("beskrivelse"), blank=True, help_text=_("Hvad skete der? Ingen navne eller CPR-numre.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("akut hændelse")
        verbose_name_plural = _("akutte hændelser")
        indexes = [models.Index(fields=["occurred_on", "district"])]

    def __str__(self) -> str:
        return f"{self.place} {self.occurred_on}"
