from django.urls import path

from policy_goals import views

app_name = "policy_goals"

urlpatterns = [
    path("", views.goal_list, name="list"),
    path("<str:code>/", views.goal_page, name="goal"),
    path("<str:code>/registertabel/", views.crime_table_import_page, name="crime_table_import"),
    path("<str:code>/vurdering/<int:pk>/indberet/", views.assessment_report, name="report"),
]
