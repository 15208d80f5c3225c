"""Production: refuses to start with DEBUG on or a default/weak secret."""

from django.core.exceptions import ImproperlyConfigured

from confide.core.keyfiles import django_secret_key
from confide.settings.env import envbool, envstr

from .base import *  # noqa: F403

if envbool("DJANGO_DEBUG", False):
    raise ImproperlyConfigured("DEBUG must be off in production.")
DEBUG = False

SECRET_KEY = django_secret_key(CONFIDE_SECRETS_DIR)  # noqa: F405
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("django-insecure", "test-", "change-me")):
    raise ImproperlyConfigured("SECRET_KEY is missing or a default value; run `python -m confide.core.keyfiles`.")

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = envstr("CONFIDE_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = envstr("CONFIDE_FROM_EMAIL", "confide@localhost")

SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_SSL_REDIRECT = envbool("CONFIDE_SSL_REDIRECT", True)
# Believed only from CONFIDE_TRUSTED_PROXIES (confide.web.middleware.TrustedProxyMiddleware).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CONFIDE_REPORTER_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
