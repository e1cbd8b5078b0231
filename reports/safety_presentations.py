"""The safety index presented to the committees (seed 003: a survey every year, presented to
BIU, ØU and BR). A wave presented to all three is that year's survey for the safety-index
initiative's criterion: recorded as the initiative's activity, by the presentation, never
typed again."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from areas.models import SurveyWave
from audit.actions import audit_event_record
from initiatives.models import Initiative
from outcomes.models import Activity, ActivityKind, Audience
from reports.models import SAFETY_INDEX_COMMITTEES, Committee, SurveyPresentation

SAFETY_INDEX_INITIATIVE = "tryghedsindekset"


@transaction.atomic
def survey_wave_present(
    *, by: User, wave: SurveyWave, committee: str, meeting_on: date
) -> SurveyPresentation:
    if committee not in SAFETY_INDEX_COMMITTEES:
        raise ValidationError({"committee": _("Tryghedsindekset forelægges BIU, ØU og BR.")})
    if meeting_on > timezone.localdate():
        raise ValidationError({"meeting_on": _("Forelæggelsen registreres, når mødet er holdt.")})
    if SurveyPresentation.objects.filter(wave=wave, committee=committee).exists():
        raise ValidationError(
            {
                "committee": _("Undersøgelsen er allerede forelagt %(committee)s.")
                % {"committee": Committee(committee).label}
            }
        )
    presentation = SurveyPresentation.objects.create(
        wave=wave, committee=committee, meeting_on=meeting_on, presented_by=by
    )
    audit_event_record(
        by=by,
        action="safety_index.present",
        obj=presentation,
        changes={"committee": [None, committee], "meeting_on": [None, meeting_on]},
    )
    presented = set(wave.presentations.values_list("committee", flat=True))
    if presented >= set(SAFETY_INDEX_COMMITTEES):
        _survey_record(by=by, wave=wave, held_on=meeting_on)
    return presentation


def _survey_record(*, by: User, wave: SurveyWave, held_on: date) -> None:
    initiative = Initiative.objects.filter(slug=SAFETY_INDEX_INITIATIVE).first()
    source = f"{wave._meta.label_lower}:{wave.pk}"
    if initiative is None or Activity.objects.filter(module_record=source).exists():
        return
    Activity.objects.create(
        initiative=initiative,
        held_on=held_on,
        kind=ActivityKind.SURVEY,
        audience=Audience.COMMITTEES,
        description=f"{wave.name} forelagt BIU, ØU og BR"[:200],
        recorded_by=by,
        module_record=source,
    )
