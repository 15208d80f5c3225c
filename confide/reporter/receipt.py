"""The receipt pages of reports, vaults and letters: shown after a redirect, confirmed by typing back two words,
downloadable as a plain-text file. The receipt comes from its short-lived cookie (confide.web.receipt_shown);
without that cookie there is nothing to show, and the page says so."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from confide.core.spelling import receipt_spelled
from confide.reporter.decorators import see_other
from confide.tenants.models import Organization
from confide.web.receipt_shown import (
    Shown,
    ShownCookie,
    receipt_file,
    type_back_ask,
    type_back_positions,
    typed_back,
)

WRONG_WORDS = _(
    "What you typed does not match words %(first)s and %(second)s of your receipt. Check what you wrote down "
    "against the receipt below, correct it, and type the two words again."
)
WRONG_FORM = _("This check could not be read. Type the two words asked for below again.")


@dataclass(frozen=True)
class ReceiptPages:
    """One feature's receipt page: its cookie, its template, where its pages are, what it is called."""

    shown: ShownCookie
    template: str
    page: str  # url name of the receipt page (GET shows, POST checks the typed-back words)
    file: str  # url name of the download
    back: str  # url name of the page where the receipt is typed to come back
    title: object  # first line of the downloaded file
    done: Callable[[HttpRequest, Organization, Shown], HttpResponseBase]  # after a right answer


def _url(name: str, organization: Organization) -> str:
    return reverse(name, kwargs={"org_slug": organization.slug})


def receipt_gone(request: HttpRequest, organization: Organization, pages: ReceiptPages) -> HttpResponse:
    """No receipt waiting in this browser: confirmed already, expired, or never shown here."""
    context = {
        "organization": organization,
        "back_url": _url(pages.back, organization),
        "minutes": settings.CONFIDE_REPORTER_COOKIE_AGE // 60,
    }
    return render(request, "reporter/receipt_unconfirmed.html", context, status=410)


def receipt_show(
    request: HttpRequest,
    organization: Organization,
    pages: ReceiptPages,
    shown: Shown,
    *,
    problem: object = None,
    status: int = 200,
    extra: dict | None = None,
    asked: list[int] | None = None,
) -> HttpResponse:
    positions, positions_field = type_back_ask(shown.receipt, asked)
    context = {
        "organization": organization,
        "receipt": shown.receipt,
        "words": receipt_spelled(shown.receipt),
        "reference": shown.reference,
        "invitation": shown.invitation,
        "submitted_on": date.fromisoformat(shown.submitted_on) if shown.submitted_on else None,
        "asked": [p + 1 for p in positions],
        "positions_field": positions_field,
        "page_url": _url(pages.page, organization),
        "file_url": _url(pages.file, organization),
        "problem": problem,
        **(extra or {}),
    }
    return render(request, pages.template, context, status=status)


def receipt_page(
    request: HttpRequest, organization: Organization, pages: ReceiptPages, extra: dict | None = None
) -> HttpResponseBase:
    """GET shows the receipt; POST checks the two words typed back: wrong shows it again, right goes on."""
    shown = pages.shown.read(request, slug=organization.slug)
    if shown is None:
        return receipt_gone(request, organization, pages)
    if request.method != "POST":
        return receipt_show(request, organization, pages, shown, extra=extra)
    positions = type_back_positions(request.POST.get("positions", ""), shown.receipt)
    answers = request.POST.getlist("word")[:4]
    if positions is None or not typed_back(shown.receipt, positions, answers):
        # The same two words are asked again, so the message and the form speak of the same words.
        problem = WRONG_WORDS % {"first": positions[0] + 1, "second": positions[1] + 1} if positions else WRONG_FORM
        return receipt_show(
            request, organization, pages, shown, problem=problem, status=400, extra=extra, asked=positions
        )
    response = pages.done(request, organization, shown)
    pages.shown.clear(response, slug=organization.slug)
    return response


def receipt_download(request: HttpRequest, organization: Organization, pages: ReceiptPages) -> HttpResponse:
    """The receipt, its reference and where to use it, as a text file: nothing of what was reported."""
    shown = pages.shown.read(request, slug=organization.slug)
    if shown is None:
        return receipt_gone(request, organization, pages)
    context = {
        "title": pages.title,
        "organization": organization,
        "receipt": shown.receipt,
        "reference": shown.reference,
        "submitted_on": shown.submitted_on,
        "back_url": request.build_absolute_uri(_url(pages.back, organization)),
    }
    text = render_to_string("reporter/receipt_file.txt", context, request=request)
    name = f"receipt-{organization.slug}-{shown.reference or 'confide'}.txt".lower()
    return receipt_file(filename=name, text=text)


def redirect_to_receipt(organization: Organization, pages: ReceiptPages, shown: Shown) -> HttpResponse:
    """The answer to the POST that filed: 303 to the receipt page, the receipt in its cookie."""
    response = see_other(pages.page, organization)
    pages.shown.set(response, slug=organization.slug, shown=shown)
    return response
