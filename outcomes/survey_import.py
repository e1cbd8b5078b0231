"""Importing the answers to a survey criterion ('80 % of the parents experience good
service') from the survey tool's export: Danish CSV or .xlsx with the columns dato and svar
(ja/nej), optionally gruppe. Anonymous: no CPR, no person. Atomic with line-numbered errors,
like every import."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.actions import audit_event_record
from imports.files import (
    ImportRejected,
    RowError,
    TableFile,
    import_limits,
    parse_danish_date,
)
from initiatives.models import MeasureKind, SuccessCriterion
from outcomes.models import SurveyAnswer

YES = {"ja", "j", "1", "enig", "helt enig", "delvist enig", "yes"}
NO = {"nej", "n", "0", "uenig", "helt uenig", "delvist uenig", "hverken enig eller uenig", "no"}
COLUMNS = ("dato", "svar")


def answer_agrees(text: str) -> bool:
    """'Ja'/'enig' counts as yes; 'nej', 'uenig' and the neutral middle count as no (the seeds'
    criteria ask for the share who agree)."""
    word = text.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise ValueError(f"ukendt svar '{text.strip()}' (brug ja eller nej)")


@transaction.atomic
def survey_answers_import(
    *, by: User, criterion: SuccessCriterion, filename: str, data: bytes
) -> int:
    """Import every answer or none; returns the number saved."""
    if criterion.kind != MeasureKind.SURVEY_SHARE:
        raise ImportRejected([RowError(1, "Kriteriet måles ikke med et spørgeskema.")])
    rows = TableFile(filename, data, columns=COLUMNS, limits=import_limits("survey_answers"))
    today, answers, errors = timezone.localdate(), [], []
    for row in rows:
        try:
            answered_on = parse_danish_date(row.values["dato"])
            if answered_on > today:
                raise ValueError("datoen ligger i fremtiden")
            answers.append(
                SurveyAnswer(
                    criterion=criterion,
                    answered_on=answered_on,
                    agrees=answer_agrees(row.values["svar"]),
                    respondent_group=row.values.get("gruppe", "").strip()[:60],
                    imported_by=by,
                )
            )
        except ValueError as error:
            errors.append(RowError(row.line, str(error)))
    if errors:
        raise ImportRejected(errors)
    SurveyAnswer.objects.bulk_create(answers, batch_size=1000)
    audit_event_record(
        by=by,
        action="outcomes.import_survey_answers",
        obj=criterion,
        changes={"answers": [None, len(answers)]},
    )
    return len(answers)
