"""with_receipt: the reporter's login_required, for reports, vaults and letters alike."""

import pytest
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from confide.reporter.decorators import with_receipt
from confide.web.receipt_cookie import REPORT_COOKIE

RECEIPT = "abacus abdomen abdominal abide abiding ability ablaze able"
factory = RequestFactory()
seen: list = []


def _opener(*, receipt, organization):
    return ("handle", organization.slug) if receipt == RECEIPT else None


@with_receipt(REPORT_COOKIE, _opener, away="intake:enter_receipt")
def _view(request, organization, access, **kwargs):
    seen.append((organization.slug, access, kwargs))
    return HttpResponse("ok")


@with_receipt(REPORT_COOKIE, _opener, away="intake:enter_receipt")
def _leave(request, organization, access):
    response = HttpResponse("bye")
    REPORT_COOKIE.clear(response, slug=organization.slug)
    return response


def _with_cookie(receipt: str):
    response = HttpResponse()
    REPORT_COOKIE.set(response, slug="acme", receipt=receipt)
    request = factory.get("/r/acme/report/")
    request.COOKIES[REPORT_COOKIE.name] = response.cookies[REPORT_COOKIE.name].value
    return request


@pytest.mark.django_db
def test_a_cookie_that_opens_hands_the_view_its_handle_and_renews_the_cookie(org):
    seen.clear()
    response = _view(_with_cookie(RECEIPT), org_slug="acme", attachment_id="x")
    assert response.status_code == 200 and seen == [("acme", ("handle", "acme"), {"attachment_id": "x"})]
    assert response.cookies[REPORT_COOKIE.name].value  # sliding expiry


@pytest.mark.django_db
@pytest.mark.parametrize("request_", ["none", "wrong"])
def test_no_cookie_or_a_wrong_one_goes_to_the_receipt_page_and_clears_it(org, request_):
    seen.clear()
    request = factory.get("/r/acme/report/") if request_ == "none" else _with_cookie("wrong " * 7 + "receipt")
    response = _view(request, org_slug="acme")
    assert response.status_code == 303 and response["Location"] == "/r/acme/return/"
    assert response.cookies[REPORT_COOKIE.name]["max-age"] == 0 and seen == []


@pytest.mark.django_db
def test_a_view_that_clears_the_cookie_keeps_its_choice(org):
    response = _leave(_with_cookie(RECEIPT), org_slug="acme")
    assert response.cookies[REPORT_COOKIE.name]["max-age"] == 0


@pytest.mark.django_db
def test_an_unknown_organization_is_404(org):
    with pytest.raises(Http404):
        _view(_with_cookie(RECEIPT), org_slug="nobody")
