"""Changes to the catalogue. Each is atomic and writes its audit event in the same transaction.

Views, the API and management commands all call these functions.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from accounts.models import User
from audit.actions import audit_event_record, diff, snapshot
from initiatives.models import Funding, Initiative, ReportedValue, StatusReport, SuccessCriterion
from sikkerby.versioning import version_claim

INITIATIVE_FIELDS = [
    "name",
    "kind",
    "anchoring_unit",
    "partners",
    "target_age_min",
    "target_age_max",
    "target_ssp_levels",
    "target_areas",
    "target_group",
    "economy_text",
    "activities",
    "goal",
    "policy_contribution",
    "planned_follow_up",
    "evaluated_internally",
    "evaluated_externally",
    "statistical_follow_up",
    "capacity_amount",
    "capacity_unit",
    "capacity_note",
    "period_start",
    "period_end",
    "runs_without_funding",
    "runs_without_funding_reason",
]
CRITERION_FIELDS = [
    "text",
    "kind",
    "direction",
    "target_value",
    "target_unit",
    "period_start",
    "period_end",
    "per_year",
    "follow_up_months",
    "statuses",
    "start_event",
    "channel",
    "age_min",
    "age_max",
    "source",
    "area",
    "measures_goal",
    "position",
]


def _require(user: User, perm: str, obj: Any = None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(perm)


@transaction.atomic
def initiative_update(
    *,
    by: User,
    initiative: Initiative,
    data: Mapping[str, Any],
    expected_version: int,
    owning_departments: Iterable[Any] | None = None,
    policy_goals: Iterable[Any] | None = None,
) -> Initiative:
    _require(by, "initiatives.change_initiative", initiative)
    version_claim(Initiative, initiative.pk, expected_version)
    before = snapshot(initiative, INITIATIVE_FIELDS)
    before_departments = sorted(d.code for d in initiative.owning_departments.all())
    for name in INITIATIVE_FIELDS:
        if name in data:
            setattr(initiative, name, data[name])
    initiative.version = expected_version + 1
    initiative.full_clean()
    initiative.save()
    changes = diff(before, snapshot(initiative, INITIATIVE_FIELDS))
    if owning_departments is not None:
        initiative.owning_departments.set(owning_departments)
        after_departments = sorted(d.code for d in initiative.owning_departments.all())
        if after_departments != before_departments:
            changes["owning_departments"] = [before_departments, after_departments]
    if policy_goals is not None:
        initiative.policy_goals.set(policy_goals)
    audit_event_record(by=by, action="initiative.update", obj=initiative, changes=changes)
    return initiative


@transaction.atomic
def success_criterion_create(
    *, by: User, initiative: Initiative, data: Mapping[str, Any]
) -> SuccessCriterion:
    _require(by, "initiatives.change_initiative", initiative)
    criterion = SuccessCriterion(
        initiative=initiative, **{k: v for k, v in data.items() if k in CRITERION_FIELDS}
    )
    criterion.full_clean()
    criterion.save()
    audit_event_record(
        by=by,
        action="success_criterion.create",
        obj=criterion,
        changes=diff({}, snapshot(criterion, CRITERION_FIELDS)),
    )
    return criterion


@transaction.atomic
def success_criterion_update(
    *, by: User, criterion: SuccessCriterion, data: Mapping[str, Any], expected_version: int
) -> SuccessCriterion:
    _require(by, "initiatives.change_initiative", criterion.initiative)
    version_claim(SuccessCriterion, criterion.pk, expected_version)
    before = snapshot(criterion, CRITERION_FIELDS)
    for name in CRITERION_FIELDS:
        if name in data:
            setattr(criterion, name, data[name])
    criterion.version = expected_version + 1
    criterion.full_clean()
    criterion.save()
    audit_event_record(
        by=by,
        action="success_criterion.update",
        obj=criterion,
        changes=diff(before, snapshot(criterion, CRITERION_FIELDS)),
    )
    return criterion


@transaction.atomic
def success_criterion_delete(*, by: User, criterion: SuccessCriterion) -> None:
    _require(by, "initiatives.change_initiative", criterion.initiative)
    audit_event_record(
        by=by,
        action="success_criterion.delete",
        obj=criterion,
        changes=diff(snapshot(criterion, CRITERION_FIELDS), {}),
    )
    criterion.delete()


@transaction.atomic
def reported_value_create(
    *,
    by: User,
    criterion: SuccessCriterion,
    period: str,
    value: Decimal,
    numerator: int | None = None,
    denominator: int | None = None,
    note: str = "",
) -> ReportedValue:
    _require(by, "initiatives.change_initiative", criterion.initiative)
    reported = ReportedValue(
        criterion=criterion,
        period=period,
        value=value,
        numerator=numerator,
        denominator=denominator,
        note=note,
        reported_by=by.username,
    )
    reported.full_clean()
    reported.save()
    audit_event_record(
        by=by,
        action="reported_value.create",
        obj=reported,
        changes={
            "period": [None, period],
            "value": [None, str(value)],
            "numerator": [None, numerator],
            "denominator": [None, denominator],
        },
    )
    return reported


@transaction.atomic
def fundings_import(*, by: User, fundings: list[Funding], replace_years: bool = True) -> int:
    """Save validated funding lines. With `replace_years`, the lines they replace (same
    initiative, years, source and department) are deleted first, so re-importing a file
    does not double the money. Every line is audited."""
    for funding in fundings:
        _require(by, "initiatives.change_initiative", funding.initiative)
    for funding in fundings:
        if replace_years:
            replaced = Funding.objects.filter(
                initiative=funding.initiative,
                first_year=funding.first_year,
                last_year=funding.last_year,
                source=funding.source,
                department=funding.department,
            )
            for old in replaced:
                funding_delete(by=by, funding=old)
        funding_create(by=by, funding=funding)
    return len(fundings)


@transaction.atomic
def status_report_save(*, by: User, initiative: Initiative, period: str, text: str) -> StatusReport:
    """Record the status for a reporting period; a second report for the same period replaces the text."""
    _require(by, "initiatives.change_initiative", initiative)
    report, created = StatusReport.objects.get_or_create(
        initiative=initiative, period=period, defaults={"text": text}
    )
    if report.approved_at is not None:
        raise ValidationError(
            {"period": "Statusskemaet for perioden er godkendt og kan ikke ændres."}
        )
    old_text = None if created else report.text
    if not created:
        report.text = text
        report.save(update_fields=["text"])
    audit_event_record(
        by=by, action="status_report.save", obj=report, changes={"text": [old_text, text]}
    )
    return report


@transaction.atomic
def funding_create(*, by: User, funding: Funding) -> Funding:
    _require(by, "initiatives.change_initiative", funding.initiative)
    funding.full_clean()
    funding.save()
    audit_event_record(
        by=by,
        action="funding.create",
        obj=funding,
        changes={
            "years": [None, funding.years_label()],
            "amount": [None, str(funding.amount)],
            "source": [None, funding.source.code],
            "department": [None, funding.department.code if funding.department else None],
        },
    )
    return funding


@transaction.atomic
def funding_delete(*, by: User, funding: Funding) -> None:
    _require(by, "initiatives.change_initiative", funding.initiative)
    audit_event_record(
        by=by,
        action="funding.delete",
        obj=funding,
        changes={"years": [funding.years_label(), None], "amount": [str(funding.amount), None]},
    )
    funding.delete()
