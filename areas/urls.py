from django.urls import path

from areas import views

app_name = "areas"

urlpatterns = [
    path("", views.designation, name="designation"),
    path("udlejning/", views.letting, name="letting"),
]
