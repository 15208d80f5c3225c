"""case_handover in the staff API for every persona: the lead hands the case to a body of its organization;
a teammate is refused; everyone off the case gets the one 404."""

import pytest

from confide.reports.models import Handover, KeyWrap

pytestmark = pytest.mark.django_db


def _hand_over(api, auth, report, body, note="For you."):
    return api.post(
        f"/api/cases/{report.pk}/handover", {"body": body, "note": note}, content_type="application/json", **auth
    )


def test_the_lead_hands_the_case_over(api, token_for, leadership, handler, body):
    response = _hand_over(api, token_for(handler), leadership.report, body.username)
    assert response.status_code == 201
    assert response.json()["title"] == "union representative"
    assert KeyWrap.objects.filter(report=leadership.report, user=body).exists()
    again = _hand_over(api, token_for(handler), leadership.report, body.username)
    assert again.status_code == 400 and again.json()["field"] == "body"


@pytest.mark.parametrize("target", ["other_body", "contact", "teammate", "nobody"])
def test_only_a_body_of_the_organization_can_receive_it(api, token_for, leadership, handler, target, request):
    username = "nobody" if target == "nobody" else request.getfixturevalue(target).username
    response = _hand_over(api, token_for(handler), leadership.report, username)
    assert response.status_code == 400 and "independent body" in response.json()["detail"]
    assert not Handover.objects.exists()


def test_a_teammate_is_refused(api, token_for, leadership, teammate, body):
    assert _hand_over(api, token_for(teammate), leadership.report, body.username).status_code == 400


@pytest.mark.parametrize(
    "persona", ["outsider", "other_tenant_handler", "excluded_handler", "contact", "body", "other_body"]
)
def test_anyone_off_the_case_gets_404(api, token_for, leadership, body, persona, request):
    response = _hand_over(api, token_for(request.getfixturevalue(persona)), leadership.report, body.username)
    assert response.status_code == 404
    assert not Handover.objects.exists()


def test_bad_input_is_refused_clearly(api, token_for, leadership, handler):
    auth = token_for(handler)
    too_long = _hand_over(api, auth, leadership.report, "x" * 200)
    assert too_long.status_code == 422
    nul = _hand_over(api, auth, leadership.report, "unionrep", note="a\x00b")
    assert nul.status_code == 400
    assert (
        api.post(
            f"/api/cases/{leadership.report.pk}/handover", "{", content_type="application/json", **auth
        ).status_code
        == 400
    )
