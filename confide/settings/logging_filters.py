import logging


class StripRequestFilter(logging.Filter):
    """Drop the request object Django attaches to error records, so no handler can format its META."""

    def filter(self, record: logging.LogRecord) -> bool:
        for attr in ("request", "status_code", "server_time"):
            if hasattr(record, attr):
                delattr(record, attr)
        return True


class QuietCodeMailFilter(logging.Filter):
    """Drop django-tasks' lines about the code email job. The scheduled jobs run in fixed slots, but this one
    runs once per request for a code, so each line would say when someone asked for one (threat model G2)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "verification_mail_job" not in record.getMessage()
