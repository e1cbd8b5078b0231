from django.urls import path

from outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("indsatser/<slug:slug>/resultater/", views.scorecard, name="scorecard"),
    path("indsatser/<slug:slug>/resultater/aktivitet/", views.activity_new, name="activity_new"),
    path(
        "indsatser/<slug:slug>/resultater/<int:pk>/",
        views.criterion_detail,
        name="criterion_detail",
    ),
    path(
        "indsatser/<slug:slug>/resultater/<int:pk>/svar/",
        views.survey_answers_upload,
        name="survey_answers_upload",
    ),
    path(
        "indsatser/<slug:slug>/resultater/<int:pk>/personer/<int:row>/",
        views.criterion_people,
        name="criterion_people",
    ),
    path("registerudtraek/", views.records_import_page, name="records_import"),
    path("registerudtraek/<int:pk>/", views.records_import_job, name="records_import_job"),
    path("progressionsparametre/", views.progression_parameters, name="progression_parameters"),
    path("personer/<int:pk>/deltagelse/", views.participation_new, name="participation_new"),
    path(
        "personer/<int:pk>/deltagelse/<int:participation_id>/slut/",
        views.participation_end,
        name="participation_end",
    ),
    path("personer/<int:pk>/venteliste/", views.waiting_list_add, name="waiting_list_add"),
    path(
        "personer/<int:pk>/venteliste/<int:entry_id>/fjern/",
        views.waiting_list_remove,
        name="waiting_list_remove",
    ),
    path("personer/<int:pk>/status/", views.observation_new, name="observation_new"),
    path("personer/<int:pk>/vurdering/", views.assessment_new, name="assessment_new"),
    path(
        "personer/<int:pk>/opfoelgning/<int:follow_up_id>/",
        views.follow_up_resolve,
        name="follow_up_resolve",
    ),
]
