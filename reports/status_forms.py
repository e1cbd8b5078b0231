"""The status form's seventh heading computed, and an approved status form frozen.

Seed 002's status forms end with "Status i forhold til målopfyldelse" ("Angiv målopfyldelse
med indsatsen"): each criterion's computed figure, target and verdict, with the owner's
typed text beneath as commentary. An approved status report keeps the figures it had."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.actions import audit_event_record
from initiatives.models import Initiative, StatusReport
from outcomes.scorecard import status_attainment


def status_attainment_of(report: StatusReport) -> list[dict]:
    """The frozen attainment of an approved report; today's for a draft."""
    if report.frozen_attainment is not None:
        return report.frozen_attainment
    return status_attainment(report.initiative, timezone.localdate())


def status_attainment_now(initiative: Initiative) -> list[dict]:
    return status_attainment(initiative, timezone.localdate())


@transaction.atomic
def status_report_approve(*, by: User, report: StatusReport) -> StatusReport:
    if not by.has_perm("initiatives.change_initiative", report.initiative):
        raise PermissionDenied
    report = StatusReport.objects.select_for_update().get(pk=report.pk)
    if report.approved_at is not None:
        raise ValidationError(_("Statusskemaet er allerede godkendt."))
    report.frozen_attainment = status_attainment(report.initiative, timezone.localdate())
    report.approved_at, report.approved_by = timezone.now(), by
    report.save(update_fields=["frozen_attainment", "approved_at", "approved_by"])
    audit_event_record(by=by, action="status_report.approve", obj=report)
    return report
