from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("log-ind/", views.LoginView.as_view(), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("to-faktor/", views.two_factor, name="two_factor"),
    path("roller/", views.roles, name="roles"),
    path("adgangskode/", views.password_change, name="password_change"),
    path("faelles-login/", views.single_sign_on_groups, name="single_sign_on_groups"),
    path(
        "brugere/<int:pk>/midlertidig-adgangskode/",
        views.user_password_reset,
        name="user_password_reset",
    ),
    path("brugere/", views.users, name="users"),
    path("brugere/ny/", views.user_new, name="user_new"),
    path("brugere/<int:pk>/", views.user_edit, name="user_edit"),
    path("brugere/<int:pk>/ophaev-spaerring/", views.user_unlock, name="user_unlock"),
    path("api-noegler/", views.api_tokens, name="api_tokens"),
    path("api-noegler/<int:pk>/tilbagekald/", views.api_token_revoke, name="api_token_revoke"),
]
