"""The third party's survey pages: handlers of an organization define its surveys, open and close rounds, see
the round's suppressed figures and read the free-text answers sealed to them. Every lookup goes through the
selectors of confide.surveys.selectors.staff: not visible means 404."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.audit.services import Action, audit_record
from confide.core.errors import Refused
from confide.staff.actions import see_other
from confide.staff.decorators import staff_required, staff_secret_key, staff_user
from confide.staff.forms.surveys import SurveyForm
from confide.surveys.models import Survey
from confide.surveys.selectors.aggregates import round_aggregate
from confide.surveys.selectors.staff import (
    round_staff_get,
    survey_list_visible_to,
    survey_organizations_for,
    survey_staff_get,
    texts_read,
)
from confide.surveys.services.definitions import round_close, round_open, survey_create


def _survey_form(request: HttpRequest, data: object = None) -> SurveyForm:
    organizations = [(str(o.pk), o.name) for o in survey_organizations_for(user=staff_user(request))]
    return SurveyForm(data, organizations=organizations)  # type: ignore[arg-type]


@require_http_methods(["GET", "POST"])
@staff_required
def surveys(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = _survey_form(request, request.POST or None)
    context: dict[str, object] = {"surveys": survey_list_visible_to(user=user)[:200], "form": form}
    if request.method == "GET":
        return render(request, "staff/surveys/list.html", context)
    if not form.is_valid():
        return render(request, "staff/surveys/list.html", context, status=400)
    data = form.cleaned_data
    organization = survey_organizations_for(user=user).get(pk=data["organization"])
    try:
        survey = survey_create(
            organization=organization,
            kind=data["kind"],
            title=data["title"],
            questions=data["questions"].splitlines(),
            free_text_prompt=data["free_text_prompt"],
        )
    except Refused as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(request, "staff/surveys/list.html", context, status=error.status)
    audit_record(actor=user, action=Action.SURVEY_CREATED, obj=survey)
    return see_other("surveys:show_survey", survey_id=survey.pk)


def _survey_page(request: HttpRequest, survey: Survey, *, problem: str = "", status: int = 200) -> HttpResponse:
    rounds = list(survey.rounds.order_by("-opened_on", "id"))
    context = {
        "survey": survey,
        "rounds": [(r, round_aggregate(survey_round=r)) for r in rounds],
        "has_open": any(r.closed_on is None for r in rounds),
        "problem": problem,
    }
    return render(request, "staff/surveys/survey.html", context, status=status)


@require_GET
@staff_required
def show_survey(request: HttpRequest, survey_id: uuid.UUID) -> HttpResponse:
    return _survey_page(request, survey_staff_get(user=staff_user(request), survey_id=survey_id))


@require_POST
@staff_required
def open_round(request: HttpRequest, survey_id: uuid.UUID) -> HttpResponse:
    user = staff_user(request)
    survey = survey_staff_get(user=user, survey_id=survey_id)
    try:
        survey_round = round_open(survey=survey)
    except Refused as error:
        return _survey_page(request, survey, problem=error.message, status=error.status)
    audit_record(actor=user, action=Action.SURVEY_ROUND_OPENED, obj=survey_round)
    return see_other("surveys:show_survey", survey_id=survey.pk)


@require_POST
@staff_required
def close_round(request: HttpRequest, round_id: uuid.UUID) -> HttpResponse:
    user = staff_user(request)
    survey_round = round_staff_get(user=user, round_id=round_id)
    try:
        round_close(survey_round=survey_round)
    except Refused as error:
        return _survey_page(request, survey_round.survey, problem=error.message, status=error.status)
    audit_record(actor=user, action=Action.SURVEY_ROUND_CLOSED, obj=survey_round)
    return see_other("surveys:show_survey", survey_id=survey_round.survey_id)


@require_GET
@staff_required
def texts(request: HttpRequest, round_id: uuid.UUID) -> HttpResponse:
    user = staff_user(request)
    survey_round = round_staff_get(user=user, round_id=round_id)
    views = texts_read(user=user, secret_key=staff_secret_key(request), survey_round=survey_round)
    audit_record(actor=user, action=Action.SURVEY_TEXTS_READ, obj=survey_round)
    return render(request, "staff/surveys/texts.html", {"round": survey_round, "texts": views})
