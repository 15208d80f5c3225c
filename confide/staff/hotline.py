"""The call-taker's console. Multi-step, server-rendered, works with JavaScript off. The draft travels in the
form fields of the call-taker's own screen between steps; the receipt exists only in the responses of the
call it belongs to (never in the session, a cookie or the database)."""

import dataclasses
import hmac
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide import crypto
from confide.hotline.draft import draft_mac, draft_mac_valid, read_back_nonce, sounds_like, spelled
from confide.hotline.selectors import Line, LineNotFound, callback_throttled, is_call_taker, line_get, line_list_for
from confide.hotline.services import (
    AlreadyFiled,
    LineClosed,
    hotline_callback_open,
    hotline_callback_reply,
    hotline_report_submit,
)
from confide.reports.access import ReporterAccess
from confide.reports.content import ContentError, content_from_form
from confide.reports.models import Report
from confide.reports.selectors.common import report_view
from confide.staff.decorators import staff_required
from confide.staff.forms.hotline import DraftForm, ScriptForm, language_codes
from confide.web.errors import error_response

STEP_SCRIPT_DONE, STEP_READ_BACK, STEP_CORRECT = "account", "read_back", "correct"


def _language(request: HttpRequest) -> str:
    """The language spoken on the call, chosen by the call-taker; the console speaks it too."""
    chosen = request.POST.get("lang") or request.GET.get("lang") or ""
    if chosen in language_codes():
        return chosen
    current = (translation.get_language() or "en").split("-")[0]
    return current if current in language_codes() else "en"


def speaking(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        language = _language(request)
        with translation.override(language):
            request.hotline_language = language  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

    return wrapper


def _line(request: HttpRequest, org_slug: str) -> Line:
    try:
        return line_get(user=request.user, slug=org_slug)
    except LineNotFound:
        raise Http404 from None


def _page(request: HttpRequest, template: str, line: Line | None, status: int = 200, **context) -> HttpResponse:
    language = request.hotline_language  # type: ignore[attr-defined]
    context.update(
        line=line, lang=language, languages=[(c, translation.get_language_info(c)) for c in language_codes()]
    )
    return render(request, f"staff/hotline/{template}", context, status=status)


@require_GET
@staff_required
@speaking
def console(request: HttpRequest) -> HttpResponse:
    if not is_call_taker(user=request.user):
        return error_response(request, 403, _("The hotline console is for call-takers."))
    return _page(request, "console.html", None, lines=line_list_for(user=request.user))


@require_GET
@staff_required
@speaking
def script(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _page(request, "script.html", _line(request, org_slug), form=ScriptForm())


def _account_page(request: HttpRequest, line: Line, form: DraftForm, status: int = 200) -> HttpResponse:
    return _page(request, "account.html", line, status=status, form=form)


def _mac(request: HttpRequest, line: Line, nonce: str, values: dict[str, str]) -> str:
    return draft_mac(
        user_id=int(request.user.pk or 0),
        organization_slug=line.organization.slug,
        language=request.hotline_language,  # type: ignore[attr-defined]
        nonce=nonce,
        values=values,
    )


def _content_from(request: HttpRequest, form: DraftForm, *, consent: bool):
    data = form.cleaned_data
    content = content_from_form(data, anonymous=form.anonymous)
    return dataclasses.replace(
        content,
        channel="phone",
        language=request.hotline_language,  # type: ignore[attr-defined]
        consent_read_back=consent,
    )


@require_POST
@staff_required
@speaking
def call(request: HttpRequest, org_slug: str) -> HttpResponse:
    """One address for the steps before filing; the step says which page comes next."""
    line = _line(request, org_slug)
    step = request.POST.get("step", "")
    if step == STEP_SCRIPT_DONE:
        script_form = ScriptForm(request.POST)
        if not script_form.is_valid():
            return _page(request, "script.html", line, status=400, form=script_form)
        return _account_page(request, line, DraftForm())
    if step == STEP_CORRECT:
        return _account_page(request, line, DraftForm(request.POST))
    if step != STEP_READ_BACK:
        return error_response(request, 400, _("This step of the call is unknown. Start the call again."))
    form = DraftForm(request.POST)
    if not form.is_valid():
        return _account_page(request, line, form, status=400)
    try:
        content = _content_from(request, form, consent=False)
    except ContentError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return _account_page(request, line, form, status=400)
    values, nonce = dict(form.hidden_values()), read_back_nonce()
    return _page(
        request,
        "read_back.html",
        line,
        content=content,
        category_label=Report.Category(content.category).label,
        hidden=form.hidden_values(),
        nonce=nonce,
        mac=_mac(request, line, nonce, values),
    )


@require_POST
@staff_required
@speaking
def file(request: HttpRequest, org_slug: str) -> HttpResponse:
    line = _line(request, org_slug)
    form = DraftForm(request.POST)
    if not form.is_valid():
        return _account_page(request, line, form, status=400)
    values, nonce = dict(form.hidden_values()), request.POST.get("nonce", "")[:100]
    read_back = bool(nonce) and draft_mac_valid(
        mac=request.POST.get("mac", "")[:200],
        user_id=int(request.user.pk or 0),
        organization_slug=line.organization.slug,
        language=request.hotline_language,  # type: ignore[attr-defined]
        nonce=nonce,
        values=values,
    )
    if not read_back:
        return error_response(
            request, 400, _("Read the account back to the caller before filing it: this text was not read back.")
        )
    try:
        content = _content_from(request, form, consent=True)
    except ContentError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return _account_page(request, line, form, status=400)
    if request.POST.get("consent") != "yes":
        return _page(
            request,
            "read_back.html",
            line,
            status=400,
            content=content,
            category_label=Report.Category(content.category).label,
            hidden=form.hidden_values(),
            nonce=nonce,
            mac=request.POST["mac"],
            problem=_("The caller's consent to this record is needed before it can be filed."),
        )
    try:
        submitted = hotline_report_submit(
            user=request.user, organization=line.organization, content=content, read_back_nonce=nonce
        )
    except LineClosed:
        raise Http404 from None
    except AlreadyFiled:
        return _page(request, "already_filed.html", line, status=409)
    # Rendered in this POST's response only: the receipt is never in a URL, and shown only for this call.
    return _receipt_page(request, line, receipt=submitted.receipt, reference=submitted.report.reference)


def _receipt_page(request, line: Line, *, receipt: str, reference: str, problem: str = "", status: int = 200):
    words = [(word, spelled(word), sounds_like(word)) for word in receipt.split()]
    return _page(
        request, "receipt.html", line, status=status, receipt=receipt, words=words, reference=reference, problem=problem
    )


def _same_receipt(shown: str, heard: str) -> bool:
    try:
        return hmac.compare_digest(crypto.receipt_normalise(shown).encode(), crypto.receipt_normalise(heard).encode())
    except crypto.ReceiptFormatError:
        return False


@require_POST
@staff_required
@speaking
def receipt_check(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The caller reads the receipt back; the call-taker types what they hear."""
    line = _line(request, org_slug)
    receipt = request.POST.get("receipt", "")[:200]
    reference = request.POST.get("reference", "")[:20]
    try:
        crypto.receipt_normalise(receipt)
    except crypto.ReceiptFormatError:
        return error_response(request, 400, _("The receipt on this page was changed. Read the one shown after filing."))
    if not _same_receipt(receipt, request.POST.get("heard", "")[:200]):
        problem = _("What the caller read back does not match. Read the receipt again, word by word, and spell it.")
        return _receipt_page(request, line, receipt=receipt, reference=reference, problem=problem, status=400)
    return _page(request, "receipt_confirmed.html", line, reference=reference)


def _thread_page(request, line: Line, access: ReporterAccess, receipt: str, *, problem="", sent=False, status=200):
    return _page(
        request,
        "callback_thread.html",
        line,
        status=status,
        view=report_view(access=access, for_staff=False),
        receipt=receipt,
        problem=problem,
        sent=sent,
    )


def _callback_refused(request: HttpRequest, line: Line, *, throttled: bool) -> HttpResponse:
    if throttled:
        return error_response(
            request,
            429,
            _("Too many receipts that did not match from this console. Wait 15 minutes before trying again."),
        )
    problem = _("No report matches this receipt. Ask the caller to read it again, word by word.")
    return _page(request, "callback.html", line, status=400, problem=problem)


@require_http_methods(["GET", "POST"])
@staff_required
@speaking
def callback(request: HttpRequest, org_slug: str) -> HttpResponse:
    line = _line(request, org_slug)
    if request.method == "GET":
        return _page(request, "callback.html", line)
    if callback_throttled(user=request.user):
        return _callback_refused(request, line, throttled=True)
    receipt = request.POST.get("receipt", "")[:200]
    access = hotline_callback_open(user=request.user, organization=line.organization, receipt=receipt)
    if access is None:
        return _callback_refused(request, line, throttled=False)
    return _thread_page(request, line, access, receipt)


@require_POST
@staff_required
@speaking
def callback_reply(request: HttpRequest, org_slug: str) -> HttpResponse:
    line = _line(request, org_slug)
    if callback_throttled(user=request.user):
        return _callback_refused(request, line, throttled=True)
    receipt = request.POST.get("receipt", "")[:200]
    result = hotline_callback_reply(
        user=request.user, organization=line.organization, receipt=receipt, body=request.POST.get("body", "")
    )
    if result is None:
        return _callback_refused(request, line, throttled=False)
    if result.problem:
        return _thread_page(request, line, result.access, receipt, problem=result.problem, status=400)
    return _thread_page(request, line, result.access, receipt, sent=True)
