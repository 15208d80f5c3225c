"""G2: no IP address or user agent reaches the logs, whatever the request and however it fails."""

import copy
import io
import logging
import logging.config

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import include, path

IP = "198.51.100.77"
AGENT = "FingerprintAgent/9.9 (CanaryOS)"


def boom(request):
    raise RuntimeError("deliberate failure for the logging test")


def fine(request):
    return HttpResponse("ok")


urlpatterns = [
    path("boom/", boom),
    path("fine/", fine),
    path("", include("confide.urls")),
]


@pytest.fixture
def project_logs():
    """The project's own LOGGING, with its console handler writing into a buffer."""
    buffer = io.StringIO()
    config = copy.deepcopy(settings.LOGGING)
    config["handlers"]["console"]["stream"] = buffer
    logging.config.dictConfig(config)
    yield buffer
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_no_ip_or_user_agent_in_logs_on_any_path(project_logs, org):
    client = Client(REMOTE_ADDR=IP, HTTP_USER_AGENT=AGENT, HTTP_X_FORWARDED_FOR=IP, raise_request_exception=False)
    responses = [
        client.get("/fine/"),
        client.get("/r/acme/"),
        client.get("/nowhere/"),
        client.post("/r/acme/", {"what_happened": "x"}),  # CSRF failure
        client.post("/api/orgs/acme/reports", "{broken", content_type="application/json"),
        client.get("/api/reporter/report", HTTP_AUTHORIZATION="Receipt nope"),
        client.get("/boom/"),
    ]
    assert responses[-1].status_code == 500
    logged = project_logs.getvalue()
    assert "deliberate failure" in logged, "the server error must still be logged, just without fingerprints"
    assert IP not in logged
    assert AGENT not in logged
    assert "CanaryOS" not in logged


def test_the_logging_configuration_formats_no_time_or_client_fields():
    for formatter in settings.LOGGING["formatters"].values():
        fmt = formatter.get("format", "")
        for field in ("asctime", "created", "msecs", "remote_addr", "REMOTE_ADDR", "HTTP_USER_AGENT"):
            assert field not in fmt
    assert settings.LOGGING["loggers"]["django.request"]["level"] == "ERROR"
    assert "mail_admins" not in settings.LOGGING["handlers"]
