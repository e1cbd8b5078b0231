"""Reading a catalogue success criterion as something computable (pure functions).

The catalogue states a cohort criterion's statuses and start event as the seeds word them
("positiv kontakt med jobcentret,job,uddannelse"; "tilbuddets afslutning"). Each word maps to a
status code, a crime-event kind (then the criterion is a recidivism measure) or an offer kind.
A word with no mapping makes the criterion uncomputable, said so on the scorecard, never
silently dropped.
"""

from dataclasses import dataclass, field

STATUS_WORDS = {
    "job": "job",
    "beskæftigelse": "job",
    "uddannelse": "education",
    "aktivering": "activation",
    "løntilskud": "wage_subsidy",
    "positiv kontakt med jobcentret": "job_centre_contact",
    "selvforsørgende": "self_supporting",
    "9. klasse gennemført": "completed_9th_grade",
    "ungdomsuddannelse": "youth_education",
    "organiseret fritidsaktivitet": "leisure_activity",
    "fritidsjob": "leisure_job",
    "studiejob": "study_job",
    "sprogskole": "language_school",
    "barn i dagtilbud": "child_in_daycare",
    "forælder i job": "parent_in_job",
    "fremmøde": "regular_attendance",
    "skolefremmøde": "regular_attendance",
}
CRIME_WORDS = {"anholdelse": "arrest", "sigtelse": "charge", "dom": "conviction"}
OFFER_WORDS = {"tilbud efter lov om en aktiv beskæftigelsesindsats": "active_employment"}
# Activity criteria name what counts by kind of activity or by audience ('frontmedarbejdere').
ACTIVITY_KIND_WORDS = {
    "oplæg": "session",
    "undervisning": "session",
    "møde": "meeting",
    "opfølgningsmøde": "meeting",
    "undersøgelse": "survey",
    "afrapportering": "report",
}
AUDIENCE_WORDS = {
    "frontmedarbejdere": "front_line_staff",
    "forældre": "parents",
    "elever": "young_people",
    "unge": "young_people",
    "samarbejdspartnere": "partners",
    "udvalg": "committees",
}
# Area goals name a safety-index measure of their linked area.
AREA_MEASURE_WORDS = {
    "tryg": "safe",
    "utryg": "unsafe",
    "aften": "evening",
    "nat": "night",
    "offer": "victim",
    "anmeldelser": "crime",
    "kriminalitet": "crime",
    "indeks": "index",
    # The housing areas' goals (seed 002), judged over all housing areas, not one area.
    "nye udsatte": "new_vulnerable",
    "uden for arbejdsmarkedet": "outside_labour_market",
}
HOUSING_MEASURES = frozenset({"new_vulnerable", "outside_labour_market"})


def area_measures(text: str) -> tuple[list[str], list[str]]:
    """'tryg,nat' → (['safe', 'night'], unknown words)."""
    measures, unknown = [], []
    for word in (w.strip().lower() for w in text.split(",")):
        if word in AREA_MEASURE_WORDS:
            measures.append(AREA_MEASURE_WORDS[word])
        elif word:
            unknown.append(word)
    return measures, unknown


# Days from the anchor event to "k months after", and the window around it in which an
# observation counts as the status at that time.
DAYS_PER_MONTH = 365.25 / 12
OBSERVATION_WINDOW_DAYS = 31
DEFAULT_RECIDIVISM_MONTHS = 12
# A status criterion that names no time is measured (and followed up) 12 months after start.
DEFAULT_FOLLOW_UP_MONTHS = 12


@dataclass(frozen=True)
class CriterionTerms:
    statuses: frozenset[str] = frozenset()
    crime_kinds: frozenset[str] = frozenset()
    offer_kinds: frozenset[str] = frozenset()
    unknown: tuple[str, ...] = field(default=())

    @property
    def is_recidivism(self) -> bool:
        return bool(self.crime_kinds) and not self.statuses


def criterion_terms(text: str) -> CriterionTerms:
    """Split a criterion's comma-separated status words into what they mean."""
    statuses, crimes, offers, unknown = set(), set(), set(), []
    for word in (w.strip().lower() for w in text.split(",")):
        if not word:
            continue
        if word in STATUS_WORDS:
            statuses.add(STATUS_WORDS[word])
        elif word in CRIME_WORDS:
            crimes.add(CRIME_WORDS[word])
        elif word in OFFER_WORDS:
            offers.add(OFFER_WORDS[word])
        else:
            unknown.append(word)
    return CriterionTerms(frozenset(statuses), frozenset(crimes), frozenset(offers), tuple(unknown))


@dataclass(frozen=True)
class ActivityTerms:
    kinds: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    unknown: tuple[str, ...] = field(default=())


def activity_terms(text: str) -> ActivityTerms:
    """'oplæg,frontmedarbejdere' → the activity kinds and audiences an activity criterion
    counts; an empty text counts every activity."""
    kinds, audiences, unknown = set(), set(), []
    for word in (w.strip().lower() for w in text.split(",")):
        if not word:
            continue
        if word in ACTIVITY_KIND_WORDS:
            kinds.add(ACTIVITY_KIND_WORDS[word])
        elif word in AUDIENCE_WORDS:
            audiences.add(AUDIENCE_WORDS[word])
        else:
            unknown.append(word)
    return ActivityTerms(frozenset(kinds), frozenset(audiences), tuple(unknown))


def follow_up_anchor(start_event: str) -> str:
    """'end' when the criterion counts from the offer's end ('tilbuddets afslutning'), else
    'start' (start of an active offer, employment, release)."""
    return "end" if "afslutning" in start_event.lower() else "start"


def follow_up_months(text: str) -> list[int]:
    """'3,6,12' → [3, 6, 12]; nonsense is ignored (the criterion form validates it)."""
    parts = text.replace(" ", "").split(",")
    return sorted({int(part) for part in parts if part.isascii() and part.isdecimal()})


def days_after(months: int) -> int:
    return round(months * DAYS_PER_MONTH)
