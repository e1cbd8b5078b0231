"""The JSON API, /api/v1/ — thin over the apps' actions and queries, with the UI's permissions."""

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from api.auth import PersonalTokenAuth, VerifiedSessionAuth
from api.cases_api import router as cases_router
from api.errors import CHANGE_ERRORS, ERRORS, error_handlers_register
from api.evidence_api import router as evidence_router
from api.outcomes_api import router as outcomes_router
from api.policy_goals_api import router as policy_goals_router
from api.portfolio_api import router as portfolio_router
from api.schemas import (
    BudgetOut,
    CriterionIn,
    CriterionOut,
    InitiativeOut,
    InitiativePatch,
    InitiativeSummary,
    Me,
    ReportedValueIn,
    ReportedValueOut,
)
from initiatives import actions, queries
from initiatives.models import MAX_YEAR, MIN_YEAR, Initiative, SuccessCriterion
from reports import exports
from reports.status_forms import status_attainment_now
from reports.views import budget_export_for

api = NinjaAPI(
    title="Sikker By API",
    version="1",
    urls_namespace="api",
    auth=[PersonalTokenAuth(), VerifiedSessionAuth()],
    description="Sikker By's JSON API. Log ind med en personlig API-nøgle (Authorization: Bearer ...), "
    "som du opretter under 'API-nøgler'. Nøglen har præcis dine egne rettigheder.",
)


api.add_router("/", cases_router)
api.add_router("/", outcomes_router)
api.add_router("/", evidence_router)
api.add_router("/", policy_goals_router)
api.add_router("/", portfolio_router)


error_handlers_register(api)


def _user(request):
    return request.auth


def _initiative_summary(i: Initiative) -> dict:
    return {
        "slug": i.slug,
        "name": i.name,
        "kind": i.kind,
        "departments": [d.code for d in i.owning_departments.all()],
        "target_age_min": i.target_age_min,
        "target_age_max": i.target_age_max,
        "period_start": i.period_start,
        "period_end": i.period_end,
        "lapses_after": i.lapses_after(),
    }


def _initiative_out(i: Initiative) -> dict:
    return {
        **_initiative_summary(i),
        **{
            f: getattr(i, f)
            for f in (
                "partners",
                "target_ssp_levels",
                "target_areas",
                "target_group",
                "economy_text",
                "activities",
                "goal",
                "policy_contribution",
                "planned_follow_up",
                "capacity_amount",
                "capacity_unit",
                "capacity_note",
                "source_document",
                "version",
            )
        },
        "anchoring_unit": i.anchoring_unit.name if i.anchoring_unit else None,
        "policy_goals": [g.code for g in i.policy_goals.all()],
        "fundings": [
            {
                "first_year": f.first_year,
                "last_year": f.last_year,
                "amount": f.amount,
                "source": f.source.code,
                "department": f.department.code if f.department else None,
                "note": f.note,
            }
            for f in i.fundings.all()
        ],
        "success_criteria": list(i.success_criteria.all()),
        "status_attainment": status_attainment_now(i),
        "status_reports": [
            {
                "period": r.period,
                "text": r.text,
                "approved_at": r.approved_at,
                "frozen_attainment": r.frozen_attainment,
            }
            for r in i.status_reports.all()
        ],
    }


def _initiative_for(request, slug: str, *, for_change: bool = False) -> Initiative:
    initiative = get_object_or_404(
        queries.initiative_with_details(Initiative.objects.all()), slug=slug
    )
    if not _user(request).has_perm("initiatives.view_initiative", initiative):
        raise PermissionDenied
    if for_change and not _user(request).has_perm("initiatives.change_initiative", initiative):
        raise PermissionDenied
    return initiative


@api.get("/me", response={200: Me, **ERRORS}, tags=["konto"])
def me(request):
    user = _user(request)
    return {
        "username": user.username,
        "name": user.get_full_name(),
        "department": user.department.code if user.department else None,
        "unit": user.unit.name if user.unit else None,
        "roles": sorted(user.roles),
    }


class CatalogueFilters(Schema):
    department: str | None = Field(None, max_length=20)
    kind: Literal["city_wide", "area_based", "monitoring"] | None = None
    year: int | None = Field(None, ge=MIN_YEAR, le=MAX_YEAR)
    age: int | None = Field(None, ge=0, le=120)
    lapses_after: int | None = Field(None, ge=MIN_YEAR, le=MAX_YEAR)


@api.get("/initiatives", response={200: list[InitiativeSummary], **ERRORS}, tags=["indsatser"])
def initiative_list(request, filters: Query[CatalogueFilters]):
    if not _user(request).has_perm("initiatives.view_initiative"):
        raise PermissionDenied
    from accounts.models import Department

    department = None
    if filters.department:
        department = Department.objects.filter(code=filters.department.upper()).first()
        if department is None:
            raise HttpError(422, f"Ukendt forvaltning '{filters.department}'")
    initiatives = queries.catalogue_filtered(
        department=department,
        kind=filters.kind or "",
        active_year=filters.year,
        target_age=filters.age,
        lapses_after=filters.lapses_after,
    )
    return [_initiative_summary(i) for i in initiatives]


@api.get("/initiatives/{slug}", response={200: InitiativeOut, **ERRORS}, tags=["indsatser"])
def initiative_detail(request, slug: str):
    return _initiative_out(_initiative_for(request, slug))


@api.patch(
    "/initiatives/{slug}",
    response={200: InitiativeOut, **CHANGE_ERRORS},
    tags=["indsatser"],
)
def initiative_patch(request, slug: str, payload: InitiativePatch):
    initiative = _initiative_for(request, slug, for_change=True)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    actions.initiative_update(
        by=_user(request), initiative=initiative, data=data, expected_version=version
    )
    return _initiative_out(_initiative_for(request, slug))


@api.put(
    "/criteria/{criterion_id}",
    response={200: CriterionOut, **CHANGE_ERRORS},
    tags=["succeskriterier"],
)
def criterion_update(request, criterion_id: int, payload: CriterionIn):
    criterion = get_object_or_404(
        SuccessCriterion.objects.select_related("initiative"), pk=criterion_id
    )
    if not _user(request).has_perm("initiatives.change_initiative", criterion.initiative):
        raise PermissionDenied
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return actions.success_criterion_update(
        by=_user(request), criterion=criterion, data=data, expected_version=version
    )


@api.post(
    "/criteria/{criterion_id}/reported-values",
    response={201: ReportedValueOut, **ERRORS},
    tags=["succeskriterier"],
)
def reported_value_create(request, criterion_id: int, payload: ReportedValueIn):
    criterion = get_object_or_404(
        SuccessCriterion.objects.select_related("initiative"), pk=criterion_id
    )
    reported = actions.reported_value_create(
        by=_user(request), criterion=criterion, **payload.dict()
    )
    return Status(201, reported)


@api.get("/budget", response={200: BudgetOut, **ERRORS}, tags=["budget"])
def budget(
    request,
    first: int = Query(2009, ge=MIN_YEAR, le=MAX_YEAR),
    last: int = Query(2012, ge=MIN_YEAR, le=MAX_YEAR),
    by: Literal["initiative", "department", "source"] = "initiative",
    table: str = Query("", max_length=50),
):
    if not _user(request).has_perm("initiatives.view_initiative"):
        raise PermissionDenied
    if not (MIN_YEAR <= first <= last <= MAX_YEAR) or last - first > 20:
        raise HttpError(
            422, f"Årene skal ligge mellem {MIN_YEAR} og {MAX_YEAR}, first ≤ last, højst 21 år."
        )
    export = budget_export_for(view=by, first=first, last=last, table_key=table)
    return {
        "title": export.title,
        "years": export.table.years,
        "rows": exports.budget_rows(export),
        "column_totals": exports.column_totals(export),
    }
