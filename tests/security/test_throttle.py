"""Threat model A6: token buckets on unauthenticated writes, per organization and for the deployment."""

import time

import pytest
from django.test import Client

from confide.core.throttle import Throttled, TokenBucket, buckets_reset, write_allow
from confide.reports.models import Report
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_buckets():
    buckets_reset()
    yield
    buckets_reset()


@pytest.fixture
def tight(settings):
    settings.CONFIDE_WRITE_LIMITS = {
        "intake": (0.001, 2.0),
        "vault": (0.001, 1.0),
        "letter": (0.001, 1.0),
        "verification": (0.001, 1.0),
    }
    settings.CONFIDE_WRITE_LIMITS_DEPLOYMENT = (1000.0, 1000.0)
    return settings


def test_a_bucket_refills_at_its_rate():
    bucket = TokenBucket(rate=10.0, burst=2.0)
    assert bucket.wait_for() == 0 and bucket.wait_for() == 0
    assert bucket.wait_for() > 0
    time.sleep(0.15)
    assert bucket.wait_for() == 0


def test_one_organization_flooded_leaves_another_alone(tight, org, other_org):
    write_allow(scope="intake", organization_id=org.pk)
    write_allow(scope="intake", organization_id=org.pk)
    with pytest.raises(Throttled) as caught:
        write_allow(scope="intake", organization_id=org.pk)
    assert caught.value.retry_after >= 1
    write_allow(scope="intake", organization_id=other_org.pk)


def test_the_deployment_bucket_caps_a_flood_spread_over_organizations(tight, org, other_org):
    tight.CONFIDE_WRITE_LIMITS_DEPLOYMENT = (0.001, 1.0)
    write_allow(scope="intake", organization_id=org.pk)
    with pytest.raises(Throttled):
        write_allow(scope="intake", organization_id=other_org.pk)
    # The refused write spent nothing from the organization's own bucket.
    tight.CONFIDE_WRITE_LIMITS_DEPLOYMENT = (1000.0, 1000.0)
    buckets_reset()
    write_allow(scope="intake", organization_id=other_org.pk)
    write_allow(scope="intake", organization_id=other_org.pk)


def _post_report(client: Client, org) -> object:
    page = client.get(f"/r/{org.slug}/")
    return client.post(
        f"/r/{org.slug}/",
        {
            "what_happened": "A flood test account.",
            "category": "bullying",
            "identity": "anonymous",
            "csrfmiddlewaretoken": csrf_from(page),
        },
    )


def test_the_intake_page_keeps_what_was_typed_when_throttled(tight, org, handler):
    client = Client(enforce_csrf_checks=True)
    assert _post_report(client, org).status_code == 303
    assert _post_report(client, org).status_code == 303
    response = _post_report(client, org)
    assert response.status_code == 429
    assert response["Retry-After"]
    html = response.content.decode()
    assert "A flood test account." in html and "wait a minute" in html
    assert Report.objects.count() == 2


def test_the_api_answers_429_with_a_message(tight, org, handler):
    api = Client()
    body = {"what_happened": "Flood via the API.", "category": "bullying", "anonymous": True}
    statuses = [
        api.post(f"/api/orgs/{org.slug}/reports", body, content_type="application/json").status_code for _ in range(3)
    ]
    assert statuses == [201, 201, 429]
    refused = api.post(f"/api/orgs/{org.slug}/reports", body, content_type="application/json")
    assert "wait a minute" in refused.json()["detail"] and refused["Retry-After"]
    assert Report.objects.count() == 2


def test_vaults_letters_and_codes_are_throttled_too(tight, org):
    for scope in ["vault", "letter", "verification"]:
        write_allow(scope=scope, organization_id=org.pk)
        with pytest.raises(Throttled):
            write_allow(scope=scope, organization_id=org.pk)


def test_vault_creation_answers_429_when_flooded(tight, org):
    api = Client()
    first = api.post(f"/api/orgs/{org.slug}/vaults", content_type="application/json")
    second = api.post(f"/api/orgs/{org.slug}/vaults", content_type="application/json")
    assert (first.status_code, second.status_code) == (201, 429), (first.content, second.content)
