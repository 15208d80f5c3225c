"""Logging that cannot fingerprint a reporter (threat model G2).

Nothing here formats a time, a client address, a user agent or a request line: request logging is off
(django.request only reports server errors, stripped of the request object) and gunicorn keeps no access log.
"""

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "strip_request": {"()": "confide.settings.logging_filters.StripRequestFilter"},
        "quiet_code_mail": {"()": "confide.settings.logging_filters.QuietCodeMailFilter"},
    },
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["strip_request"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # 4xx lines name the path a reporter used and when: not logged.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "confide": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # On the loggers, not the handler: `db_worker` sets these loggers' levels and may add handlers of its own.
        "django_tasks": {"filters": ["quiet_code_mail"]},
        "django_tasks_db": {"filters": ["quiet_code_mail"]},
    },
}
