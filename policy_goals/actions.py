"""Writing and reporting a department's assessment of a policy goal, audited in the same
transaction. A reported assessment never changes: the next is a new draft."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.actions import audit_event_record
from initiatives.models import PolicyGoal
from policy_goals.attainment import GoalAttainment
from policy_goals.models import GoalAssessment


def _require_assessor(by: User, goal: PolicyGoal) -> None:
    if not by.has_perm("policy_goals.assess_goal", goal):
        raise PermissionDenied("policy_goals.assess_goal")
    if by.department_id is None:
        raise ValidationError(
            _("Kun en bruger i en forvaltning kan skrive forvaltningens vurdering.")
        )


@transaction.atomic
def goal_assessment_write(*, by: User, goal: PolicyGoal, text: str) -> GoalAssessment:
    """The department's draft, created or changed."""
    _require_assessor(by, goal)
    text = text.strip()
    if not text:
        raise ValidationError(_("Skriv vurderingen."))
    drafts = GoalAssessment.objects.select_for_update().filter(
        goal=goal, department_id=by.department_id, reported_at=None
    )
    draft = drafts.first()
    if draft is None:
        try:
            # Two first drafts at once (two tabs): the database keeps one, the other updates it.
            with transaction.atomic():
                draft = GoalAssessment.objects.create(
                    goal=goal,
                    department_id=by.department_id,
                    text=text,
                    written_by=by,
                    written_at=timezone.now(),
                )
            before = None
        except IntegrityError:
            draft = drafts.get()
            before = draft.text
    else:
        before = draft.text
    if before is not None:
        draft.text, draft.written_by, draft.written_at = text, by, timezone.now()
        draft.save()
    audit_event_record(
        by=by, action="goal_assessment.write", obj=draft, changes={"text": [before, text]}
    )
    return draft


@transaction.atomic
def goal_assessment_report(
    *, by: User, assessment: GoalAssessment, attainment: GoalAttainment
) -> GoalAssessment:
    """Report the draft: it is frozen with the verdict and figures shown beside it."""
    _require_assessor(by, assessment.goal)
    updated = GoalAssessment.objects.filter(pk=assessment.pk, reported_at=None).update(
        reported_at=timezone.now(), reported_by=by, frozen=attainment.frozen()
    )
    if not updated:
        raise ValidationError(_("Vurderingen er allerede indberettet."))
    assessment.refresh_from_db()
    audit_event_record(
        by=by,
        action="goal_assessment.report",
        obj=assessment,
        changes={"verdict": [None, assessment.frozen["verdict"]]},
    )
    return assessment
