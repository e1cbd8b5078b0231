"""Settings for Sikker By, all from environment variables with safe defaults.

`DEBUG` is off unless set (`make run` sets it for the demo). Without `DEBUG`, a real
SECRET_KEY must be set, or the app refuses to start; HSTS, the redirect to HTTPS and secure
cookies are then on unless the environment says otherwise (`check --deploy` passes clean).
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("SIKKERBY_TESTING", "pytest" in sys.modules)
PRODUCTION = not DEBUG and not TESTING
DEVELOPMENT_SECRET_KEY = "local-development-only-not-secret"

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if PRODUCTION and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a real secret (50 characters or more, as Django's deploy "
        "check asks) when DEBUG is false (production). Refusing to start."
    )
SECRET_KEY = SECRET_KEY or DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rules",
    "django_tasks_db",
    "sikkerby",  # the project's own commands (backup and restore of the whole database)
    "imports",
    "areas",
    "people",
    "cases",
    "outcomes",
    "accounts",
    "audit",
    "initiatives",
    "reports",
    "evidence",
    "policy_goals",
    "portfolio",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sikkerby.middleware.UploadSizeMiddleware",
    "sikkerby.middleware.RefuseNulCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sikkerby.locale.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.RequireLoginMiddleware",
    "accounts.middleware.RequireAdministratorTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "accounts.middleware.RequirePasswordChangeMiddleware",
    "sikkerby.middleware.PrivateResponsesMiddleware",
]

ROOT_URLCONF = "sikkerby.urls"
WSGI_APPLICATION = "sikkerby.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# Embedded SQLite by default (WAL mode, see accounts.apps); PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'sikkerby.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # A writer waits up to 20 s for another (a large import commits in batches).
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "initiatives:catalogue"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions end after 30 idle minutes and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", "1800"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
# ... and 12 hours after login at the latest, however active (accounts.middleware).
SESSION_ABSOLUTE_SECONDS = int(os.environ.get("SESSION_ABSOLUTE_SECONDS", str(12 * 3600)))
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# HTTPS: behind the TLS-terminating proxy, the proxy's header says a request came over HTTPS
# (e.g. SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO), so redirects and the OpenID Connect
# callback are https. The health check stays reachable over plain HTTP from the proxy.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^sundhed/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)

# Lock-out after repeated failed logins (django-axes logs every failure).
# No hard lock-out: after LOGIN_FAILURE_LIMIT failures for one account from one address, each
# further attempt from there must wait longer (accounts/login_throttle.py), so nobody can
# lock a colleague out by typing wrong passwords in their name from elsewhere. Failures are
# forgotten after LOGIN_FAILURES_FORGOTTEN_MINUTES without one.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_LOCK_OUT_AT_FAILURE = False
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_FAILURES_FORGOTTEN_MINUTES", "60")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_DELAY_FIRST_SECONDS = int(os.environ.get("LOGIN_DELAY_FIRST_SECONDS", "15"))
LOGIN_DELAY_MAX_SECONDS = int(os.environ.get("LOGIN_DELAY_MAX_SECONDS", "900"))
# Behind N proxies the client's address is the N-th from the right in X-Forwarded-For.
if int(os.environ.get("TRUSTED_PROXY_COUNT", "0")):
    AXES_IPWARE_PROXY_COUNT = int(os.environ["TRUSTED_PROXY_COUNT"])
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # every failed login is kept (Datatilsynet)
AXES_ENABLED = env_bool("AXES_ENABLED", True)

OTP_TOTP_ISSUER = "Sikker By"

# OpenID Connect (the municipality's single sign-on) is on when OIDC_RP_CLIENT_ID and the
# endpoints are set; see docs/decisions/0009-single-sign-on.md. The backend is inert until then.
AUTHENTICATION_BACKENDS.insert(1, "accounts.single_sign_on.MunicipalSingleSignOnBackend")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", f"openid email profile {OIDC_GROUPS_CLAIM}")
LOGIN_REDIRECT_URL_FAILURE = "/konto/log-ind/?sso=afvist"
if OIDC_RP_CLIENT_ID:
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist"),
    ("htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Tests serve static files through Django (live_server); scanning them per test client is slow.
WHITENOISE_USE_FINDERS = DEBUG and not TESTING

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# How long the access log and the audit trail are kept (Datatilsynet: commonly 6 months
# for access logs). `sikkerby purge_expired` deletes what is older.
ACCESS_LOG_RETENTION_DAYS = int(os.environ.get("ACCESS_LOG_RETENTION_DAYS", "183"))
# How long a closed SSP case (and a person no longer needed) is kept before deletion.
CASE_RETENTION_DAYS = int(os.environ.get("CASE_RETENTION_DAYS", str(5 * 365)))
# How long an uploaded file (often a CPR extract) may wait for its import before it is dropped.
IMPORT_FILE_RETENTION_HOURS = int(os.environ.get("IMPORT_FILE_RETENTION_HOURS", "48"))
# What each import accepts: (megabytes, rows). A bigger file is refused with a message before
# it is read; an upload above IMPORT_MAX_UPLOAD_MB is refused before it is even received.
IMPORT_LIMITS = {
    "default": (10, 100_000),
    "budget": (5, 5_000),
    "survey_answers": (5, 100_000),
    "transfer_income": (5, 10_000),
    "crime_frequency": (5, 10_000),
    "boundaries": (20, 10_000),
    "status": (50, 2_000_000),
    "kriminalitet": (50, 2_000_000),
    "areas.survey": (50, 1_000_000),
    "areas.police": (10, 100_000),
}
IMPORT_MAX_UPLOAD_MB = int(os.environ.get("IMPORT_MAX_UPLOAD_MB", "50"))
# A background import whose worker has not reported for this long is marked failed.
IMPORT_HEARTBEAT_SECONDS = int(os.environ.get("IMPORT_HEARTBEAT_SECONDS", "60"))
# Personal API tokens expire after this many days.
API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "90"))
# How long an emergency access ("break the glass") to a person outside one's scope lasts.
EMERGENCY_ACCESS_HOURS = int(os.environ.get("EMERGENCY_ACCESS_HOURS", "4"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

FORM_RENDERER = "sikkerby.forms.DesignSystemFormRenderer"

SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_VERBOSE = False


# Background tasks (imports with a progress bar): stored in the database and run by
# `sikkerby db_worker` (started by `make run`; a service of its own in production).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# The safety index is computed for small areas too, but published only from this many
# respondents (seed 004: single estates need deeper sampling).
SAFETY_MIN_RESPONDENTS = int(os.environ.get("SAFETY_MIN_RESPONDENTS", "100"))

# Recidivism for the effect estimates (evidence.records), as DOMAIN.md §6 names them: a new
# police registration (charge or conviction) within 9 months of the start (Ministry of Justice
# research), a new sentence within 2 years (Prison and Probation Service).
SIKKERBY_RECIDIVISM_DEFINITIONS = {
    "police_registration_9_months": (("charge", "conviction"), 9),
    "sentence_2_years": (("conviction",), 24),
}

# Computed evidence cards (evidence.card), keyed by the data version they were computed on:
# on disk, so every worker process shares one computation. Tests keep theirs in memory.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "evidence": (
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "evidence"}
        if TESTING
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("EVIDENCE_CACHE_DIR", str(BASE_DIR / "var" / "evidence")),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    ),
}

# Goal c (seed 002): young immigrants' crime frequency is "på niveau" with Danish-origin
# young people's when the whole 95 % interval of the standardised rate ratio lies within
# 1/(1 + tolerance) .. 1 + tolerance.
CRIME_FREQUENCY_TOLERANCE = float(os.environ.get("CRIME_FREQUENCY_TOLERANCE", "0.2"))
