"""Recording a combined-letting decision (the rule in force on the application date decides,
the decision and its reason are stored and audited), designating a hotspot and recording an
acute incident."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from areas.models import AcuteIncident, Area, Hotspot, LettingDecision
from areas.queries import designated_in, letting_rule_on
from areas.rules import letting_check
from audit.actions import audit_event_record


@transaction.atomic
def letting_decide(
    *,
    by: User,
    area: Area,
    application_reference: str,
    applied_on: date,
    months_received: list[tuple[date, str]],
    on_waiting_list_since: date | None = None,
) -> LettingDecision:
    if applied_on > timezone.localdate():
        raise ValidationError({"applied_on": "Ansøgningsdatoen ligger i fremtiden."})
    found = letting_rule_on(applied_on)
    if found is None:
        raise ValidationError({"applied_on": "Ingen udlejningsregel gjaldt på ansøgningsdatoen."})
    version, rule = found
    if not designated_in(area, applied_on.year):
        decision = LettingDecision.objects.create(
            area=area,
            rule=version,
            application_reference=application_reference,
            applied_on=applied_on,
            consecutive_months=0,
            approved=True,
            covered=False,
            reason=(
                f"Ikke omfattet: {area.name} er ikke udpeget i {applied_on.year}; kombineret "
                "udlejning gælder kun i de udpegede områder"
            ),
            replacement_dwelling_duty=False,
            decided_by=by,
        )
        audit_event_record(
            by=by, action="letting.not_covered", obj=decision, changes={"covered": [None, False]}
        )
        return decision
    result = letting_check(
        months_received=months_received,
        applied_on=applied_on,
        rule=rule,
        on_waiting_list_since=on_waiting_list_since,
    )
    decision = LettingDecision.objects.create(
        area=area,
        rule=version,
        application_reference=application_reference,
        applied_on=applied_on,
        consecutive_months=result.consecutive_months,
        approved=result.approve,
        reason=result.reason,
        replacement_dwelling_duty=result.replacement_dwelling_duty,
        decided_by=by,
    )
    audit_event_record(
        by=by,
        action="letting.decide",
        obj=decision,
        changes={"approved": [None, result.approve], "months": [None, result.consecutive_months]},
    )
    return decision


@transaction.atomic
def hotspot_designate(*, by: User, **fields) -> Hotspot:
    hotspot = Hotspot(created_by=by, **fields)
    hotspot.full_clean()
    hotspot.save()
    audit_event_record(
        by=by,
        action="hotspot.designate",
        obj=hotspot,
        changes={"name": [None, hotspot.name], "unit": [None, str(hotspot.responsible_unit)]},
    )
    return hotspot


@transaction.atomic
def acute_incident_record(*, by: User, **fields) -> AcuteIncident:
    incident = AcuteIncident(recorded_by=by, **fields)
    if incident.occurred_on and incident.occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": "Datoen ligger i fremtiden."})
    incident.full_clean()
    incident.save()
    audit_event_record(
        by=by,
        action="acute_incident.record",
        obj=incident,
        changes={"district": [None, incident.district], "kind": [None, incident.kind]},
    )
    return incident
