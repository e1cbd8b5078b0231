from django.urls import path

from reports import troubled_areas_views as views

app_name = "troubled_areas"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("tryghedsindeks/", views.safety_presentations, name="safety_presentations"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/tekst/<slug:district>/", views.district_text, name="district_text"),
    path("<int:pk>/godkend/", views.approve, name="approve"),
    path("<int:pk>/send/", views.send, name="send"),
    path("<int:pk>/rapport.<str:fmt>", views.download, name="download"),
]
