"""Survey operations of the JSON API: the questions of an open round (public), the one-time code, the survey
credential, and the answer redeemed with it. The same services as the survey pages (confide/surveys/DESIGN.md).
"""

import uuid

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Router, Schema, Status
from pydantic import Field

from confide.surveys.content import FREE_TEXT_MAX_CHARS, QUESTIONS_MAX
from confide.surveys.models import SCALE
from confide.surveys.selectors.reporter import round_open_get
from confide.surveys.services.credentials import survey_credential_issue
from confide.surveys.services.responses import survey_respond
from confide.tenants.selectors import organization_for_intake_get
from confide.verification.services import verification_confirm, verification_start
from confide.web.schemas import FieldProblem, Problem

router = Router(tags=["surveys"])


class SurveyOut(Schema):
    round_id: uuid.UUID
    title: str
    kind: str
    questions: list[str]
    scale: list[int]
    free_text_prompt: str


class SurveyVerificationIn(Schema):
    email: str = Field(max_length=254)


class SurveyVerificationStarted(Schema):
    challenge: uuid.UUID


class SurveyCodeIn(Schema):
    challenge: uuid.UUID
    code: str = Field(max_length=12)


class SurveyCredentialOut(Schema):
    credential: str


class SurveyResponseIn(Schema):
    credential: str = Field(max_length=200)
    answers: list[int] = Field(max_length=QUESTIONS_MAX)
    free_text: str = Field("", max_length=FREE_TEXT_MAX_CHARS)


class SurveyResponded(Schema):
    receipt: str | None


def _round(org_slug: str, round_id: uuid.UUID):
    return round_open_get(organization=organization_for_intake_get(slug=org_slug), round_id=round_id)


@router.get(
    "/orgs/{org_slug}/surveys/{round_id}",
    operation_id="survey_get",
    response={200: SurveyOut, 404: Problem},
    summary="An open round's questions (each answered with a whole number of the scale)",
)
def get_survey(request: HttpRequest, org_slug: str, round_id: uuid.UUID):
    survey_round = _round(org_slug, round_id)
    survey = survey_round.survey
    return {
        "round_id": survey_round.pk,
        "title": survey.title,
        "kind": survey.kind,
        "questions": survey.questions,
        "scale": list(SCALE),
        "free_text_prompt": survey.free_text_prompt,
    }


@router.post(
    "/orgs/{org_slug}/surveys/{round_id}/verification",
    operation_id="survey_verification_start",
    response={202: SurveyVerificationStarted, 400: FieldProblem, 404: Problem, 429: Problem},
    summary="Email a one-time code to a staff address (same answer whether or not it is one)",
)
def start_verification(request: HttpRequest, org_slug: str, round_id: uuid.UUID, payload: SurveyVerificationIn):
    survey_round = _round(org_slug, round_id)
    challenge = verification_start(organization=survey_round.survey.organization, email=payload.email)
    return Status(202, {"challenge": challenge})


@router.post(
    "/orgs/{org_slug}/surveys/{round_id}/credential",
    operation_id="survey_credential",
    response={201: SurveyCredentialOut, 400: FieldProblem, 404: Problem, 409: Problem},
    summary="Exchange the one-time code for the round's survey credential (once per person and round)",
    description="The credential is not stored: keep it until you send your answers with it.",
)
def credential(request: HttpRequest, org_slug: str, round_id: uuid.UUID, payload: SurveyCodeIn):
    survey_round = _round(org_slug, round_id)
    account = verification_confirm(
        organization=survey_round.survey.organization, challenge_id=payload.challenge, code=payload.code
    )
    return Status(201, {"credential": survey_credential_issue(survey_round=survey_round, account=account)})


@router.post(
    "/orgs/{org_slug}/surveys/{round_id}/responses",
    operation_id="survey_respond",
    response={201: SurveyResponded, 400: FieldProblem, 404: Problem, 409: Problem},
    summary="Answer with the survey credential; a free-text answer returns its receipt (shown once)",
)
def respond(request: HttpRequest, org_slug: str, round_id: uuid.UUID, payload: SurveyResponseIn):
    survey_round = _round(org_slug, round_id)
    responded = survey_respond(
        survey_round=survey_round,
        credential=payload.credential,
        answers=list(payload.answers),
        free_text=payload.free_text,
        language=get_language(),
    )
    return Status(201, {"receipt": responded.receipt})
