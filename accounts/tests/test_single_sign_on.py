"""Logging in by the municipality's single sign-on, against a real OpenID Connect provider
(django-oidc-provider, run on loopback): the user is matched on `sub`, named from the claims,
given the department and roles that administrators mapped to their groups (none until
mapped, said plainly), and every creation and change of roles is audited."""

import html
import re
import socket
import subprocess
import sys
from datetime import timedelta
from urllib.parse import parse_qs, urljoin, urlparse

import requests
from django.test import Client
from django.utils import timezone

from accounts.models import SingleSignOnGroup, Unit, User
from accounts.roles import Role
from audit.models import AuditEvent

CALLBACK = "http://testserver/oidc/callback/"


def _log_in_at_the_provider(client: Client, provider: str) -> Client:
    """What the browser does: from Sikker By to the provider's login, and back with a code."""
    to_provider = client.get("/oidc/authenticate/")
    assert to_provider.status_code == 302
    browser = requests.Session()
    login_page = browser.get(to_provider["Location"])
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.text).group(1)
    back = browser.post(
        login_page.url,
        data={
            "csrfmiddlewaretoken": token,
            "username": "kk.sagsbehandler",
            "password": "udbyder-kode-2026",
            "next": html.unescape(re.search(r'name="next" value="([^"]*)"', login_page.text)[1]),
        },
        headers={"Referer": login_page.url},
        allow_redirects=False,
    )
    while back.status_code == 302 and not back.headers["Location"].startswith(CALLBACK):
        back = browser.get(urljoin(back.url, back.headers["Location"]), allow_redirects=False)
    assert back.status_code == 302, (back.status_code, back.url, back.text[:800])
    callback = back.headers["Location"].removeprefix("http://testserver")
    return client.get(callback)


def test_a_first_login_creates_the_user_with_the_mapped_department_and_roles(
    oidc_provider, catalogue
):
    provider = oidc_provider(CALLBACK)
    unit = Unit.objects.get(name="Jobcenter København – Unge / Krimiteamet")
    SingleSignOnGroup.objects.create(
        claim_value="SSP-Nørrebro",
        department=unit.department,
        unit=unit,
        roles=[Role.CASEWORKER, Role.SSP_CONSULTANT],
    )
    client = Client()
    landed = _log_in_at_the_provider(client, provider)
    assert landed.status_code == 302 and landed["Location"] in ("/", "/indsatser/")
    user = User.objects.get(oidc_subject__isnull=False)
    assert (user.first_name, user.last_name, user.email) == (
        "Kamilla",
        "Kommune",
        "kamilla@kk.test",
    )
    assert (user.department, user.unit) == (unit.department, unit)
    assert user.roles == {Role.CASEWORKER, Role.SSP_CONSULTANT}
    assert client.get("/mit-arbejde/").status_code == 200
    event = AuditEvent.objects.get(action="user.create_from_single_sign_on")
    assert event.changes["roles"] == [None, ["caseworker", "ssp_consultant"]]


def test_without_a_mapped_group_the_user_has_no_roles_and_is_told_so(oidc_provider, catalogue):
    provider = oidc_provider(CALLBACK)
    client = Client()
    _log_in_at_the_provider(client, provider)
    user = User.objects.get(oidc_subject__isnull=False)
    assert user.roles == frozenset()
    page = client.get("/indsatser/").content.decode()
    assert "har endnu ingen roller i Sikker By" in page
    assert client.get("/mit-arbejde/").status_code == 403


def test_the_next_login_brings_the_mapping_as_it_now_is_and_audits_the_change(
    oidc_provider, catalogue
):
    provider = oidc_provider(CALLBACK)
    _log_in_at_the_provider(Client(), provider)
    SingleSignOnGroup.objects.create(claim_value="Alle-ansatte", roles=[Role.ANALYST])
    _log_in_at_the_provider(Client(), provider)
    user = User.objects.get(oidc_subject__isnull=False)
    assert User.objects.count() == 1 and user.roles == {Role.ANALYST}
    event = AuditEvent.objects.get(action="user.update_from_single_sign_on")
    assert event.changes["roles"] == [[], ["analyst"]]


def test_an_account_with_the_same_email_is_never_taken_over(oidc_provider, catalogue):
    provider = oidc_provider(CALLBACK)
    local = User.objects.create_user("lokal", email="kamilla@kk.test", password="x" * 20)
    _log_in_at_the_provider(Client(), provider)
    assert User.objects.filter(oidc_subject__isnull=False).exclude(pk=local.pk).count() == 1
    local.refresh_from_db()
    assert local.oidc_subject is None


def test_without_single_sign_on_configured_its_urls_are_not_found(client, catalogue):
    assert client.get("/oidc/authenticate/").status_code == 404


def test_a_login_without_a_subject_claim_is_refused_with_a_message(client, catalogue):
    from accounts.single_sign_on import MunicipalSingleSignOnBackend

    assert MunicipalSingleSignOnBackend().verify_claims({"email": "x@kk.test"}) is False
    page = client.get("/konto/log-ind/?sso=afvist").content.decode()
    assert "Det fælles login lod dig ikke logge ind i Sikker By" in page


def test_an_expired_answer_from_a_provider_whose_clock_is_wrong_is_refused_with_a_message(
    oidc_provider, catalogue
):
    # The provider believes it is a month ago: its ID token expired long since.
    today = timezone.localdate()
    provider = oidc_provider(CALLBACK, provider_today=(today - timedelta(days=30)).isoformat())
    client = Client()
    landed = _log_in_at_the_provider(client, provider)
    assert landed.status_code == 302 and landed["Location"].startswith("/konto/log-ind/")
    page = client.get(landed["Location"]).content.decode()
    assert "svaret fra login-tjenesten var udløbet" in page
    assert not User.objects.filter(oidc_subject__isnull=False).exists()
    # Told once: the next visit to the login page is plain.
    assert "udløbet" not in client.get("/konto/log-ind/").content.decode()


def test_a_provider_that_does_not_answer_is_a_message_not_an_error(
    oidc_provider, catalogue, settings
):
    provider = oidc_provider(CALLBACK)
    client = Client()
    to_provider = client.get("/oidc/authenticate/")
    state = parse_qs(urlparse(to_provider["Location"]).query)["state"][0]
    settings.OIDC_OP_TOKEN_ENDPOINT = f"http://127.0.0.1:{_closed_port()}/token"
    landed = client.get(f"/oidc/callback/?code=abc&state={state}")
    assert landed.status_code == 302, provider
    page = client.get(landed["Location"]).content.decode()
    assert "Det fælles login svarer ikke lige nu" in page


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_setting_the_environment_turns_on_the_municipal_login():
    env = {
        "DJANGO_SETTINGS_MODULE": "sikkerby.settings",
        "PATH": "/usr/bin:/bin",
        "SIKKERBY_TESTING": "true",
        "OIDC_RP_CLIENT_ID": "sikkerby",
        "OIDC_RP_CLIENT_SECRET": "x",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.example/auth",
        "OIDC_OP_TOKEN_ENDPOINT": "https://login.example/token",
        "OIDC_OP_USER_ENDPOINT": "https://login.example/userinfo",
        "OIDC_OP_JWKS_ENDPOINT": "https://login.example/jwks",
    }
    code = (
        "import django; django.setup(); from django.urls import reverse;"
        "from accounts.single_sign_on import single_sign_on_enabled;"
        "print(single_sign_on_enabled(), reverse('oidc_authentication_init'))"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "/oidc/authenticate/"]
