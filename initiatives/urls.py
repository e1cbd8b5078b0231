from django.urls import path

from initiatives import views
from reports import views as report_views

app_name = "initiatives"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("budget/", views.budget, name="budget"),
    path("bortfald/", report_views.lapses, name="lapses"),
    path("budget/import/", views.budget_import, name="budget_import"),
    path("budget/eksport.<str:fmt>", report_views.budget_export, name="budget_export"),
    path("budget/kilde/<slug:key>/", views.source_table, name="source_table"),
    path("medfinansiering/", views.cofinancing, name="cofinancing"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/rediger/", views.edit, name="edit"),
    path("<slug:slug>/status/ny/", views.status_report_new, name="status_report_new"),
    path(
        "<slug:slug>/status/maalopfyldelse/",
        report_views.status_attainment,
        name="status_attainment",
    ),
    path(
        "<slug:slug>/status/<int:pk>/godkend/",
        report_views.status_report_approve,
        name="status_report_approve",
    ),
    path("<slug:slug>/bevillinger/", views.fundings, name="fundings"),
    path("<slug:slug>/bevillinger/<int:pk>/slet/", views.funding_delete, name="funding_delete"),
    path("<slug:slug>/evidens.pdf", report_views.evidence_pdf, name="evidence_pdf"),
    path(
        "<slug:slug>/statusskema.<str:fmt>",
        report_views.status_form_export,
        name="status_form_export",
    ),
    path("<slug:slug>/succeskriterier/ny/", views.criterion_new, name="criterion_new"),
    path("<slug:slug>/succeskriterier/<int:pk>/", views.criterion_edit, name="criterion_edit"),
    path(
        "<slug:slug>/succeskriterier/<int:pk>/slet/",
        views.criterion_delete,
        name="criterion_delete",
    ),
    path(
        "<slug:slug>/succeskriterier/<int:pk>/indberet/",
        views.reported_value_new,
        name="reported_value_new",
    ),
]
