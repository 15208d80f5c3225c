"""case_link_create / case_link_delete / case_links_list for every persona: only a handler who opens both
cases links, sees or unlinks them; everyone else gets the one 404."""

import pytest

from confide.reports.models import CaseLink
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(org, submitted):
    return submitted.report, submit_report(org).report


def _link(api, auth, source, target, kind="related"):
    return api.post(
        f"/api/cases/{source.pk}/links", {"case": str(target.pk), "kind": kind}, content_type="application/json", **auth
    )


def test_the_handler_links_sees_and_unlinks(api, token_for, handler, pair):
    auth = token_for(handler)
    first, second = pair
    created = _link(api, auth, second, first, kind="retaliation")
    assert created.status_code == 201
    body = created.json()
    assert body["reference"] == first.reference and body["outgoing"] is True
    seen = api.get(f"/api/cases/{first.pk}/links", **auth).json()
    assert [(link["reference"], link["outgoing"]) for link in seen] == [(second.reference, False)]
    assert _link(api, auth, first, second).status_code == 409
    assert api.delete(f"/api/cases/{first.pk}/links/{body['id']}", **auth).status_code == 204
    assert not CaseLink.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "excluded_handler"])
def test_anyone_else_gets_404_on_every_link_endpoint(api, token_for, handler, pair, persona, request):
    first, second = pair  # `first` is the case the excluded handler is kept out of
    link_id = _link(api, token_for(handler), second, first).json()["id"]
    auth = token_for(request.getfixturevalue(persona))
    assert _link(api, auth, second, first).status_code == 404
    assert _link(api, auth, first, second).status_code == 404
    assert api.get(f"/api/cases/{first.pk}/links", **auth).status_code == 404
    assert api.delete(f"/api/cases/{first.pk}/links/{link_id}", **auth).status_code == 404
    assert api.delete(f"/api/cases/{second.pk}/links/{link_id}", **auth).status_code == 404
    assert CaseLink.objects.count() == 1


def test_the_excluded_handler_sees_no_link_from_the_case_they_do_hold(api, token_for, handler, excluded_handler, pair):
    first, second = pair
    _link(api, token_for(handler), second, first)
    seen = api.get(f"/api/cases/{second.pk}/links", **token_for(excluded_handler))
    assert seen.status_code == 200 and seen.json() == []


def test_malformed_ids_are_refused_clearly(api, token_for, handler, pair):
    auth = token_for(handler)
    first, _second = pair
    bad = api.post(f"/api/cases/{first.pk}/links", {"case": "not-a-uuid"}, content_type="application/json", **auth)
    assert bad.status_code in (400, 422) and "case" in bad.content.decode()
    assert api.delete(f"/api/cases/{first.pk}/links/not-a-uuid", **auth).status_code == 404
