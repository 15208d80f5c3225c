import logging


class StripRequestFilter(logging.Filter):
    """Drop the request object Django attaches to error records, so no handler can format its META."""

    def filter(self, record: logging.LogRecord) -> bool:
        for attr in ("request", "status_code", "server_time"):
            if hasattr(record, attr):
                delattr(record, attr)
        return True
