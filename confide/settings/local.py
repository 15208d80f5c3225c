"""`make run`: production-like (no DEBUG tracebacks) but over plain HTTP on 127.0.0.1."""

from confide.core.keyfiles import django_secret_key

from .base import *  # noqa: F403

SECRET_KEY = django_secret_key(CONFIDE_SECRETS_DIR)  # noqa: F405
