"""Changes to an initiative's change theory, audited in the same transaction."""

from django.db import transaction

from accounts.models import User
from audit.actions import audit_event_record
from evidence.models import ChangeTheoryStep
from initiatives.models import Initiative, SuccessCriterion


@transaction.atomic
def change_theory_step_add(
    *,
    by: User,
    initiative: Initiative,
    stage: str,
    text: str,
    criteria: list[SuccessCriterion],
) -> ChangeTheoryStep:
    position = ChangeTheoryStep.objects.filter(initiative=initiative).count()
    step = ChangeTheoryStep.objects.create(
        initiative=initiative, stage=stage, text=text, position=position
    )
    step.criteria.set([c for c in criteria if c.initiative_id == initiative.pk])
    audit_event_record(
        by=by,
        action="change_theory_step.add",
        obj=step,
        changes={"stage": [None, stage], "text": [None, text], "criteria": [None, len(criteria)]},
    )
    return step


@transaction.atomic
def change_theory_step_remove(*, by: User, step: ChangeTheoryStep) -> None:
    audit_event_record(
        by=by,
        action="change_theory_step.remove",
        obj=step,
        changes={"stage": [step.stage, None], "text": [step.text, None]},
    )
    step.delete()
