import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"
# Each test session gets its own secrets and media folders (the canary test greps them).
VAR_DIR = Path(tempfile.mkdtemp(prefix="confide-test-"))
CONFIDE_SECRETS_DIR = VAR_DIR / "secrets"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Cheap argon2 and password hashing keep the suite fast; production costs live in base.py.
CONFIDE_ARGON2_OPSLIMIT = 1
CONFIDE_ARGON2_MEMLIMIT = 8192
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not :memory:, so the canary test can grep the database and its WAL.
    DATABASES["default"]["NAME"] = str(VAR_DIR / "confide.sqlite3")  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}  # noqa: F405
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Tests file many reports in one process; the throttle's own tests set tight limits where they need them.
CONFIDE_WRITE_LIMITS = {scope: (1000.0, 1_000_000.0) for scope in CONFIDE_WRITE_LIMITS}  # noqa: F405
CONFIDE_WRITE_LIMITS_DEPLOYMENT = (1000.0, 1_000_000.0)
