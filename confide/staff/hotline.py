"""The call-taker's console. Multi-step, server-rendered, works with JavaScript off. The draft travels in the
form fields of the call-taker's own screen between steps; the receipt exists only in the responses of the
call it belongs to (never in the session, a cookie or the database)."""

import dataclasses
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide import crypto
from confide.core.errors import Refused
from confide.core.spelling import receipt_spelled
from confide.hotline.access import Line
from confide.hotline.content import AlreadyFiled, NoSuchReceipt
from confide.hotline.keys import draft_mac, draft_mac_valid, read_back_nonce
from confide.hotline.selectors import line_get, line_list_for
from confide.hotline.services import (
    callback_access_open,
    hotline_callback_open,
    hotline_callback_reply,
    hotline_report_submit,
)
from confide.questions.content import AnswerRefused
from confide.reports.access import ReporterAccess
from confide.reports.content import ContentError, ReportContent, content_from_form
from confide.reports.models import Report
from confide.reports.selectors.common import report_view
from confide.staff.decorators import staff_required, staff_user
from confide.staff.forms.hotline import DraftForm, ScriptForm, language_codes
from confide.web.errors import refused_response
from confide.web.questions import answers_hidden, questions_for, with_answers

STEP_SCRIPT_DONE, STEP_READ_BACK, STEP_CORRECT = "account", "read_back", "correct"


def _language(request: HttpRequest) -> str:
    """The language spoken on the call, chosen by the call-taker; the console speaks it too."""
    chosen = request.POST.get("lang") or request.GET.get("lang") or ""
    if chosen in language_codes():
        return chosen
    current = (translation.get_language() or "en").split("-")[0]
    return current if current in language_codes() else "en"


def speaking(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The whole page in the call's language, its refusals too (through the one map, web.errors)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        language = _language(request)
        with translation.override(language):
            request.hotline_language = language  # type: ignore[attr-defined]
            try:
                return view(request, *args, **kwargs)
            except Refused as error:
                return refused_response(request, error)

    return wrapper


def _line(request: HttpRequest, org_slug: str) -> Line:
    return line_get(user=staff_user(request), slug=org_slug)


def _page(request: HttpRequest, template: str, line: Line | None, status: int = 200, **context: object) -> HttpResponse:
    language = request.hotline_language  # type: ignore[attr-defined]
    context.update(
        line=line, lang=language, languages=[(c, translation.get_language_info(c)) for c in language_codes()]
    )
    return render(request, f"staff/hotline/{template}", context, status=status)


@require_GET
@staff_required
@speaking
def console(request: HttpRequest) -> HttpResponse:
    return _page(request, "console.html", None, lines=line_list_for(user=staff_user(request)))


@require_GET
@staff_required
@speaking
def script(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _page(request, "script.html", _line(request, org_slug), form=ScriptForm())


def _draft(request: HttpRequest, line: Line, data: object = None) -> DraftForm:
    """The account's form with the organization's own questions, in the call's language."""
    form = DraftForm(data)  # type: ignore[arg-type]
    language = request.hotline_language  # type: ignore[attr-defined]
    return questions_for(form, organization_id=line.organization.pk, language=language)


def _account_page(request: HttpRequest, line: Line, form: DraftForm, status: int = 200) -> HttpResponse:
    return _page(request, "account.html", line, status=status, form=form)


def _binding(request: HttpRequest, line: Line, nonce: str, form: DraftForm) -> dict:
    """What the read-back MAC binds: this call-taker, this line, the call's language, the nonce and the text."""
    return {
        "user_id": int(staff_user(request).pk or 0),
        "organization_slug": line.organization.slug,
        "language": request.hotline_language,  # type: ignore[attr-defined]
        "nonce": nonce,
        "values": dict(form.hidden_values()),
        "answers": answers_hidden(form),
    }


def _content_from(request: HttpRequest, line: Line, form: DraftForm, *, consent: bool) -> ReportContent:
    """Raises ContentError; the caller re-renders the form with it."""
    content = content_from_form(form.cleaned_data, anonymous=form.anonymous)
    language = request.hotline_language  # type: ignore[attr-defined]
    content = with_answers(content, form, organization_id=line.organization.pk, language=language)
    return dataclasses.replace(content, channel="phone", language=language, consent_read_back=consent)


def _read_back_page(
    request: HttpRequest, line: Line, form: DraftForm, content: ReportContent, status: int = 200, **context: object
) -> HttpResponse:
    label = Report.Category(content.category).label
    hidden = form.hidden_values() + answers_hidden(form)
    return _page(
        request,
        "read_back.html",
        line,
        status,
        content=content,
        category_label=label,
        hidden=hidden,
        about_leadership=form.cleaned_data.get("about_leadership"),
        **context,
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
        return _account_page(request, line, _draft(request, line))
    if step == STEP_CORRECT:
        return _account_page(request, line, _draft(request, line, request.POST))
    if step != STEP_READ_BACK:
        raise Refused(_("This step of the call is unknown. Start the call again."))
    form = _draft(request, line, request.POST)
    if not form.is_valid():
        return _account_page(request, line, form, status=400)
    try:
        content = _content_from(request, line, form, consent=False)
    except (ContentError, AnswerRefused) as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return _account_page(request, line, form, status=400)
    nonce = read_back_nonce()
    return _read_back_page(
        request, line, form, content, nonce=nonce, mac=draft_mac(**_binding(request, line, nonce, form))
    )


@require_POST
@staff_required
@speaking
def file(request: HttpRequest, org_slug: str) -> HttpResponse:
    line = _line(request, org_slug)
    form = _draft(request, line, request.POST)
    if not form.is_valid():
        return _account_page(request, line, form, status=400)
    nonce, mac = request.POST.get("nonce", "")[:100], request.POST.get("mac", "")[:200]
    if not (nonce and draft_mac_valid(mac=mac, **_binding(request, line, nonce, form))):
        raise Refused(_("Read the account back to the caller before filing it: this text was not read back."))
    try:
        content = _content_from(request, line, form, consent=True)
    except (ContentError, AnswerRefused) as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return _account_page(request, line, form, status=400)
    if request.POST.get("consent") != "yes":
        problem = _("The caller's consent to this record is needed before it can be filed.")
        return _read_back_page(request, line, form, content, status=400, nonce=nonce, mac=mac, problem=problem)
    user = staff_user(request)
    try:
        submitted = hotline_report_submit(
            user=user,
            organization=line.organization,
            content=content,
            read_back_nonce=nonce,
            about_leadership=bool(form.cleaned_data.get("about_leadership")),
        )
    except AlreadyFiled:  # a page of its own: what to tell a caller whose receipt was not seen
        return _page(request, "already_filed.html", line, status=409)
    # Rendered in this POST's response only: the receipt is never in a URL, and shown only for this call.
    return _receipt_page(request, line, receipt=submitted.receipt, reference=submitted.report.reference)


def _receipt_page(request, line: Line, *, receipt: str, reference: str, problem: str = "", status: int = 200):
    words = receipt_spelled(receipt)
    return _page(
        request, "receipt.html", line, status=status, receipt=receipt, words=words, reference=reference, problem=problem
    )


def _same_receipt(shown: str, heard: str) -> bool:
    try:
        return crypto.constant_time_equal(
            crypto.receipt_normalise(shown).encode(), crypto.receipt_normalise(heard).encode()
        )
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
        raise Refused(_("The receipt on this page was changed. Read the one shown after filing.")) from None
    if not _same_receipt(receipt, request.POST.get("heard", "")[:200]):
        problem = _("What the caller read back does not match. Read the receipt again, word by word, and spell it.")
        return _receipt_page(request, line, receipt=receipt, reference=reference, problem=problem, status=400)
    return _page(request, "receipt_confirmed.html", line, reference=reference)


def _thread_page(
    request, line: Line, access: ReporterAccess, receipt: str, *, problem="", sent=False, status=200, **context
):
    view = report_view(access=access, for_staff=False)
    return _page(
        request,
        "callback_thread.html",
        line,
        status=status,
        view=view,
        receipt=receipt,
        problem=problem,
        sent=sent,
        **context,
    )


def _no_match_page(request: HttpRequest, line: Line) -> HttpResponse:
    problem = _("No report matches this receipt. Ask the caller to read it again, word by word.")
    return _page(request, "callback.html", line, status=400, problem=problem)


@require_http_methods(["GET", "POST"])
@staff_required
@speaking
def callback(request: HttpRequest, org_slug: str) -> HttpResponse:
    line = _line(request, org_slug)
    if request.method == "GET":
        return _page(request, "callback.html", line)
    receipt = request.POST.get("receipt", "")[:200]
    try:
        access = hotline_callback_open(user=staff_user(request), organization=line.organization, receipt=receipt)
    except NoSuchReceipt:
        return _no_match_page(request, line)
    return _thread_page(request, line, access, receipt)


@require_POST
@staff_required
@speaking
def callback_reply(request: HttpRequest, org_slug: str) -> HttpResponse:
    line, user = _line(request, org_slug), staff_user(request)
    receipt = request.POST.get("receipt", "")[:200]
    try:
        access = callback_access_open(user=user, organization=line.organization, receipt=receipt)
    except NoSuchReceipt:
        return _no_match_page(request, line)
    body = request.POST.get("body", "")
    try:
        hotline_callback_reply(user=user, access=access, organization=line.organization, body=body)
    except ContentError as error:
        return _thread_page(request, line, access, receipt, problem=error.message, status=400)
    return _thread_page(request, line, access, receipt, sent=True)
