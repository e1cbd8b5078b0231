from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("log-ind/", views.LoginView.as_view(), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("to-faktor/", views.two_factor, name="two_factor"),
    path("roller/", views.roles, name="roles"),
    path("api-noegler/", views.api_tokens, name="api_tokens"),
    path("api-noegler/<int:pk>/tilbagekald/", views.api_token_revoke, name="api_token_revoke"),
]
