"""gunicorn for Confide. No access log at all: a request line is a reporter's time and path (threat model G2),
and gunicorn's default format would add the client address and user agent. The error log is scrubbed too:
gunicorn's own messages about a malformed request name the client's address and quote what it sent."""

import logging
import multiprocessing
import re

from gunicorn.glogging import Logger

from confide.core.serving import DEFAULT_BIND, bind_url
from confide.settings.env import envint, envstr

bind = envstr("CONFIDE_BIND", DEFAULT_BIND)
# Intake is CPU-bound (crypto, ORM): on 2 cores, 3 sync workers measured faster than 5, 8 or 12.
workers = envint("CONFIDE_WORKERS", multiprocessing.cpu_count() + 1, minimum=1)
worker_class = "sync"
timeout = 60
accesslog = None
disable_redirect_access_to_syslog = True
errorlog = "-"
loglevel = "warning"
# Never trust X-Forwarded-For: we do not want the client address, even from a proxy.
forwarded_allow_ips = "127.0.0.1"
proxy_allow_ips = "127.0.0.1"

# "Invalid request from ip=…: Invalid HTTP Header: 'User-Agent…'": the address, and a quote of the request line
# or a header (a path, a user agent). Only gunicorn's fixed description of the fault is kept.
_INVALID_REQUEST = re.compile(r"^Invalid request from ip=.*?: (?P<fault>[^:(%'\"]*)", re.S)
# "Error handling request GET /r/acme/…": the path a reporter asked for.
_ERROR_HANDLING = re.compile(r"^(?P<kept>Error handling request)\b.*", re.S)
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
# Either compressed ("::") or all eight groups, so that a time such as 12:30:00 is left alone.
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4})*::[0-9A-Fa-f:]*|(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4})(?![\w:])")


def scrub(message: str) -> str:
    """A log message with no client address and nothing quoted from a request. Whatever gunicorn adds in a later
    version, an address left anywhere in a message is masked as well."""
    if match := _INVALID_REQUEST.match(message):
        message = f"Invalid request refused: {match['fault'].strip() or 'malformed'}"
    elif match := _ERROR_HANDLING.match(message):
        message = match["kept"]
    if message.startswith("Listening at"):
        return message  # our own bind address, printed at start-up, not a client's
    return _IPV6.sub("[address]", _IPV4.sub("[address]", message))


class _ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = ()
        return True


class ScrubbedLogger(Logger):
    """gunicorn's logger with every error-log record scrubbed before any handler sees it."""

    def setup(self, cfg):
        super().setup(cfg)
        if not any(isinstance(f, _ScrubFilter) for f in self.error_log.filters):
            self.error_log.addFilter(_ScrubFilter())


logger_class = ScrubbedLogger


def when_ready(server):
    """gunicorn says "Listening at" only at INFO, which this log level hides: say it once on standard output,
    from the sockets actually bound (our own address, never a client's)."""
    for listener in server.LISTENERS:
        print(f"Confide is listening on {bind_url(str(listener)) or listener}  (Ctrl-C to stop)", flush=True)
