"""Two web instances against one Redis spend from one flood limit (issue 14): the organization's burst holds
across them, where in-process buckets would let each instance take a full burst."""

import json
import os
import shutil
import socket

import pytest
from django.conf import settings
from django.db import connection

from tests.helpers.gunicorn import gunicorn_running, redis_running

BURST = 60  # the intake bucket's burst (settings.CONFIDE_WRITE_LIMITS)

needs = []
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    needs.append("a PostgreSQL server that other processes reach")
if shutil.which("redis-server") is None and os.environ.get("CONFIDE_REQUIRE_REDIS") != "1":
    needs.append("redis-server (apt-get install redis-server)")
pytestmark = [pytest.mark.skipif(bool(needs), reason=", ".join(needs)), pytest.mark.django_db(transaction=True)]


def _post(port: int, body: bytes) -> int:
    head = (
        f"POST /api/orgs/acme/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(head + body)
        answer = s.recv(64)
    return int(answer.split(b" ", 2)[1])


def test_two_instances_share_the_organizations_burst(org, tmp_path):
    db = connection.settings_dict
    with redis_running() as redis_url:
        (tmp_path / "staticfiles").mkdir()
        env = {
            # The production-like settings of `make run`, with their real limits (the test settings lift them).
            "DJANGO_SETTINGS_MODULE": "confide.settings.local",
            "CONFIDE_VAR_DIR": str(tmp_path),
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "CONFIDE_SECRETS_DIR": str(settings.CONFIDE_SECRETS_DIR),
            "CONFIDE_REDIS_URL": redis_url,
            "CONFIDE_INTAKE_PER_SECOND": "0.001",  # no refill during the test
        }
        with gunicorn_running(tmp_path, env) as (first, _), gunicorn_running(tmp_path, env) as (second, _):
            body = json.dumps({"what_happened": "He cornered me", "category": "sexual_harassment"}).encode()
            statuses = [_post(port, body) for _ in range(BURST // 2 + 10) for port in (first, second)]
    assert statuses.count(201) == BURST
    assert statuses.count(429) == len(statuses) - BURST
