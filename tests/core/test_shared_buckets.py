"""Flood limits in a shared store (issue 14): one count for every process, no organization named in the store,
and a store that does not answer refuses the write with a 503 instead of letting it through."""

import json

import pytest
from django.core.cache import caches

from confide.core.errors import Unavailable
from confide.core.throttle import Throttled, receipt_write_allow, write_allow

pytestmark = pytest.mark.django_db

LOCAL = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared-limits-test"}
NOBODY = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}


@pytest.fixture
def shared(settings):
    settings.CACHES = {**settings.CACHES, "limits": LOCAL}
    settings.CONFIDE_LIMITS_CACHE = "limits"
    settings.CONFIDE_WRITE_LIMITS = {**settings.CONFIDE_WRITE_LIMITS, "intake": (0.001, 3.0)}
    settings.CONFIDE_WRITE_LIMITS_DEPLOYMENT = (1000.0, 1000.0)
    caches["limits"].clear()
    yield settings
    caches["limits"].clear()


def test_the_shared_count_refuses_the_write_past_the_burst(shared, org, other_org):
    for _ in range(3):
        write_allow(scope="intake", organization_id=org.pk)
    with pytest.raises(Throttled) as caught:
        write_allow(scope="intake", organization_id=org.pk)
    assert 1 <= caught.value.retry_after <= 3600
    write_allow(scope="intake", organization_id=other_org.pk)


def test_a_write_the_deployment_refuses_costs_the_organization_nothing(shared, org):
    shared.CONFIDE_WRITE_LIMITS_DEPLOYMENT = (0.001, 1.0)
    write_allow(scope="intake", organization_id=org.pk)
    for _ in range(3):
        with pytest.raises(Throttled):
            write_allow(scope="intake", organization_id=org.pk)
    shared.CONFIDE_WRITE_LIMITS_DEPLOYMENT = (1000.0, 1000.0)
    write_allow(scope="intake", organization_id=org.pk)
    write_allow(scope="intake", organization_id=org.pk)  # 3 in all: the refused ones were given back


def test_the_store_names_no_organization_or_report(shared, org, submitted):
    write_allow(scope="intake", organization_id=org.pk)
    receipt_write_allow(holder_id=submitted.report.pk)
    names = " ".join(caches["limits"]._cache)  # locmem's own dictionary: every name the store holds
    assert names and str(org.pk) not in names and str(submitted.report.pk) not in names and "acme" not in names


def test_a_store_that_does_not_answer_gives_503_not_an_unlimited_write(settings, org):
    settings.CACHES = {**settings.CACHES, "limits": NOBODY}
    settings.CONFIDE_LIMITS_CACHE = "limits"
    with pytest.raises(Unavailable) as caught:
        write_allow(scope="intake", organization_id=org.pk)
    assert caught.value.status == 503 and caught.value.retry_after > 0


def test_the_api_answers_503_with_retry_after_while_the_store_is_down(settings, api, org, log_buffer):
    settings.CACHES = {**settings.CACHES, "limits": NOBODY}
    settings.CONFIDE_LIMITS_CACHE = "limits"
    payload = {"what_happened": "He cornered me", "category": "sexual_harassment"}
    response = api.post("/api/orgs/acme/reports", payload, content_type="application/json")
    assert response.status_code == 503 and int(response["Retry-After"]) > 0
    assert "try again" in json.loads(response.content)["detail"]
    assert "Traceback" not in log_buffer.getvalue()
