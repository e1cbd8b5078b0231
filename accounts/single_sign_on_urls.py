"""The single sign-on's way in, its callback and its logout (mozilla-django-oidc's views, under
the names it reverses), answering 'not found' until single sign-on is configured."""

from django.http import Http404
from django.urls import path
from mozilla_django_oidc import views

from accounts.single_sign_on import single_sign_on_enabled


def _when_enabled(view_class):
    def view(request, *args, **kwargs):
        if not single_sign_on_enabled():
            raise Http404
        return view_class.as_view()(request, *args, **kwargs)

    return view


urlpatterns = [
    path(
        "authenticate/",
        _when_enabled(views.OIDCAuthenticationRequestView),
        name="oidc_authentication_init",
    ),
    path(
        "callback/",
        _when_enabled(views.OIDCAuthenticationCallbackView),
        name="oidc_authentication_callback",
    ),
    path("logout/", _when_enabled(views.OIDCLogoutView), name="oidc_logout"),
]
