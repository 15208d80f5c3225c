"""Organizer and signer pages: anonymous, receipt-based, no JavaScript, no server-side session. The receipt
pages open the letter through the cookie (reporter.decorators.with_receipt); the invitation pages through the
link's token. A refusal with nothing typed to keep is left to the one error page (confide/web/errors.py)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.accounts.models import User
from confide.core.throttle import Throttled
from confide.letters.access import InvitationAccess, ParticipantAccess
from confide.letters.content import LetterError, signature_build
from confide.letters.selectors.common import contact_list, contact_name, letter_overview
from confide.letters.selectors.reporter import (
    invitation_access_get,
    invitation_token,
    participant_access_get,
    signature_own_read,
    vouch_account_ref_get,
)
from confide.letters.services.checkins import signer_checkins_view
from confide.letters.services.drafting_once import letter_draft_create_once
from confide.letters.services.participants import organizer_message
from confide.letters.services.signatures import signature_create, signature_withdraw
from confide.reporter.decorators import organization_get, see_other, with_receipt
from confide.reporter.forms.letters import DraftForm, MessageForm, SignForm
from confide.reporter.forms.report import ReceiptForm
from confide.reporter.forms.verification import EmailForm
from confide.reporter.receipt import ReceiptPages, receipt_download, receipt_page, redirect_to_receipt
from confide.reports.services.once import LETTER, Spent, once_for, submission_spend
from confide.tenants.models import Organization
from confide.verification.services import VerificationError, verification_confirm, verification_start
from confide.web.receipt_cookie import LETTER_COOKIE, csrf_cookie_clear
from confide.web.receipt_shown import LETTER_SHOWN, Shown, submission_token, submission_token_from

# Lazy: a module-level message must follow the language of each request, not the one at import.
WRONG_RECEIPT = gettext_lazy("We could not find a letter with this receipt. Check the words and try again.")

with_letter = with_receipt(LETTER_COOKIE, participant_access_get, away="letters_public:start")


def _receipt_saved(request: HttpRequest, organization: Organization, shown: Shown) -> HttpResponse:
    if shown.once:  # the draft form's token stays used, but its sealed receipt is forgotten now
        submission_spend(lookup=bytes.fromhex(shown.once))
    return see_other("letters_public:receipt_saved", organization)


LETTER_RECEIPT_PAGES = ReceiptPages(
    shown=LETTER_SHOWN,
    template="reporter/letters/receipt.html",
    page="letters_public:receipt",
    file="letters_public:receipt_file",
    back="letters_public:start",
    title=gettext_lazy("Receipt of a letter"),
    done=_receipt_saved,
)


def _invitation_path(organization: Organization, token: str) -> str:
    return reverse("letters_public:invitation", kwargs={"org_slug": organization.slug, "token": token})


@require_GET
def start(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    return render(request, "reporter/letters/start.html", {"organization": organization, "form": ReceiptForm()})


@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    recipients = list(contact_list(organization=organization))
    contacts = [(user.pk, contact_name(user)) for user in recipients]
    bodies = [user.pk for user in recipients if user.role == User.Role.INDEPENDENT_BODY]
    form = DraftForm(request.POST or None, contacts=contacts, body_ids=bodies)
    # A form sent back keeps its one-time token: sent again once it went through, it drafts nothing more.
    submission = submission_token_from(request) if request.method == "POST" else submission_token()
    context = {"organization": organization, "form": form, "has_contacts": bool(contacts), "submission": submission}
    if request.method == "GET":
        return render(request, "reporter/letters/draft.html", context)
    if not form.is_valid():
        return render(request, "reporter/letters/draft.html", context, status=400)
    data = form.cleaned_data
    try:
        answer = letter_draft_create_once(
            once=once_for(organization_id=organization.pk, channel=LETTER, token=submission),
            organization=organization,
            title=data["title"],
            text=data["text"],
            request=data["request"],
            recipient_ids=data["recipients"],
            threshold=data["threshold"],
            deadline=data["deadline"],
            release_at_deadline=data["release_at_deadline"],
            attendees=data["attendees"],
            fingerprinted=data["fingerprinted"],
            about_leadership=data["about_leadership"],
            language=get_language(),
        )
    except Spent:
        return render(request, "reporter/letters/draft_spent.html", {"organization": organization}, status=409)
    except LetterError as error:  # the draft stays in the form
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(request, "reporter/letters/draft.html", context, status=error.status)
    invitation = request.build_absolute_uri(_invitation_path(organization, answer.extra))
    # A redirect to the receipt page: reloading it drafts nothing more (PRG, as for reports).
    shown = Shown(receipt=answer.receipt, invitation=invitation, once=answer.once_lookup.hex())
    return redirect_to_receipt(organization, LETTER_RECEIPT_PAGES, shown)


@require_http_methods(["GET", "POST"])
def receipt(request: HttpRequest, org_slug: str) -> HttpResponseBase:
    return receipt_page(request, organization_get(org_slug), LETTER_RECEIPT_PAGES)


@require_GET
def receipt_file(request: HttpRequest, org_slug: str) -> HttpResponse:
    return receipt_download(request, organization_get(org_slug), LETTER_RECEIPT_PAGES)


@require_GET
def receipt_saved(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "reporter/letters/saved.html", {"organization": organization_get(org_slug)})


@require_POST
def enter_receipt(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    receipt = request.POST.get("receipt", "")[:200]
    if participant_access_get(receipt=receipt, organization=organization) is None:
        context = {"organization": organization, "form": ReceiptForm(), "problem": WRONG_RECEIPT}
        return render(request, "reporter/letters/start.html", context, status=400)
    response = see_other("letters_public:mine", organization)
    LETTER_COOKIE.set(response, slug=organization.slug, receipt=receipt)
    return response


def _mine_page(
    request: HttpRequest,
    organization: Organization,
    access: ParticipantAccess,
    *,
    problem: str | None = None,
    status: int = 200,
    message_form: MessageForm | None = None,
) -> HttpResponse:
    overview = letter_overview(letter=access.letter, participant_key=access.participant_key)
    invitation = None
    if access.is_organizer:
        token = invitation_token(letter=access.letter, participant_key=access.participant_key)
        invitation = request.build_absolute_uri(_invitation_path(organization, token))
    context = {
        "organization": organization,
        "overview": overview,
        "access": access,
        "invitation": invitation,
        "problem": problem,
        "own_signature": signature_own_read(access=access),
        "checkins": signer_checkins_view(access=access),
        "message_form": message_form or MessageForm(),
    }
    return render(request, "reporter/letters/mine.html", context, status=status)


@require_GET
@with_letter
def mine(request: HttpRequest, organization: Organization, access: ParticipantAccess) -> HttpResponse:
    return _mine_page(request, organization, access)


@require_POST
@with_letter
def withdraw(request: HttpRequest, organization: Organization, access: ParticipantAccess) -> HttpResponse:
    signature_withdraw(access=access)
    response = render(request, "reporter/letters/withdrawn.html", {"organization": organization})
    LETTER_COOKIE.clear(response, slug=organization.slug)
    return response


@require_POST
@with_letter
def message(request: HttpRequest, organization: Organization, access: ParticipantAccess) -> HttpResponse:
    """The organizer writes to the third party, for example about its review."""
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _mine_page(request, organization, access, status=400, message_form=form)
    try:
        organizer_message(access=access, body=form.cleaned_data["body"])
    except LetterError as error:  # the text stays in the form
        form.add_error("body", error.message)
        return _mine_page(request, organization, access, status=error.status, message_form=form)
    except Throttled as throttled:
        return _mine_page(request, organization, access, status=429, message_form=form, problem=throttled.message)
    return see_other("letters_public:mine", organization)


@require_POST
def leave(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    response = render(request, "reporter/letters/left.html", {"organization": organization})
    LETTER_COOKIE.clear(response, slug=organization.slug)
    csrf_cookie_clear(request, response)
    return response


def _invitation(organization: Organization, token: str) -> InvitationAccess:
    access = invitation_access_get(token=token, organization=organization)
    if access is None:
        raise Http404
    return access


def _invitation_page(
    request: HttpRequest,
    organization: Organization,
    access: InvitationAccess,
    *,
    template: str,
    status: int = 200,
    **extra: object,
) -> HttpResponse:
    context = {
        "organization": organization,
        "overview": letter_overview(letter=access.letter, participant_key=access.participant_key),
        "token": access.token,
        **extra,
    }
    return render(request, template, context, status=status)


@require_GET
def invitation(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    organization = organization_get(org_slug)
    access = _invitation(organization, token)
    return _invitation_page(
        request, organization, access, template="reporter/letters/invitation.html", email_form=EmailForm()
    )


@require_POST
def verify(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    """Step 1: send a code to a staff address. The same answer whether or not the address is on the roster."""
    organization = organization_get(org_slug)
    access = _invitation(organization, token)
    email_form = EmailForm(request.POST)
    template = "reporter/letters/invitation.html"
    if not email_form.is_valid():
        return _invitation_page(request, organization, access, template=template, status=400, email_form=email_form)
    try:
        challenge = verification_start(organization=organization, email=email_form.cleaned_data["email"])
    except VerificationError as error:  # the address stays in the form
        email_form.add_error("email", error.message)
        return _invitation_page(request, organization, access, template=template, status=400, email_form=email_form)
    form = SignForm(initial={"challenge": challenge, "visibility": "verified"})
    return _invitation_page(request, organization, access, template="reporter/letters/sign.html", form=form)


@require_http_methods(["GET", "POST"])
def sign(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    """Step 2: the code (or a vouching code) and the signature together, so no state waits on the server."""
    organization = organization_get(org_slug)
    access = _invitation(organization, token)
    template = "reporter/letters/sign.html"
    if request.method == "GET":  # arriving with a vouching code instead of an email address
        form = SignForm(initial={"visibility": "verified"})
        return _invitation_page(request, organization, access, template=template, form=form)
    form = SignForm(request.POST)

    def again(message: str | None = None, status: int = 400) -> HttpResponse:
        """The signing page again, with what was typed."""
        return _invitation_page(
            request, organization, access, template=template, status=status, form=form, problem=message
        )

    if not form.is_valid():
        return again()
    data = form.cleaned_data
    try:
        content = signature_build(
            name=data["name"], role=data["role"], cohort=data["cohort"], visibility=data["visibility"]
        )
        if data["vouch"]:
            account_ref = vouch_account_ref_get(letter=access.letter, code=data["vouch"])
        elif data["challenge"] and data["code"]:
            account_ref = verification_confirm(
                organization=organization, challenge_id=data["challenge"], code=data["code"]
            ).account_ref
        else:
            return again(_("Enter the code from the email, or a vouching code from the third party."))
        signed = signature_create(access=access, account_ref=account_ref, content=content, language=get_language())
    except VerificationError as error:
        return again(error.message)
    except LetterError as error:
        return again(error.message, error.status)
    return redirect_to_receipt(organization, LETTER_RECEIPT_PAGES, Shown(receipt=signed.receipt))
