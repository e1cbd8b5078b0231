"""Shared fixtures: the reference catalogue and one named user per role (STYLE.md's cast)."""

import os
import socket
import subprocess
import sys
import time as wall_clock
from datetime import date
from pathlib import Path

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Department, RoleAssignment, Unit, User
from accounts.roles import Role
from cases.level_rule_defaults import level_rules_load_defaults
from initiatives.models import Initiative
from initiatives.reference_catalogue import reference_catalogue_load
from outcomes.models import ProgressionParameter
from outcomes.progression_defaults import progression_parameters_load_defaults
from sikkerby.suite_clock import suite_moment

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct-horse-battery-staple"
# The cast of every permission test, as named by the fixtures below.
ROLE_NAMES = [
    "administrator",
    "bif_owner",
    "sof_owner",
    "ssp_consultant",
    "coordinator",
    "caseworker",
    "analyst",
    "committee_reader",
    "department_leader",
]
REPOSITORY = Path(__file__).resolve().parent
TOTP_KEY = "3132333435363738393031323334353637383930"


def make_user(username: str, roles: list[Role], department_code: str | None) -> User:
    department = Department.objects.get(code=department_code) if department_code else None
    unit = Unit.objects.filter(department=department).first() if department else None
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        department=department,
        unit=unit,
        first_name=username.split("_")[0].title(),
    )
    for role in roles:
        RoleAssignment.objects.create(user=user, role=role)
    if user.needs_second_factor():
        TOTPDevice.objects.create(user=user, name="test", key=TOTP_KEY, confirmed=True)
    return user


def current_totp() -> str:
    return f"{totp(bytes.fromhex(TOTP_KEY)):06d}"


@pytest.fixture(autouse=True)
def clock():
    """`SIKKERBY_TEST_TODAY=2026-12-31 make test` runs every test on that day at 10:00, and
    `SIKKERBY_TEST_TODAY=2027-01-01T00:30` at that local time (the clock still ticks). CI runs
    the suite on the days that break date arithmetic: the last and the first day of a year, in
    the hour after midnight when the UTC date is still yesterday's, and a leap day. A test that
    needs a particular day freezes it itself."""
    today = os.environ.get("SIKKERBY_TEST_TODAY")
    if not today:
        yield
        return
    with time_machine.travel(suite_moment(today), tick=True):
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs ~0.5 s per password; tests check behaviour, not key stretching."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference catalogue once; each test's transaction is rolled back after it."""
    with django_db_blocker.unblock():
        reference_catalogue_load()


@pytest.fixture
def catalogue(db):
    # Transactional tests (the browser tests) empty the tables afterwards: load again then.
    if not Initiative.objects.exists():
        reference_catalogue_load()
    level_rules_load_defaults()
    progression_parameters_load_defaults(ProgressionParameter)
    ssp_districts_load()


def ssp_districts_load() -> None:
    """The city's districts and SSP's districts within them, as the demo has them (a case is
    registered in an SSP district; a district's SSP body writes its troubled-areas texts)."""
    from areas.demo import city_districts_create

    city_districts_create()


@pytest.fixture
def administrator(catalogue):
    return make_user("administrator", [Role.ADMINISTRATOR], "ØKF")


@pytest.fixture
def bif_owner(catalogue):
    return make_user("bif_owner", [Role.INITIATIVE_OWNER], "BIF")


@pytest.fixture
def sof_owner(catalogue):
    return make_user("sof_owner", [Role.INITIATIVE_OWNER], "SOF")


@pytest.fixture
def ssp_consultant(catalogue):
    return make_user("ssp_consultant", [Role.SSP_CONSULTANT], "BUF")


@pytest.fixture
def coordinator(catalogue):
    return make_user("coordinator", [Role.COORDINATOR], "SOF")


@pytest.fixture
def caseworker(catalogue):
    return make_user("caseworker", [Role.CASEWORKER], "BIF")


@pytest.fixture
def analyst(catalogue):
    return make_user("analyst", [Role.ANALYST], "ØKF")


@pytest.fixture
def committee_reader(catalogue):
    return make_user("committee_reader", [Role.COMMITTEE_READER], "ØKF")


@pytest.fixture
def department_leader(catalogue):
    return make_user("department_leader", [Role.DEPARTMENT_LEADER], "SOF")


@pytest.fixture
def data_protection_officer(catalogue):
    return make_user("data_protection_officer", [Role.DATA_PROTECTION_OFFICER], "ØKF")


@pytest.fixture
def all_roles(
    administrator,
    bif_owner,
    sof_owner,
    ssp_consultant,
    coordinator,
    caseworker,
    analyst,
    committee_reader,
    department_leader,
):
    return {
        "administrator": administrator,
        "bif_owner": bif_owner,
        "sof_owner": sof_owner,
        "ssp_consultant": ssp_consultant,
        "coordinator": coordinator,
        "caseworker": caseworker,
        "analyst": analyst,
        "committee_reader": committee_reader,
        "department_leader": department_leader,
    }


def login_client(client, user):
    """Log `user` in as the browser would: password, then (administrators) the TOTP code."""
    response = client.post("/konto/log-ind/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    if user.needs_second_factor():
        response = client.post("/konto/to-faktor/", {"token": current_totp()})
        assert response.status_code == 302
    return client


@pytest.fixture
def district_ssp_people(catalogue):
    """An SSP consultant in the SSP body of every SSP district (writes every district's texts)."""
    from areas.queries import ssp_districts
    from cases.models import SspBodyMembership

    user = make_user("ssp_leader", [Role.SSP_CONSULTANT], "BUF")
    for area in ssp_districts():
        SspBodyMembership.objects.create(user=user, ssp_district=area.name)
    return user


# The case every case test starts from: a level-3 case in SSP district 15 that the SSP
# consultant registered (and so works on).
@pytest.fixture
def young_person(ssp_consultant):
    from people.actions import person_create

    return person_create(
        by=ssp_consultant,
        first_name="Test",
        last_name="Ungesen",
        cpr_text="010108-4123",
        purpose="test",
        is_synthetic=True,
    )


@pytest.fixture
def level_3_case(ssp_consultant, young_person):
    from cases.actions import ssp_case_open

    return ssp_case_open(
        by=ssp_consultant,
        person=young_person,
        level=3,
        reporting_partner="Politiet",
        reported_on=date(2026, 11, 2),
        ssp_district="15 Sundbyvester",
        description="Gentagne røverier.",
        legal_basis="rpl115",
        necessity="Nødvendigt for at koordinere skolens og socialforvaltningens indsats.",
    )


@pytest.fixture
def district_body_member(catalogue):
    from cases.models import SspBodyMembership

    user = make_user("ssp_district_15", [Role.SSP_CONSULTANT], "BUF")
    SspBodyMembership.objects.create(user=user, ssp_district="15 Sundbyvester")
    return user


def client_for(user):
    """A logged-in test client for any user, the second factor verified where it is needed."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    if user.needs_second_factor():
        # A code may be used once per device; the tests log the same user in several times.
        TOTPDevice.objects.filter(user=user).update(last_t=-1, throttling_failure_count=0)
        response = client.post("/konto/to-faktor/", {"token": current_totp()})
        assert response.status_code == 302
    return client


# The demo logins that change things, and the forms each of them is shown anywhere in the app
# (a few of each kind), collected by walking the app as they would.
WRITERS = ["admin", "ejer.bif", "ejer.sof", "ssp", "koordinator", "sagsbehandler"]
FORMS_PER_KIND = 2


@pytest.fixture
def everything_writers_are_offered(settings, catalogue):
    from collections import Counter

    from accounts.demo import demo_users_create
    from audit.tests.crawl import Crawl, url_kind
    from cases.demo_population import demo_population_create

    settings.DEBUG = True
    demo_users_create()
    demo_population_create(young_people=30)
    offered, kinds = [], Counter()
    for username in WRITERS:
        crawl = Crawl(client_for(User.objects.get(username=username)))
        crawl.run(["/", "/indsatser/", "/mit-arbejde/", "/interventionsteam/", "/henvisninger/"])
        for form in crawl.forms:
            kinds[url_kind(form.action)] += 1
            if kinds[url_kind(form.action)] <= FORMS_PER_KIND:
                offered.append(form)
    return offered


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oidc_provider(tmp_path, settings):
    """A real OpenID Connect provider (django-oidc-provider) on loopback, and Sikker By set up
    as its client. Call it with the callback URLs the provider shall accept (and, to give the
    provider a wrong clock, the day it believes it is)."""
    started = []

    def start(*redirect_uris: str, provider_today: str = "") -> str:
        port = _free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "accounts.tests.oidc_provider_site.settings",
            "PROVIDER_DATABASE": str(tmp_path / "provider.sqlite3"),
            "PROVIDER_TODAY": provider_today,
            "PYTHONPATH": str(REPOSITORY),
        }
        env.pop("DATABASE_URL", None)
        subprocess.run(
            [sys.executable, "-m", "accounts.tests.oidc_provider_site.setup", *redirect_uris],
            env=env,
            check=True,
            cwd=REPOSITORY,
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            cwd=REPOSITORY,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            wall_clock.sleep(0.1)
        base = f"http://127.0.0.1:{port}/openid"
        settings.OIDC_RP_CLIENT_ID = "sikkerby"
        settings.OIDC_RP_CLIENT_SECRET = "test-hemmelighed"
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{base}/authorize"
        settings.OIDC_OP_TOKEN_ENDPOINT = f"{base}/token"
        settings.OIDC_OP_USER_ENDPOINT = f"{base}/userinfo"
        settings.OIDC_OP_JWKS_ENDPOINT = f"{base}/jwks"
        settings.OIDC_RP_SIGN_ALGO = "RS256"
        return f"http://127.0.0.1:{port}"

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(autouse=True)
def evidence_cache_cleared():
    """Computed evidence cards and the worker's loaded records are kept by data version; a
    test starts with none (two tests' data can look alike to the version stamp)."""
    from django.core.cache import caches

    from evidence import records

    caches["evidence"].clear()
    records._loaded.clear()
