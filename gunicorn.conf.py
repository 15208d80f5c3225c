"""gunicorn for Confide. No access log at all: a request line is a reporter's time and path (threat model G2),
and gunicorn's default format would add the client address and user agent."""

import multiprocessing

from confide.settings.env import envint, envstr

bind = envstr("CONFIDE_BIND", "127.0.0.1:8000")
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
