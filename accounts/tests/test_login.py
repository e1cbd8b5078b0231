import subprocess
import sys

from django.conf import settings
from django.test import Client

from audit.models import AuditEvent
from conftest import PASSWORD, current_totp


def test_a_user_logs_in_with_password(caseworker, client):
    response = client.post("/konto/log-ind/", {"username": "caseworker", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/indsatser/").status_code == 200


def test_a_wrong_password_gets_a_danish_message(caseworker, client):
    page = client.post(
        "/konto/log-ind/", {"username": "caseworker", "password": "wrong"}
    ).content.decode()
    assert "Brugernavn eller adgangskode er forkert" in page


def _login(client, password, address="10.0.0.1"):
    return client.post(
        "/konto/log-ind/",
        {"username": "caseworker", "password": password},
        REMOTE_ADDR=address,
    )


def test_repeated_failures_delay_that_address_only_and_are_logged(caseworker):
    """No hard lock-out: the attacker's address waits, longer for each failure; the colleague
    logs in from her own desk at once."""
    from axes.models import AccessFailureLog

    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(attacker, "wrong", "10.6.6.6")
    delayed = _login(attacker, PASSWORD, "10.6.6.6").content.decode()
    assert "For mange forkerte forsøg fra din adresse. Vent 15 sekunder" in delayed
    assert _login(Client(), PASSWORD, "10.0.0.1").status_code == 302
    assert AccessFailureLog.objects.filter(username="caseworker").count() >= 5


def test_the_delay_doubles_with_each_failure_and_ends(caseworker):
    import time_machine
    from django.utils import timezone

    from accounts.login_throttle import login_delay_seconds

    assert [login_delay_seconds(n) for n in (4, 5, 6, 7)] == [0, 15, 30, 60]
    assert login_delay_seconds(40) == settings.LOGIN_DELAY_MAX_SECONDS
    client = Client()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(6):
            _login(client, "wrong")
            clock.shift(31)
        assert _login(client, PASSWORD).status_code == 302  # 30 s after the 6th: allowed


def test_an_administrator_must_give_a_totp_code_before_anything_else(
    administrator, client, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = (
        0  # django-otp slows down guessing; not what this test is about
    )
    client.post("/konto/log-ind/", {"username": "administrator", "password": PASSWORD})
    response = client.get("/revision/")
    assert response.status_code == 302 and response["Location"] == "/konto/to-faktor/"
    wrong = client.post(
        "/konto/to-faktor/", {"token": "000000" if current_totp() != "000000" else "111111"}
    )
    assert "Koden er forkert" in wrong.content.decode()
    assert client.post("/konto/to-faktor/", {"token": current_totp()}).status_code == 302
    assert client.get("/revision/").status_code == 200


def test_guessing_totp_codes_is_throttled(administrator, client):
    client.post("/konto/log-ind/", {"username": "administrator", "password": PASSWORD})
    client.post(
        "/konto/to-faktor/", {"token": "000000" if current_totp() != "000000" else "111111"}
    )
    page = client.post("/konto/to-faktor/", {"token": current_totp()}).content.decode()
    assert "For mange forkerte koder" in page


def test_an_administrator_without_an_authenticator_enrols_one(administrator, client):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=administrator).delete()
    client.post("/konto/log-ind/", {"username": "administrator", "password": PASSWORD})
    page = client.get("/konto/to-faktor/").content.decode()
    assert "Skan QR-koden" in page and "<svg" in page
    device = TOTPDevice.objects.get(user=administrator, confirmed=False)
    assert (
        client.post("/konto/to-faktor/", {"token": f"{totp(device.bin_key):06d}"}).status_code
        == 302
    )
    assert TOTPDevice.objects.get(user=administrator).confirmed
    assert AuditEvent.objects.filter(action="two_factor.enrol").exists()


def test_sessions_expire_when_idle_and_when_the_browser_closes():
    assert settings.SESSION_COOKIE_AGE <= 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; from django.conf import settings; settings.SECRET_KEY",
        ],
        env={
            "DJANGO_SETTINGS_MODULE": "sikkerby.settings",
            "DEBUG": "false",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_roles_page_explains_every_role_in_danish(committee_reader, client):
    from conftest import login_client

    page = login_client(client, committee_reader).get("/konto/roller/").content.decode()
    for label in [
        "Administrator",
        "Indsatsejer",
        "SSP-konsulent",
        "Koordinator",
        "Sagsbehandler",
        "Analytiker",
        "Udvalgslæser",
    ]:
        assert label in page
    assert "din rolle" in page
