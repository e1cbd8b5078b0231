"""How the evidence card's figures are worded (Danish through gettext; figures stay numbers)."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evidence.estimators import Refusal
from outcomes.models import Status
from people.models import CityDistrict, Sex
from sikkerby.locale import rounded_number

register = template.Library()

REFUSALS = {
    Refusal.NO_POOL: gettext_lazy(
        "Ingen sammenligningsgruppe: ingen, der ikke fik tilbuddet, er målt på det samme."
    ),
    Refusal.TOO_FEW_MATCHED: gettext_lazy(
        "For få sammenlignelige personer (under 30 deltagere eller en sammenligningsgruppe "
        "på under 30 efter vægtning)."
    ),
    Refusal.BALANCE_FAILS: gettext_lazy(
        "Grupperne kan ikke gøres sammenlignelige: mindst én baggrundsvariabel afviger mere end "
        "0,1 standardiseret forskel efter vægtning."
    ),
    Refusal.NO_TREATED: gettext_lazy("Ingen deltagere er målt endnu."),
}
MARYLAND = {
    3: gettext_lazy("Maryland-niveau 3: før/efter med en sammenlignelig gruppe"),
    2: gettext_lazy("Maryland-niveau 2: før/efter blandt deltagerne, uden sammenligningsgruppe"),
    1: gettext_lazy("Maryland-niveau 1: kun en opgørelse blandt deltagerne"),
}
DIMENSIONS = {
    "age_band": gettext_lazy("Alder ved start"),
    "sex": gettext_lazy("Køn"),
    "district": gettext_lazy("Bydel"),
    "ssp_level": gettext_lazy("SSP-niveau ved start"),
}
RECIDIVISM = {
    "police_registration_9_months": gettext_lazy(
        "ny sigtelse eller dom inden for 9 måneder (politiets registreringer)"
    ),
    "sentence_2_years": gettext_lazy("ny dom inden for 2 år (Kriminalforsorgens definition)"),
}
COVARIATES = {
    "age": gettext_lazy("alder"),
    "male": gettext_lazy("mand"),
    "prior_charges": gettext_lazy("sigtelser de seneste 2 år"),
    "prior_convictions": gettext_lazy("domme de seneste 2 år"),
    "start_job_or_education": gettext_lazy("i job eller uddannelse ved start"),
    "start_status_unknown": gettext_lazy("status ved start ukendt"),
    "has_progression_score": gettext_lazy("har en progressionsmåling"),
    "progression_score": gettext_lazy("progressionsscore ved start"),
}


@register.filter
def outcome_label(outcome) -> str:
    if outcome.kind == "status":
        labels = [
            str(Status(s).label).lower() for s in sorted(outcome.statuses) if s in Status.values
        ]
        names = (
            ", ".join(labels[:-1]) + _(" eller ") + labels[-1]
            if len(labels) > 1
            else "".join(labels)
        )
        text = _("%(statuses)s %(months)s måneder efter start") % {
            "statuses": names,
            "months": outcome.months,
        }
        if outcome.from_end:
            text += " " + _("(kriteriet tæller fra afslutningen; målt fra start for begge grupper)")
        return text
    if outcome.kind == "recidivism":
        return str(RECIDIVISM.get(outcome.key, outcome.key))
    return _("forbedring på mindst 1 point på progressionsmålingen efter 6 måneder")


@register.filter
def refusal_text(refusal) -> str:
    return str(REFUSALS.get(refusal, ""))


@register.filter
def maryland_text(level: int) -> str:
    return str(MARYLAND[level])


@register.filter
def dimension_label(key: str) -> str:
    return str(DIMENSIONS.get(key, key))


@register.filter
def group_label(row) -> str:
    if row.dimension == "sex":
        return str(Sex(row.group).label) if row.group in Sex.values else _("ukendt")
    if row.dimension == "district":
        return (
            str(CityDistrict(row.group).label) if row.group in CityDistrict.values else _("ukendt")
        )
    if row.dimension == "ssp_level":
        return _("ingen SSP-sag") if row.group == "0" else _("niveau %s") % row.group
    return _("%s år") % row.group


@register.filter
def covariate_label(name: str) -> str:
    kind, _sep, value = name.partition(":")
    if kind == "district":
        return _("bydel: %s") % CityDistrict(value).label
    if kind == "ssp_level":
        return _("SSP-niveau %s") % value
    if name.startswith("stratum_"):
        half = int(name.removeprefix("stratum_"))
        return _("startet %(half)s. halvår %(year)s") % {"half": half % 2 + 1, "year": half // 2}
    return str(COVARIATES.get(name, name))


@register.filter
def points(share: float | None) -> str:
    """A difference in shares as percentage points, one decimal."""
    if share is None:
        return "–"
    return rounded_number(100 * share, 1)


@register.filter
def percent(share: float | None) -> str:
    if share is None:
        return "–"
    return rounded_number(100 * share, 0)


@register.filter
def kroner(amount) -> str:
    if amount is None:
        return "–"
    return rounded_number(amount, 0, force_grouping=True)


@register.simple_tag
def effect_sentence(outcome, estimate) -> str:
    """'12 procentpoint flere i job eller uddannelse 6 måneder efter start end en sammenlignelig
    gruppe (95 %-interval 4 til 20)'."""
    values = {
        "n": rounded_number(abs(100 * estimate.effect), 0),
        "what": outcome_label(outcome),
        "low": rounded_number(100 * estimate.low, 0),
        "high": rounded_number(100 * estimate.high, 0),
    }
    more = estimate.effect >= 0
    if outcome.kind == "status":  # 'i job …' reads on its own
        sentence = (
            _(
                "%(n)s procentpoint flere %(what)s end en sammenlignelig gruppe "
                "(95 %%-interval %(low)s til %(high)s)"
            )
            if more
            else _(
                "%(n)s procentpoint færre %(what)s end en sammenlignelig gruppe "
                "(95 %%-interval %(low)s til %(high)s)"
            )
        )
    else:
        sentence = (
            _(
                "%(n)s procentpoint flere med %(what)s end en sammenlignelig gruppe "
                "(95 %%-interval %(low)s til %(high)s)"
            )
            if more
            else _(
                "%(n)s procentpoint færre med %(what)s end en sammenlignelig gruppe "
                "(95 %%-interval %(low)s til %(high)s)"
            )
        )
    return sentence % values
