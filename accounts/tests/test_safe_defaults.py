"""Safe by default: DEBUG off unless set, a real secret key in production, no-store on pages
with personal data, HSTS and the redirect to HTTPS configurable, `next` only to this site,
expiring API tokens, sessions that end 12 hours after login, password change and an
administrator's reset that forces one."""

import secrets
import subprocess
import sys
from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone

from accounts.actions import api_token_create
from audit.models import AuditEvent
from conftest import PASSWORD, current_totp, login_client


def _settings_in_a_fresh_process(**env) -> subprocess.CompletedProcess:
    code = (
        "import django; from django.conf import settings; django.setup();"
        "print(settings.DEBUG, settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT,"
        " settings.SESSION_COOKIE_SECURE)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_SETTINGS_MODULE": "sikkerby.settings", "PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
    )


def test_debug_is_off_unless_set_and_production_needs_a_real_secret_key():
    refused = _settings_in_a_fresh_process()
    assert refused.returncode != 0 and "SECRET_KEY must be set" in refused.stderr
    weak = _settings_in_a_fresh_process(SECRET_KEY="local-development-only-not-secret")
    assert weak.returncode != 0
    production = _settings_in_a_fresh_process(SECRET_KEY=secrets.token_urlsafe(50))
    assert production.stdout.split() == ["False", "31536000", "True", "True"]
    demo = _settings_in_a_fresh_process(DEBUG="true")
    assert demo.stdout.split() == ["True", "0", "False", "False"]


def test_check_deploy_passes_clean_with_the_readmes_production_environment():
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            "DJANGO_SETTINGS_MODULE": "sikkerby.settings",
            "PATH": "/usr/bin:/bin",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "sikkerby.kk.dk",
            "CSRF_TRUSTED_ORIGINS": "https://sikkerby.kk.dk",
            "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
            "DATABASE_URL": "sqlite:////tmp/sikkerby-check-deploy.sqlite3",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_pages_for_signed_in_users_and_the_api_are_never_stored(level_3_case, ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    assert client.get(f"/personer/{level_3_case.person_id}/")["Cache-Control"] == "no-store"
    assert client.get("/api/v1/cases")["Cache-Control"] == "no-store"


def test_next_goes_only_to_a_path_on_this_site(administrator, level_3_case, ssp_consultant):
    client = Client()
    client.post("/konto/log-ind/", {"username": "administrator", "password": PASSWORD})
    response = client.post(
        "/konto/to-faktor/?next=https://angriber.example/log-ind", {"token": current_totp()}
    )
    assert response["Location"] == "/"
    worker = login_client(Client(), ssp_consultant)
    task = level_3_case.tasks.first()
    for evil in ("https://angriber.example/", "//angriber.example/", "/\\\\angriber.example"):
        response = worker.post(f"/opgaver/{task.pk}/udfoert/", {"next": evil})
        assert response["Location"] == "/mit-arbejde/"
    response = worker.post(f"/opgaver/{task.pk}/udfoert/", {"next": "/sager/1/"})
    assert response["Location"] == "/sager/1/"


def test_api_tokens_expire_after_90_days(caseworker):
    _, plain = api_token_create(by=caseworker, name="Udtræk")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {plain}"}
    assert Client().get("/api/v1/me", **headers).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        assert Client().get("/api/v1/me", **headers).status_code == 401


def test_a_session_ends_12_hours_after_login_however_active(caseworker):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = login_client(Client(), caseworker)
        for _ in range(28):  # active every 25 minutes: never idle for 30
            clock.shift(timedelta(minutes=25))
            assert client.get("/konto/roller/").status_code == 200
        clock.shift(timedelta(minutes=25))  # 12 h 5 min after login
        response = client.get("/konto/roller/")
        assert response.status_code == 302 and response["Location"].startswith("/konto/log-ind/")


def test_a_user_changes_the_password_and_it_is_audited(caseworker):
    client = login_client(Client(), caseworker)
    page = client.post(
        "/konto/adgangskode/",
        {"old_password": "forkert", "new_password1": "x", "new_password2": "x"},
    ).content.decode()
    assert "gamle adgangskode" in page.lower() or "forkert" in page.lower()
    new = "et-nyt-og-langt-kodeord-2026"
    client.post(
        "/konto/adgangskode/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    caseworker.refresh_from_db()
    assert caseworker.check_password(new)
    assert AuditEvent.objects.filter(action="user.password_change", object_id=str(caseworker.pk))


def test_an_administrators_reset_forces_a_change_before_anything_else(administrator, caseworker):
    admin = login_client(Client(), administrator)
    temporary = "midlertidig-kode-123"
    admin.post(
        f"/konto/brugere/{caseworker.pk}/midlertidig-adgangskode/",
        {"temporary_password": temporary},
    )
    client = Client()
    client.post("/konto/log-ind/", {"username": "caseworker", "password": temporary})
    assert client.get("/mit-arbejde/")["Location"] == "/konto/adgangskode/"
    own = "mit-eget-lange-kodeord-9"
    client.post(
        "/konto/adgangskode/",
        {"old_password": temporary, "new_password1": own, "new_password2": own},
    )
    assert client.get("/mit-arbejde/").status_code == 200
    assert AuditEvent.objects.filter(action="user.password_reset").exists()
