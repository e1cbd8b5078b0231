from datetime import date, datetime
from decimal import Decimal

from ninja import Schema


class ReportedValueOut(Schema):
    period: str
    value: Decimal
    numerator: int | None
    denominator: int | None
    note: str
    reported_by: str


class CriterionOut(Schema):
    id: int
    text: str
    kind: str
    direction: str
    target_value: Decimal | None
    target_unit: str
    per_year: bool
    period_start: date | None
    period_end: date | None
    follow_up_months: str
    statuses: str
    start_event: str
    source: str
    version: int
    reported_values: list[ReportedValueOut]


class CriterionIn(Schema):
    version: int
    text: str | None = None
    kind: str | None = None
    direction: str | None = None
    target_value: Decimal | None = None
    target_unit: str | None = None
    per_year: bool | None = None
    period_start: date | None = None
    period_end: date | None = None
    follow_up_months: str | None = None
    statuses: str | None = None
    start_event: str | None = None
    source: str | None = None


class ReportedValueIn(Schema):
    period: str
    value: Decimal
    numerator: int | None = None
    denominator: int | None = None
    note: str = ""


class FundingOut(Schema):
    first_year: int
    last_year: int
    amount: Decimal
    source: str
    department: str | None
    note: str


class InitiativeSummary(Schema):
    slug: str
    name: str
    kind: str
    departments: list[str]
    target_age_min: Decimal | None
    target_age_max: Decimal | None
    period_start: date | None
    period_end: date | None
    lapses_after: int | None  # the last year with money; None: none recorded, or runs on


class AttainmentResultOut(Schema):
    label: str
    figure: str
    verdict: str
    verdict_label: str


class AttainmentOut(Schema):
    """A criterion under the status form's heading 7, computed (final figures of whole years,
    small counts hidden)."""

    criterion: str
    target: str
    computed: bool
    results: list[AttainmentResultOut]


class StatusReportOut(Schema):
    period: str
    text: str
    approved_at: datetime | None
    frozen_attainment: list[AttainmentOut] | None


class InitiativeOut(InitiativeSummary):
    anchoring_unit: str | None
    partners: str
    target_ssp_levels: str
    target_areas: str
    target_group: str
    economy_text: str
    activities: str
    goal: str
    policy_contribution: str
    policy_goals: list[str]
    planned_follow_up: str
    capacity_amount: Decimal | None
    capacity_unit: str
    capacity_note: str
    source_document: str
    version: int
    fundings: list[FundingOut]
    success_criteria: list[CriterionOut]
    status_attainment: list[AttainmentOut]
    status_reports: list[StatusReportOut]


class InitiativePatch(Schema):
    version: int
    name: str | None = None
    target_group: str | None = None
    activities: str | None = None
    goal: str | None = None
    policy_contribution: str | None = None
    planned_follow_up: str | None = None
    capacity_amount: Decimal | None = None
    capacity_note: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    runs_without_funding: bool | None = None
    runs_without_funding_reason: str | None = None


class BudgetRowOut(Schema):
    label: str
    by_year: dict[str, Decimal | None]
    multi_year: list[dict]
    total: Decimal
    stated_total: Decimal | None
    printed_total: str
    discrepancy: Decimal | None


class BudgetOut(Schema):
    title: str
    unit: str = "DKK"
    years: list[int]
    rows: list[BudgetRowOut]
    column_totals: list[dict]


class Me(Schema):
    username: str
    name: str
    department: str | None
    unit: str | None
    roles: list[str]
