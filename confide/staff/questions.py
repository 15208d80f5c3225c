"""The third party's pages for an organization's own questions on the report form. Who may edit: the operator
(every organization) and the organization's case handlers (organizations_editable); anyone else gets the one
404. Every save is a new version; reports keep the questions they were filed with."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.core.errors import Refused
from confide.questions.content import FormNotFound, text_in
from confide.questions.editing import question_from_fields, question_move, question_put, question_remove
from confide.questions.selectors.forms import form_current, organization_editable_get, organizations_editable
from confide.questions.services.forms import form_edit
from confide.staff.actions import see_other
from confide.staff.decorators import staff_required, staff_user
from confide.staff.forms.questions import KIND_CHOICES, ChangeForm, QuestionForm
from confide.tenants.models import Organization

KIND_NAMES = dict(KIND_CHOICES)


def _organization(request: HttpRequest, org_slug: str) -> Organization:
    return organization_editable_get(user=staff_user(request), slug=org_slug)


def _current(organization: Organization) -> tuple[int, list[dict[str, Any]]]:
    version = form_current(organization_id=organization.pk)
    return (version.number, version.questions) if version else (0, [])


def _form_page(
    request: HttpRequest,
    organization: Organization,
    *,
    form: QuestionForm | None = None,
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    version = form_current(organization_id=organization.pk)
    number, questions = _current(organization)
    context = {
        "organization": organization,
        "version": version,
        "number": number,
        "questions": [
            {
                **q,
                "kind_name": KIND_NAMES.get(q["kind"], q["kind"]),
                "options_en": [text_in(o["label"], "en") for o in q["options"]],
            }
            for q in questions
        ],
        "form": form or QuestionForm(initial={"base": number, "kind": "short_text"}),
        "problem": problem,
    }
    return render(request, "staff/questions/form.html", context, status=status)


@require_GET
@staff_required
def organizations(request: HttpRequest) -> HttpResponse:
    listed = organizations_editable(user=staff_user(request)).order_by("name")[:500]
    return render(request, "staff/questions/organizations.html", {"organizations": listed})


@require_GET
@staff_required
def show_form(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _form_page(request, _organization(request, org_slug))


def _save(request: HttpRequest, organization: Organization, form: QuestionForm, key: str | None) -> None:
    """Raises FormRefused naming the editor's field, or FormChanged."""
    data = form.cleaned_data
    _number, questions = _current(organization)
    question = question_from_fields(
        key=key,
        kind=data["kind"],
        required=data["required"],
        label_en=data["label_en"],
        label_es=data["label_es"],
        help_en=data["help_en"],
        help_es=data["help_es"],
        options_en=data["options_en"],
        options_es=data["options_es"],
        taken=[q["key"] for q in questions],
    )
    form_edit(
        organization=organization,
        user=staff_user(request),
        base=data["base"],
        change=lambda current: question_put(current, question),
    )


def _refused_on(form: QuestionForm, error: Refused) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@require_POST
@staff_required
def add_question(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(request, org_slug)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return _form_page(request, organization, form=form, status=400)
    try:
        _save(request, organization, form, key=None)
    except Refused as error:
        _refused_on(form, error)
        return _form_page(request, organization, form=form, status=error.status)
    return see_other("questions:show_form", org_slug=organization.slug)


def _question(organization: Organization, key: str) -> tuple[int, dict[str, Any]]:
    number, questions = _current(organization)
    for question in questions:
        if question["key"] == key:
            return number, question
    raise FormNotFound()


def _initial(number: int, question: dict[str, Any]) -> dict[str, object]:
    return {
        "base": number,
        "kind": question["kind"],
        "required": question["required"],
        **{f"label_{code}": text for code, text in question["label"].items()},
        **{f"help_{code}": text for code, text in question["help"].items()},
        **{f"options_{code}": "\n".join(o["label"][code] for o in question["options"]) for code in ("en", "es")},
    }


@require_http_methods(["GET", "POST"])
@staff_required
def edit_question(request: HttpRequest, org_slug: str, key: str) -> HttpResponse:
    organization = _organization(request, org_slug)
    number, question = _question(organization, key)
    context: dict[str, object] = {"organization": organization, "question": question}
    if request.method == "GET":
        context["form"] = QuestionForm(initial=_initial(number, question))
        return render(request, "staff/questions/question.html", context)
    form = QuestionForm(request.POST)
    context["form"] = form
    if form.is_valid():
        try:
            _save(request, organization, form, key=key)
        except Refused as error:
            _refused_on(form, error)
            return render(request, "staff/questions/question.html", context, status=error.status)
        return see_other("questions:show_form", org_slug=organization.slug)
    return render(request, "staff/questions/question.html", context, status=400)


def _change(request: HttpRequest, org_slug: str, key: str, change) -> HttpResponse:
    organization = _organization(request, org_slug)
    _question(organization, key)
    form = ChangeForm(request.POST)
    if not form.is_valid():
        raise Refused(_("This page is out of date. Reload it and try again."), field="base")
    try:
        form_edit(organization=organization, user=staff_user(request), base=form.cleaned_data["base"], change=change)
    except Refused as error:
        return _form_page(request, organization, problem=error.message, status=error.status)
    return see_other("questions:show_form", org_slug=organization.slug)


@require_POST
@staff_required
def move_question(request: HttpRequest, org_slug: str, key: str) -> HttpResponse:
    offset = -1 if request.POST.get("direction") == "up" else 1
    return _change(request, org_slug, key, lambda questions: question_move(questions, key, offset))


@require_POST
@staff_required
def remove_question(request: HttpRequest, org_slug: str, key: str) -> HttpResponse:
    return _change(request, org_slug, key, lambda questions: question_remove(questions, key))
