"""Settings shared by every environment. Secrets never live here: see confide.core.keyfiles."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from confide.core.keyfiles import default_secrets_dir
from confide.settings.env import envfloat, envint, envlist, envstr
from confide.settings.logging import LOGGING  # noqa: F401 - a setting, defined there

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(envstr("CONFIDE_VAR_DIR") or BASE_DIR / "var")
CONFIDE_SECRETS_DIR = default_secrets_dir()

DEBUG = False
ALLOWED_HOSTS = envlist("CONFIDE_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "csp",
    "confide.tenants",
    "confide.accounts",
    "confide.reports",
    "confide.reporter",
    "confide.staff",
    "confide.demo",
    "confide.audit",
    "confide.notifications",
    "confide.verification",
    "confide.escrow",
    "confide.letters",
    "confide.hotline",
    "confide.questions",
    "confide.insights",
    "confide.surveys",
    "confide.jobs",
    "confide.backups",
    "django_tasks",
    "django_tasks_db",
]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CONFIDE_DIGEST_HOURS = 6
# Where the reporter pages' quick exit sends the browser: an ordinary site that looks like nothing.
CONFIDE_QUICK_EXIT_URL = envstr("CONFIDE_QUICK_EXIT_URL", "https://www.wikipedia.org/")
# The site's address as reporters know it, for the link in a reply notice (empty: the notice has no link).
CONFIDE_SITE_URL = envstr("CONFIDE_SITE_URL")
# Passkeys (WebAuthn): the relying party's id (a host name) and the staff pages' origin ("https://host[:port]").
# Empty: both come from the host the staff page was asked for (which ALLOWED_HOSTS vouches for).
CONFIDE_WEBAUTHN_RP_ID = envstr("CONFIDE_WEBAUTHN_RP_ID")
CONFIDE_WEBAUTHN_ORIGIN = envstr("CONFIDE_WEBAUTHN_ORIGIN")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "confide@localhost"

MIDDLEWARE = [
    # Outermost: a HEAD is a GET to everything below, and loses only its body on the way out.
    "confide.web.middleware.HeadAsGetMiddleware",
    # First: the proxy's word on TLS is checked before anything reads request.is_secure().
    "confide.web.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "confide.web.middleware.SecurityHeadersMiddleware",
    # Every header-setting middleware sits above any that answers on its own (an explained 405, a NUL 400):
    # a response made below them passes through them on its way out, so errors carry the same headers.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "confide.web.csp.ContentSecurityPolicyMiddleware",
    "confide.web.middleware.ExplainedErrorsMiddleware",
    "confide.web.database.DatabaseDownMiddleware",
    "confide.web.middleware.NulCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "confide.web.middleware.CsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "confide.staff.middleware.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "confide.urls"
WSGI_APPLICATION = "confide.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "staff_login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "confide" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'confide.sqlite3'}",
        conn_max_age=envint("CONFIDE_DB_CONN_MAX_AGE", 60, minimum=0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL keeps readers off the writer's back; FULL sync so a shown receipt survives a power cut (G8).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=20000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side binding lets psycopg prepare the statements intake repeats, sparing PostgreSQL a parse and
    # plan per submission (measured in bench/intake.py).
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "confide" / "locale"]
FORMAT_MODULE_PATH = ["confide.formats"]  # unambiguous dates, "12 Jan 2026", in both languages
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"

# Uploads never touch disk in the clear: the encrypting handler streams them through secretstream.
FILE_UPLOAD_HANDLERS = ["confide.reports.uploads.EncryptingUploadHandler"]
CONFIDE_ATTACHMENT_MAX_BYTES = envint("CONFIDE_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024, minimum=1)
CONFIDE_ATTACHMENTS_PER_REQUEST = 5
# Form fields and JSON bodies, not files: room for a 200,000-character account (core.text.LONG_TEXT_MAX_CHARS)
# in any script, percent-encoded (up to 12 bytes a character) or JSON-escaped, with the rest of its form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# Password hashing for the key-encryption key (crypto.md §1).
CONFIDE_ARGON2_OPSLIMIT = 3
CONFIDE_ARGON2_MEMLIMIT = 64 * 1024 * 1024

# Sessions: staff only (reporters never get a server-side session, see confide.web.receipt_cookie).
SESSION_COOKIE_AGE = 8 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
# Gone when the browser closes, not a year-long sign that this browser visited (threat model G2).
CSRF_COOKIE_AGE = None
# Addresses of the TLS proxies whose X-Forwarded-Proto is believed (production sets SECURE_PROXY_SSL_HEADER).
CONFIDE_TRUSTED_PROXIES = envlist("CONFIDE_TRUSTED_PROXIES", ["127.0.0.1", "::1"])
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "confide.web.errors.csrf_failure"
CONFIDE_REPORTER_COOKIE_AGE = 30 * 60
CONFIDE_REPORTER_COOKIE_SECURE = False
CONFIDE_API_TOKEN_AGE = 8 * 3600

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

NINJA_PAGINATION_PER_PAGE = 50

# No inline script anywhere, nothing from a third party: the pages work with JavaScript off.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [NONE],  # but the passkey pages run one script: confide.staff.passkeys.script_allowed
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}

# Verified accounts (confide.verification): how long a one-time code works, and how many may wait at once per
# organization (a cap on email floods, since nothing about the requester is kept to limit by).
CONFIDE_VERIFICATION_MINUTES = 15
CONFIDE_VERIFICATION_MAX_PENDING = 500

# Hotline (issue 6): failed receipt entries on callbacks allowed per call-taker within the window.
CONFIDE_HOTLINE_CALLBACK_FAILURES = 5
CONFIDE_HOTLINE_CALLBACK_WINDOW_MINUTES = 15

# Collective letters (issue 5): without a roster, a letter may ask for at most this many signatures; recipients
# are reminded when they have not answered this many days after delivery.
CONFIDE_LETTER_MAX_THRESHOLD = 500
CONFIDE_LETTER_ANSWER_DAYS = 14

# Matching escrow (issue 4, crypto.md §4). The threshold applies to entries sealed from now on: an entry keeps
# the threshold it was sealed for, and only entries with the same threshold combine.
# Never below 2 (refused at start): at 1 every entry would open on its own.
CONFIDE_ESCROW_THRESHOLD = envint("CONFIDE_ESCROW_THRESHOLD", 2, minimum=2)
# Empty: the OPRF key holder runs in-process. Otherwise the URL of `manage.py oprf_serve`.
CONFIDE_OPRF_URL = envstr("CONFIDE_OPRF_URL")
# A shared secret between the web tier and `oprf_serve` (Authorization: Bearer); `oprf_serve` refuses to start
# without one. Unused when the key holder runs in-process.
CONFIDE_OPRF_TOKEN = envstr("CONFIDE_OPRF_TOKEN")
CONFIDE_OPRF_EVALUATIONS_PER_DAY = envint("CONFIDE_OPRF_EVALUATIONS_PER_DAY", 40, minimum=1)
# Unverified entries cost nothing to make (a new vault is free), so their evaluations also spend from small daily
# pools per organization and for the whole deployment that no new vault resets (crypto.md §4, guessing bound).
CONFIDE_OPRF_UNVERIFIED_PER_ORGANIZATION = envint("CONFIDE_OPRF_UNVERIFIED_PER_ORGANIZATION", 20, minimum=0)
CONFIDE_OPRF_UNVERIFIED_PER_DEPLOYMENT = envint("CONFIDE_OPRF_UNVERIFIED_PER_DEPLOYMENT", 100, minimum=0)
# The key holder's own ceiling on evaluations per day, whatever rate key its caller names: it bounds what a
# compromised web tier (or anything holding CONFIDE_OPRF_TOKEN) can test.
CONFIDE_OPRF_CEILING_PER_DAY = envint("CONFIDE_OPRF_CEILING_PER_DAY", 2000, minimum=1)
# Match notifications go out in fixed slots every this many hours (batched, content-free).
CONFIDE_MATCH_HOURS = envint("CONFIDE_MATCH_HOURS", 6, minimum=1)

# Token buckets on unauthenticated writes, per organization and per server process: (per second, burst). A
# campaign's staff file a few reports a day; these stop floods (threat model A6) long before they hurt anyone.
# The verification scope sends email, so it is the tightest.
CONFIDE_WRITE_LIMITS = {
    "intake": (envfloat("CONFIDE_INTAKE_PER_SECOND", 5.0, minimum=0.0), 60.0),
    "vault": (2.0, 30.0),
    "letter": (0.5, 10.0),
    "verification": (0.5, 10.0),
}
CONFIDE_WRITE_LIMITS_DEPLOYMENT = (envfloat("CONFIDE_WRITES_PER_SECOND", 50.0, minimum=0.0), 500.0)
# Several processes or machines share those limits through Redis when CONFIDE_REDIS_URL names one
# (redis://127.0.0.1:6379/0; run it with `--save "" --appendonly no`: it must keep nothing on disk). Empty: each
# process keeps its own buckets in memory.
CONFIDE_REDIS_URL = envstr("CONFIDE_REDIS_URL")
CONFIDE_LIMITS_CACHE = "limits" if CONFIDE_REDIS_URL else ""
CACHES: dict[str, dict[str, object]] = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if CONFIDE_REDIS_URL:
    CACHES["limits"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CONFIDE_REDIS_URL,
        "KEY_PREFIX": "confide",
        # A store that does not answer within half a second is down: the write gets a 503, not a hang.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }

# Matching escrow, verifiable OPRF (RFC 9497 mode 0x01): with CONFIDE_OPRF_URL set, the key holder's public key
# (base64, printed by `manage.py oprf_public_key` next to oprf.key). Every evaluation's proof is checked against
# it; it is configured rather than fetched so that the service cannot choose the key it is checked against.
CONFIDE_OPRF_PUBLIC_KEY = envstr("CONFIDE_OPRF_PUBLIC_KEY")

# Language switch (reporter pages in English and Spanish). The choice lives only in this cookie, never on the
# server. It lasts for the browser session, like the reporter cookie: a shared device keeps no trace of it.
# Lax, not Strict, so a link from an email (a letter invitation) opens in the chosen language.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = None

# Writes per receipt (a report's replies, a vault's records and entries, a letter participant's messages):
# (per second, burst). A reporter writes a few messages a week; a burst of 30 leaves room for a busy day.
CONFIDE_RECEIPT_WRITE_LIMIT = (0.05, 30.0)

# The organizations' figures (issue 12). No figure rests on fewer than k reports or respondents (never below 3);
# periods are quarters or months, one kind per deployment (a quarter minus two months would be the third).
CONFIDE_INSIGHT_K = envint("CONFIDE_INSIGHT_K", 5, minimum=3)
CONFIDE_INSIGHT_PERIOD = envstr("CONFIDE_INSIGHT_PERIOD", "quarter")
# The sector benchmark: shown where at least this many organizations contribute (never below 5), each
# percentile drawn once with OpenDP's private quantile at this epsilon (an organization is the unit of privacy).
CONFIDE_INSIGHT_BENCHMARK_MIN = envint("CONFIDE_INSIGHT_BENCHMARK_MIN", 5, minimum=5)
CONFIDE_INSIGHT_EPSILON = envfloat("CONFIDE_INSIGHT_EPSILON", 1.0, minimum=0.01)
# Dotted path of the survey figures provider (confide/insights/surveys.py says what it returns): by default the
# surveys app's published rounds; empty: none.
CONFIDE_INSIGHT_SURVEYS = envstr("CONFIDE_INSIGHT_SURVEYS", "confide.insights.survey_source.survey_figures_of_rounds")
# After election day (issue 13): a wound-down organization's reporter pages, hotline line, vault and letters
# stay open to former staff for this many days; its reporters' threads get one more check-in this many days
# after the wind-down.
CONFIDE_WIND_DOWN_OPEN_DAYS = envint("CONFIDE_WIND_DOWN_OPEN_DAYS", 3 * 365, minimum=0)
CONFIDE_CHECKIN_AFTER_WIND_DOWN_DAYS = envint("CONFIDE_CHECKIN_AFTER_WIND_DOWN_DAYS", 30, minimum=0)
