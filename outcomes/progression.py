"""The progression instrument: recording an assessment, a young person's trajectory, and the
mean change per parameter between first and latest assessment for an initiative's
participants."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from audit.actions import access_log_record, audit_event_record
from audit.models import AccessKind
from outcomes.models import (
    SCALE_MAX,
    SCALE_MIN,
    Assessment,
    AssessmentScore,
    ProgressionParameter,
)
from people.models import Person


@transaction.atomic
def assessment_record(
    *, by: User, person: Person, assessed_on: date, scores: dict[int, int]
) -> Assessment:
    """Score every active parameter 1–10 on a date. Raises ValidationError in Danish."""
    if assessed_on > timezone.localdate():
        raise ValidationError({"assessed_on": "Vurderingen kan ikke ligge i fremtiden."})
    parameters = list(ProgressionParameter.objects.filter(active=True))
    missing = [p.name for p in parameters if p.pk not in scores]
    if missing:
        raise ValidationError({"scores": f"Giv en score for: {', '.join(missing)}."})
    wrong = [p.name for p in parameters if not SCALE_MIN <= scores[p.pk] <= SCALE_MAX]
    if wrong:
        raise ValidationError({"scores": f"Scoren skal være 1–10 ({', '.join(wrong)})."})
    assessment = Assessment.objects.create(person=person, assessed_on=assessed_on, assessed_by=by)
    AssessmentScore.objects.bulk_create(
        [
            AssessmentScore(assessment=assessment, parameter=p, score=scores[p.pk])
            for p in parameters
        ]
    )
    audit_event_record(
        by=by,
        action="assessment.record",
        obj=assessment,
        changes={"scores": [None, len(parameters)]},
    )
    access_log_record(
        by=by, kind=AccessKind.CHANGE, subject=person, purpose="Progressionsvurdering"
    )
    return assessment


@dataclass(frozen=True)
class Trajectory:
    parameter: str
    points: list[tuple[date, int]]

    def svg_points(self, width: int = 240, height: int = 60) -> str:
        """The polyline for a small chart: time left to right, 1 at the bottom, 10 at the top."""
        if not self.points:
            return ""
        first, last = self.points[0][0], self.points[-1][0]
        span = max((last - first).days, 1)
        return " ".join(
            f"{(day - first).days / span * (width - 10) + 5:.1f},"
            f"{height - 5 - (score - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * (height - 10):.1f}"
            for day, score in self.points
        )


def person_trajectories(person: Person) -> tuple[list[date], list[Trajectory]]:
    dates = list(person.assessments.values_list("assessed_on", flat=True))
    by_parameter: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for name, day, score in (
        AssessmentScore.objects.filter(assessment__person=person)
        .order_by("parameter__position", "assessment__assessed_on")
        .values_list("parameter__name", "assessment__assessed_on", "score")
    ):
        by_parameter[name].append((day, score))
    return dates, [Trajectory(name, points) for name, points in by_parameter.items()]


@dataclass(frozen=True)
class ParameterChange:
    parameter: str
    people: int
    mean_change: float | None  # latest minus first, on the 1–10 scale


def mean_changes(rows: list[tuple[int, str, date, int]]) -> list[ParameterChange]:
    """From (person, parameter, date, score) rows: per parameter, the mean of each person's
    latest minus first score, over people with at least two assessments (pure function)."""
    series: dict[str, dict[int, list[tuple[date, int]]]] = defaultdict(lambda: defaultdict(list))
    for person, parameter, day, score in rows:
        series[parameter][person].append((day, score))
    result = []
    for parameter, people in series.items():
        changes = [
            max(points)[1] - min(points)[1] for points in people.values() if len(points) >= 2
        ]
        result.append(
            ParameterChange(
                parameter, len(changes), sum(changes) / len(changes) if changes else None
            )
        )
    return result


PROGRESSION_SQL = """
SELECT p.name, COUNT(*), AVG(t.change)
FROM (
    SELECT r.parameter_id, MAX(r.assessments) AS assessments,
        MAX(CASE WHEN r.position = r.assessments THEN r.score END)
        - MAX(CASE WHEN r.position = 1 THEN r.score END) AS change
    FROM (
        SELECT a.person_id, s.parameter_id, s.score,
            ROW_NUMBER() OVER (PARTITION BY a.person_id, s.parameter_id
                               ORDER BY a.assessed_on, s.score) AS position,
            COUNT(*) OVER (PARTITION BY a.person_id, s.parameter_id) AS assessments
        FROM outcomes_assessmentscore s
        JOIN outcomes_assessment a ON a.id = s.assessment_id
        WHERE a.person_id IN (
            SELECT person_id FROM outcomes_participation WHERE initiative_id = %s)
          AND a.assessed_on <= %s
    ) r
    GROUP BY r.person_id, r.parameter_id
) t
JOIN outcomes_progressionparameter p ON p.id = t.parameter_id
WHERE p.active AND t.assessments >= 2
GROUP BY p.id, p.name, p.position
ORDER BY p.position, p.id
"""


def initiative_progression(initiative_id: int, until: date | None = None) -> list[ParameterChange]:
    """`mean_changes` over the initiative's participants, aggregated in the database (one window
    pass numbers each person's scores by date; `mean_changes` is the reference the
    tests hold it to), from assessments up to `until`. Parameters nobody has two scores on
    are left out."""
    with connection.cursor() as cursor:
        cursor.execute(PROGRESSION_SQL, [initiative_id, until or date.max])
        return [
            ParameterChange(name, people, float(mean)) for name, people, mean in cursor.fetchall()
        ]


@transaction.atomic
def parameter_add(*, by: User, name: str, description: str) -> ProgressionParameter:
    last = ProgressionParameter.objects.order_by("-position").first()
    parameter = ProgressionParameter.objects.create(
        name=name, description=description, position=(last.position + 1) if last else 1
    )
    audit_event_record(
        by=by, action="progression_parameter.add", obj=parameter, changes={"name": [None, name]}
    )
    return parameter


@transaction.atomic
def parameter_toggle(*, by: User, parameter: ProgressionParameter) -> ProgressionParameter:
    parameter.active = not parameter.active
    parameter.save(update_fields=["active"])
    audit_event_record(
        by=by,
        action="progression_parameter.toggle",
        obj=parameter,
        changes={"active": [not parameter.active, parameter.active]},
    )
    return parameter
