"""Goal c's figures (seed 002: "Unge indvandrere har i 2010 en kriminalitetsfrekvens på niveau
med andre unge danskere, når der tages højde for den sociale fordeling"): an aggregate
register table imported atomically, and the comparison of the two origins, crude and
directly standardised on social background, with strata merged until no cell is under 5."""

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from audit.actions import audit_event_record
from imports.files import ImportRejected, RowError, TableFile, import_limits
from initiatives.models import PolicyGoal
from outcomes.measures import wilson_interval
from policy_goals.models import CrimeFrequencyCell, Origin
from policy_goals.standardisation import (
    Rate,
    RateRatio,
    Stratum,
    crude_rate,
    directly_standardised_rate,
    rate_ratio,
    standard_weights,
)
from reports.disclosure import HIDDEN, THRESHOLD
from sikkerby.locale import rounded_number

IMMIGRANT, DANISH = "immigrant", "danish"  # Origin's values
COLUMNS = ["år", "herkomst", "social baggrund", "personer", "sigtelser", "domme"]
OPTIONAL = ["frafaldne sigtelser"]
STRATUM_LENGTH = CrimeFrequencyCell._meta.get_field("stratum").max_length
ORIGINS = {
    "indvandrere og efterkommere": Origin.IMMIGRANT,
    "indvandrere": Origin.IMMIGRANT,
    "dansk oprindelse": Origin.DANISH,
    "danskere": Origin.DANISH,
}


def _count(values: dict[str, str], column: str) -> int:
    text = values.get(column, "").strip().replace(".", "")
    if not text.isdigit():
        raise ValueError(
            _("«%(column)s» skal være et helt tal, ikke «%(text)s»")
            % {"column": column, "text": values.get(column, "")}
        )
    return int(text)


@transaction.atomic
def crime_table_import(*, by: User, goal: PolicyGoal, filename: str, data: bytes) -> int:
    """Replace the goal's table for every year in the file, or reject the file whole."""
    rows = TableFile(
        filename, data, columns=COLUMNS, optional=OPTIONAL, limits=import_limits("crime_frequency")
    )
    cells, errors, seen = [], [], set()
    positions: dict[str, int] = {}
    for row in rows:
        values = row.values
        try:
            year_text = values["år"].strip()
            if not (year_text.isdigit() and 1990 <= int(year_text) <= 2100):
                raise ValueError(_("året «%(text)s» er ikke et år") % {"text": values["år"]})
            origin = ORIGINS.get(values["herkomst"].strip().lower())
            if origin is None:
                raise ValueError(
                    _(
                        "ukendt herkomst «%(text)s» (brug «indvandrere og efterkommere» eller «dansk oprindelse»)"
                    )
                    % {"text": values["herkomst"]}
                )
            stratum = values["social baggrund"].strip()
            if not stratum:
                raise ValueError(_("social baggrund mangler"))
            if len(stratum) > STRATUM_LENGTH:
                raise ValueError(
                    _("social baggrund er længere end %(n)s tegn") % {"n": STRATUM_LENGTH}
                )
            persons, charges = _count(values, "personer"), _count(values, "sigtelser")
            convictions = _count(values, "domme")
            dropped = (
                _count(values, "frafaldne sigtelser")
                if values.get("frafaldne sigtelser", "").strip()
                else None
            )
            if persons == 0:
                raise ValueError(_("en gruppe uden personer kan ikke have en frekvens"))
            if dropped is not None and dropped > charges:
                raise ValueError(_("flere frafaldne sigtelser end sigtelser"))
            key = (int(year_text), origin, stratum)
            if key in seen:
                raise ValueError(_("år, herkomst og social baggrund står to gange"))
            seen.add(key)
            positions.setdefault(stratum, len(positions))
            cells.append(
                CrimeFrequencyCell(
                    goal=goal,
                    year=key[0],
                    origin=origin,
                    stratum=stratum,
                    position=positions[stratum],
                    persons=persons,
                    charges=charges,
                    convictions=convictions,
                    dropped_charges=dropped,
                )
            )
        except ValueError as error:
            errors.append(RowError(row.line, str(error)))
    if errors:
        raise ImportRejected(errors)
    years = sorted({cell.year for cell in cells})
    CrimeFrequencyCell.objects.filter(goal=goal, year__in=years).delete()
    CrimeFrequencyCell.objects.bulk_create(cells)
    audit_event_record(
        by=by,
        action="policy_goals.import_crime_table",
        obj=goal,
        changes={"rows": [None, len(cells)], "years": [None, years]},
    )
    return len(cells)


class Level(StrEnum):
    AT_LEVEL = "at_level"
    ABOVE = "above"
    BELOW = "below"
    UNDECIDED = "undecided"


LEVEL_LABELS = {
    Level.AT_LEVEL: gettext_lazy("På niveau"),
    Level.ABOVE: gettext_lazy("Over niveau"),
    Level.BELOW: gettext_lazy("Under niveau"),
    Level.UNDECIDED: gettext_lazy("Kan ikke afgøres (intervallet er for bredt)"),
}


@dataclass
class OriginFigures:
    origin: str
    label: str
    persons: int
    charges: int
    convictions: int
    crude: Rate
    standardised: Rate
    convictions_standardised: Rate
    dropped: int | str | None  # dropped charges: "<5" when 1-4, None when not in the table
    dropped_share: tuple[float, float, float] | None  # share of charges dropped, interval


@dataclass
class ComparedStratum:
    label: str  # strata merged to avoid small cells are joined with " + "
    weight: float  # the standard population's share
    immigrant: Stratum
    danish: Stratum


@dataclass
class CrimeComparison:
    year: int
    strata: list[ComparedStratum]
    immigrant: OriginFigures
    danish: OriginFigures
    crude_ratio: RateRatio | None
    standardised_ratio: RateRatio | None
    convictions_ratio: RateRatio | None
    tolerance: float
    level: Level
    excluded_strata: list[str]
    merged: bool

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS[self.level])

    @property
    def bounds(self) -> tuple[float, float]:
        return 1 / (1 + self.tolerance), 1 + self.tolerance


def crime_table_years(goal: PolicyGoal) -> list[int]:
    return sorted(set(goal.crime_cells.values_list("year", flat=True)))


def _level(ratio: RateRatio | None, tolerance: float) -> Level:
    low_bound, high_bound = 1 / (1 + tolerance), 1 + tolerance
    if ratio is None:
        return Level.UNDECIDED
    if low_bound <= ratio.low and ratio.high <= high_bound:
        return Level.AT_LEVEL
    if ratio.low > high_bound:
        return Level.ABOVE
    if ratio.high < low_bound:
        return Level.BELOW
    return Level.UNDECIDED


def _small(*counts: int) -> bool:
    return any(0 < n < THRESHOLD for n in counts)


def _sum(label: str, cells: list[CrimeFrequencyCell]) -> CrimeFrequencyCell:
    return CrimeFrequencyCell(
        stratum=label,
        persons=sum(c.persons for c in cells),
        charges=sum(c.charges for c in cells),
        convictions=sum(c.convictions for c in cells),
        dropped_charges=None
        if any(c.dropped_charges is None for c in cells)
        else sum(c.dropped_charges or 0 for c in cells),
    )


def merged_strata(
    pairs: list[tuple[CrimeFrequencyCell, CrimeFrequencyCell]],
) -> list[tuple[CrimeFrequencyCell, CrimeFrequencyCell]]:
    """Strata in the table's order, a stratum with a count from 1 to 4 (persons, charges or
    convictions, of either origin) merged with the next (the last with the one before), so
    that every cell shown, and every cell the standardisation weighs, is 0 or 5 or more."""
    merged: list[list[tuple[CrimeFrequencyCell, CrimeFrequencyCell]]] = []
    open_bucket: list[tuple[CrimeFrequencyCell, CrimeFrequencyCell]] = []
    for pair in pairs:
        open_bucket.append(pair)
        first, second = _bucket_sum(open_bucket)
        if not _small(*_counts(first), *_counts(second)):
            merged.append(open_bucket)
            open_bucket = []
    if open_bucket:
        if merged:
            merged[-1].extend(open_bucket)
        else:
            merged.append(open_bucket)
    return [_bucket_sum(bucket) for bucket in merged]


def _counts(cell: CrimeFrequencyCell) -> tuple[int, int, int]:
    return cell.persons, cell.charges, cell.convictions


def _bucket_sum(
    bucket: list[tuple[CrimeFrequencyCell, CrimeFrequencyCell]],
) -> tuple[CrimeFrequencyCell, CrimeFrequencyCell]:
    label = " + ".join(first.stratum for first, _ in bucket)
    return _sum(label, [p[0] for p in bucket]), _sum(label, [p[1] for p in bucket])


def _origin_figures(origin: str, cells: list[CrimeFrequencyCell], weights) -> OriginFigures:
    charges = [Stratum(c.stratum, c.persons, c.charges) for c in cells]
    convictions = [Stratum(c.stratum, c.persons, c.convictions) for c in cells]
    charged = sum(c.charges for c in cells)
    dropped: int | str | None = None
    dropped_share = None
    if all(c.dropped_charges is not None for c in cells):
        n_dropped = sum(c.dropped_charges or 0 for c in cells)
        dropped = HIDDEN if _small(n_dropped) else n_dropped
        if dropped != HIDDEN and charged:
            low, high = wilson_interval(n_dropped, charged)
            dropped_share = (n_dropped / charged, low, high)
    return OriginFigures(
        origin=origin,
        label=str(Origin(origin).label),
        persons=sum(c.persons for c in cells),
        charges=charged,
        convictions=sum(c.convictions for c in cells),
        crude=crude_rate(charges),
        standardised=directly_standardised_rate(charges, weights),
        convictions_standardised=directly_standardised_rate(convictions, weights),
        dropped=dropped,
        dropped_share=dropped_share,
    )


def crime_comparison(goal: PolicyGoal, year: int) -> CrimeComparison | None:
    """The two origins compared in `year`; None without a table for it, or when even the
    whole table has a count under 5."""
    cells = list(goal.crime_cells.filter(year=year).order_by("position"))
    by_origin: dict[str, dict[str, CrimeFrequencyCell]] = defaultdict(dict)
    for cell in cells:
        by_origin[cell.origin][cell.stratum] = cell
    # Only strata where both origins have people can be compared; the rest are named.
    shared = [s for s in by_origin[IMMIGRANT] if s in by_origin[DANISH]]
    if not shared:
        return None
    pairs = merged_strata([(by_origin[IMMIGRANT][s], by_origin[DANISH][s]) for s in shared])
    if any(_small(*_counts(first), *_counts(second)) for first, second in pairs):
        return None  # even all strata together have a count under 5: nothing can be shown
    immigrant_cells, danish_cells = [p[0] for p in pairs], [p[1] for p in pairs]
    weights = standard_weights(
        [Stratum(c.stratum, c.persons, 0) for c in immigrant_cells],
        [Stratum(c.stratum, c.persons, 0) for c in danish_cells],
    )
    immigrant = _origin_figures(IMMIGRANT, immigrant_cells, weights)
    danish = _origin_figures(DANISH, danish_cells, weights)
    standardised = rate_ratio(immigrant.standardised, danish.standardised)
    tolerance = settings.CRIME_FREQUENCY_TOLERANCE
    return CrimeComparison(
        year=year,
        strata=[
            ComparedStratum(
                first.stratum,
                weights[first.stratum],
                Stratum(first.stratum, first.persons, first.charges),
                Stratum(second.stratum, second.persons, second.charges),
            )
            for first, second in pairs
        ],
        immigrant=immigrant,
        danish=danish,
        crude_ratio=rate_ratio(immigrant.crude, danish.crude),
        standardised_ratio=standardised,
        convictions_ratio=rate_ratio(
            immigrant.convictions_standardised, danish.convictions_standardised
        ),
        tolerance=tolerance,
        level=_level(standardised, tolerance),
        excluded_strata=sorted({cell.stratum for cell in cells} - set(shared)),
        merged=len(pairs) < len(shared),
    )


def comparison_verdict(comparison: CrimeComparison) -> tuple[str, str]:
    """(met | not_met | too_early, the reasoning) for the goal's verdict rule."""
    ratio = comparison.standardised_ratio
    low_bound, high_bound = comparison.bounds
    if ratio is None:
        return "too_early", _("Ingen sigtelser i en af grupperne: ingen ratio kan beregnes.")
    reason = _(
        "Standardiseret rateratio %(ratio)s (95 %%-interval %(low)s–%(high)s) i %(year)s; «på "
        "niveau» kræver hele intervallet mellem %(lower)s og %(upper)s: %(level)s."
    ) % {
        "ratio": rounded_number(ratio.ratio, 2),
        "low": rounded_number(ratio.low, 2),
        "high": rounded_number(ratio.high, 2),
        "year": comparison.year,
        "lower": rounded_number(low_bound, 2),
        "upper": rounded_number(high_bound, 2),
        "level": comparison.level_label,
    }
    if comparison.level == Level.AT_LEVEL:
        return "met", reason
    if comparison.level == Level.UNDECIDED:
        return "too_early", reason
    return "not_met", reason
