"""What every reporter page shares: the organization from the address, and the receipt from its cookie.

`with_receipt` is the reporter's `login_required` (SecureDrop's source_app/decorators.py): it opens the
resource from the feature's cookie and hands the view its handle, or sends the reporter to the page where they
type the receipt, clearing a cookie that no longer opens anything. Files that came with a refused request are
discarded, never kept.
"""

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, TypeVar

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from confide.core.errors import NotFound, Refused, Unavailable
from confide.reports.uploads import uploads_discard
from confide.tenants.models import Organization
from confide.tenants.selectors import organization_for_intake
from confide.web.receipt_cookie import ReceiptCookie

Access = TypeVar("Access")
ReceiptView = Callable[Concatenate[HttpRequest, Organization, Access, ...], HttpResponseBase]


def organization_get(slug: str) -> Organization:
    """The organization whose reporter pages these are, or 404 (also for one that takes no reports)."""
    organization = organization_for_intake(slug=slug)
    if organization is None:
        raise Http404
    return organization


def see_other(name: str, organization: Organization, anchor: str = "", **kwargs: object) -> HttpResponse:
    """303 to one of the organization's reporter pages: a reload after a POST never sends it again."""
    response = redirect(reverse(name, kwargs={"org_slug": organization.slug, **kwargs}) + anchor)
    response.status_code = 303
    return response


def uploads_in(request: HttpRequest) -> list:
    """Every file the request carried, whatever its field."""
    return [upload for name in request.FILES for upload in request.FILES.getlist(name)]


def with_receipt(
    cookie: ReceiptCookie, opener: Callable[..., Access | None], *, away: str
) -> Callable[[ReceiptView], Callable[..., HttpResponseBase]]:
    """`opener(receipt=…, organization=…)` is the resource's `*_access_get`; `away` names the page to send the
    reporter to when it answers None. A view that sets or clears the cookie itself keeps its choice; any other
    gets the cookie renewed (sliding expiry: it lapses after inactivity, not after use)."""

    def decorate(view: ReceiptView) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapper(request: HttpRequest, org_slug: str, **kwargs: object) -> HttpResponseBase:
            organization = organization_get(org_slug)
            receipt = cookie.read(request, slug=organization.slug)
            access = opener(receipt=receipt, organization=organization) if receipt else None
            if access is None:
                uploads_discard(uploads_in(request))
                away_response = see_other(away, organization)
                cookie.clear(away_response, slug=organization.slug)
                return away_response
            response = view(request, organization, access, **kwargs)
            if cookie.name not in response.cookies:
                cookie.set(response, slug=organization.slug, receipt=receipt or "")
            return response

        return wrapper

    return decorate


def page_refused(error: Refused, render: Callable[..., HttpResponse]) -> HttpResponse:
    """The page again (`render(problem=, status=)`) with the refusal's sentence, at its status; a refusal for
    being busy, down or throttled says when to try again. NotFound is the one 404 of any address that opens
    nothing (another holder's check-in, say)."""
    if isinstance(error, NotFound):
        raise Http404
    response = render(problem=error.message, status=error.status)
    if isinstance(error, Unavailable):
        response["Retry-After"] = str(error.retry_after)
    return response
