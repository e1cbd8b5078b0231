from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import include, path
from django.views.generic import RedirectView

from api.views import api
from audit.views import audit_trail, purge_runs


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def robots(request):
    return HttpResponse("User-agent: *\nDisallow: /\n", content_type="text/plain")


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="initiatives:catalogue", permanent=False)),
    path("indsatser/", include("initiatives.urls")),
    path("omraader/", include("areas.urls")),
    path("rapporter/urolige-omraader/", include("reports.troubled_areas_urls")),
    path("konto/", include("accounts.urls")),
    path("oidc/", include("accounts.single_sign_on_urls")),
    path("", include("outcomes.urls")),
    path("", include("evidence.urls")),
    path("maal/", include("policy_goals.urls")),
    path("portefolje/", include("portfolio.urls")),
    path("", include("cases.urls")),
    path("revision/", audit_trail, name="audit_trail"),
    path("revision/sletning/", purge_runs, name="purge_runs"),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sundhed/", health, name="health"),
    path("robots.txt", robots),
    path("favicon.ico", RedirectView.as_view(url="/static/sikkerby/logo.svg", permanent=True)),
]

handler500 = "sikkerby.errors.server_error"
