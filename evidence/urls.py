from django.urls import path

from evidence import views

app_name = "evidence"

urlpatterns = [
    path("indsatser/<slug:slug>/evidens/", views.evidence_page, name="card"),
    path(
        "indsatser/<slug:slug>/evidens/trin/<int:pk>/slet/",
        views.change_theory_step_delete,
        name="step_delete",
    ),
]
