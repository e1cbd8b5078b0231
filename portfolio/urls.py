from django.urls import path

from portfolio import views

app_name = "portfolio"

urlpatterns = [
    path("", views.portfolio_page, name="page"),
    path("eksport.<str:fmt>", views.portfolio_export, name="export"),
]
