"""Persons and households. A person has a CPR number or, without one, a replacement number
the system issues (people/cpr.py). Who may see a person is decided by the cases app."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people.cpr import cpr_mask


class CityDistrict(models.TextChoices):
    """Copenhagen's 10 administrative districts (bydele)."""

    INDRE_BY = "indre-by", "Indre By"
    OESTERBRO = "oesterbro", "Østerbro"
    NOERREBRO = "noerrebro", "Nørrebro"
    VESTERBRO = "vesterbro", "Vesterbro/Kongens Enghave"
    VALBY = "valby", "Valby"
    VANLOESE = "vanloese", "Vanløse"
    BROENSHOEJ = "broenshoej-husum", "Brønshøj-Husum"
    BISPEBJERG = "bispebjerg", "Bispebjerg"
    AMAGER_OEST = "amager-oest", "Amager Øst"
    AMAGER_VEST = "amager-vest", "Amager Vest"


class Sex(models.TextChoices):
    MALE = "M", _("Mand")
    FEMALE = "K", _("Kvinde")


class Person(models.Model):
    cpr = models.CharField(max_length=10, unique=True, null=True, blank=True, editable=False)
    replacement_number = models.CharField(
        max_length=11, unique=True, null=True, blank=True, editable=False
    )
    # The CPR number as typed by whoever registered this record, when it belongs to a
    # registered person they may not see: kept here (not in `cpr`) until someone who sees that
    # person confirms or rejects the match (PersonMatch). Shown to the record's own users
    # exactly as a CPR number would be, so the page tells them nothing about the other person.
    typed_cpr = models.CharField(max_length=10, blank=True, default="", editable=False)
    first_name = models.CharField(_("fornavn"), max_length=100)
    last_name = models.CharField(_("efternavn"), max_length=100)
    birth_date = models.DateField(_("fødselsdato"))
    sex = models.CharField(_("køn"), max_length=1, choices=Sex.choices, blank=True)
    district = models.CharField(_("bydel"), max_length=20, choices=CityDistrict.choices, blank=True)
    is_synthetic = models.BooleanField(
        _("syntetisk demo-person"),
        default=False,
        help_text=_("Findes ikke i virkeligheden; kun til demo og test."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        # Possible duplicates are found by birth date.
        indexes = [models.Index(fields=["birth_date"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(cpr__isnull=False) & Q(replacement_number__isnull=True))
                | (Q(cpr__isnull=True) & Q(replacement_number__isnull=False)),
                name="person_has_cpr_or_replacement_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def audit_label(self) -> str:
        return f"person {self.pk}"

    def identifier_masked(self) -> str:
        """What pages show: 'ddmmyy-xxxx', or the replacement number (which is not personal)."""
        digits = self.cpr or self.typed_cpr
        return cpr_mask(digits) if digits else self.replacement_number or ""


class Household(models.Model):
    name = models.CharField(_("navn"), max_length=200)

    class Meta:
        verbose_name = _("husstand")
        verbose_name_plural = _("husstande")

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"husstand {self.pk}"


class HouseholdRole(models.TextChoices):
    PARENT = "parent", _("Forælder")
    CHILD = "child", _("Barn")
    SIBLING = "sibling", _("Søskende")
    OTHER_CARER = "other_carer", _("Anden omsorgsperson")


class HouseholdMember(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="household_memberships"
    )
    role = models.CharField(_("rolle"), max_length=20, choices=HouseholdRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["household", "person"], name="person_once_per_household"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class MatchStatus(models.TextChoices):
    PENDING = "pending", _("Afventer bekræftelse")
    CONFIRMED = "confirmed", _("Bekræftet: samme person")
    REJECTED = "rejected", _("Afvist: ikke samme person")


class PersonMatch(models.Model):
    """A CPR number typed in a registration (a new SSP case, a family member) that belongs to
    a registered person the registering user may not see. Typing a CPR number never grants
    access: the registration is kept on a record of its own with what the user typed, and
    those who already see the registered person confirm the match (the records are merged,
    and the registration joins the person's file) or reject it. Every match is audited and
    visible for review (docs/decisions/0008-a-typed-cpr-never-grants-access.md)."""

    typed_person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="matches_as_typed"
    )
    existing_person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="matches_as_existing"
    )
    context = models.CharField(_("registrering"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(_("begrundelse"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mulig match")
        verbose_name_plural = _("mulige match")

    def __str__(self) -> str:
        return f"Mulig match {self.pk}"

    @property
    def is_pending(self) -> bool:
        return self.status == MatchStatus.PENDING
