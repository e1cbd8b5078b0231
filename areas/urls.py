from django.urls import path

from areas import views

app_name = "areas"

urlpatterns = [
    path("", views.designation, name="designation"),
    path("udlejning/", views.letting, name="letting"),
    path("tryghed/", views.safety, name="safety"),
    path("kort/", views.safety_map, name="map"),
    path("tryghed/sammenlign/", views.safety_compare, name="compare"),
    path("hotspots/", views.hotspots, name="hotspots"),
    path("hotspots/forslag/", views.hotspot_suggest, name="hotspot_suggest"),
    path("haendelser/", views.acute_incidents, name="incidents"),
    path("overfoerselsindkomst/", views.transfer_income, name="transfer_income"),
    path("tryghed/<slug:key>/<str:code>/", views.safety_area, name="safety_area"),
    path("import/", views.area_import, name="import"),
    path("import/<int:pk>/", views.area_import_job, name="import_job"),
]
