from django.urls import path

from cases import intervention_views, oversight_views, views

app_name = "cases"

urlpatterns = [
    path("mit-arbejde/", views.my_work, name="my_work"),
    path("sager/overblik/", oversight_views.overview, name="overview"),
    path("personer/soeg/", views.person_search, name="person_search"),
    path("personer/<int:pk>/", views.person_detail, name="person_detail"),
    path("personer/match/<int:pk>/", views.person_match, name="person_match"),
    path("personer/<int:pk>/vis-cpr/", views.person_reveal, name="person_reveal"),
    path("personer/<int:pk>/flet/", views.person_merge, name="person_merge"),
    path(
        "personer/<int:pk>/familie/<int:household_id>/tilfoej/",
        views.household_member_add,
        name="household_member_add",
    ),
    path(
        "personer/<int:pk>/familie/medlem/<int:member_id>/fjern/",
        views.household_member_remove,
        name="household_member_remove",
    ),
    path("sager/ny/", views.case_new, name="case_new"),
    path("sager/<int:pk>/", views.case_detail, name="case_detail"),
    path("sager/<int:pk>/niveau/", views.case_change_level, name="case_change_level"),
    path("sager/<int:pk>/henvis/", views.case_refer, name="case_refer"),
    path("sager/<int:pk>/luk/", views.case_close, name="case_close"),
    path("sager/<int:pk>/ssp-plus/ny/", views.ssp_plus_plan_new, name="ssp_plus_plan_new"),
    path("sager/<int:pk>/ssp-plus/", views.ssp_plus_plan, name="ssp_plus_plan"),
    path("niveauregler/ssp-plus/", oversight_views.ssp_plus_settings, name="ssp_plus_settings"),
    path("henvisninger/", views.referral_queue, name="referral_queue"),
    path("henvisninger/<int:pk>/svar/", views.referral_answer, name="referral_answer"),
    path("opgaver/<int:pk>/udfoert/", views.task_done, name="task_done"),
    path("noedadgang/", oversight_views.emergency_access, name="emergency_access"),
    path("noedadgang/gennemgang/", oversight_views.emergency_review, name="emergency_review"),
    path("indsigt/", oversight_views.subject_access_report, name="subject_access_report"),
    path("adgangslog/", oversight_views.access_log_search, name="access_log"),
    path("interventionsteam/", intervention_views.intake, name="intervention_intake"),
    path(
        "interventionsteam/optag/<int:household_id>/",
        intervention_views.admit,
        name="intervention_admit",
    ),
    path(
        "interventionsteam/styregruppe/", intervention_views.steering, name="intervention_steering"
    ),
    path(
        "interventionsteam/<int:pk>/", intervention_views.course_detail, name="intervention_course"
    ),
    path(
        "interventionsteam/<int:pk>/<str:what>/",
        intervention_views.course_action,
        name="intervention_action",
    ),
    path("niveauregler/", oversight_views.level_rules, name="level_rules"),
    path("niveauregler/<int:level>/", oversight_views.level_rule_edit, name="level_rule_edit"),
]
