"""The third party's reads. Access control for surveys lives here: a handler of the survey's organization sees
it; anyone else gets one SurveyNotFound, whether it exists or not (G3)."""

import uuid
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from confide import crypto
from confide.accounts.models import User
from confide.surveys import keys
from confide.surveys.content import SurveyNotFound
from confide.surveys.models import Round, Survey, SurveyText, SurveyTextWrap
from confide.tenants.models import Membership, Organization


def _uuid(value: object) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise SurveyNotFound() from None


def survey_organizations_for(*, user: User) -> QuerySet[Organization]:
    if not user.is_authenticated or user.role != User.Role.HANDLER:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user, memberships__role=Membership.Role.HANDLER).distinct()


def survey_list_visible_to(*, user: User) -> QuerySet[Survey]:
    return (
        Survey.objects.filter(organization__in=survey_organizations_for(user=user))
        .select_related("organization")
        .order_by("organization__name", "title", "id")
    )


def survey_staff_get(*, user: User, survey_id: uuid.UUID | str) -> Survey:
    survey = survey_list_visible_to(user=user).filter(pk=_uuid(survey_id)).first()
    if survey is None:
        raise SurveyNotFound()
    return survey


def round_staff_get(*, user: User, round_id: uuid.UUID | str) -> Round:
    found = (
        Round.objects.filter(pk=_uuid(round_id), survey__in=survey_list_visible_to(user=user))
        .select_related("survey__organization")
        .first()
    )
    if found is None:
        raise SurveyNotFound()
    return found


@dataclass(frozen=True)
class TextView:
    received_on: date
    text: str


def texts_read(*, user: User, secret_key: bytes, survey_round: Round) -> list[TextView]:
    """The round's free-text answers sealed to this handler (none for one who joined after they came)."""
    round_staff_get(user=user, round_id=survey_round.pk)
    wraps = SurveyTextWrap.objects.filter(user=user, text__round=survey_round).select_related("text")
    views = []
    for wrap in wraps.order_by("text__received_on", "text__id"):
        text: SurveyText = wrap.text
        try:
            text_key = crypto.unseal(secret_key, bytes(wrap.sealed_key))
            body = crypto.aead_decrypt(text_key, bytes(text.content), ad=keys.ad_text(text.pk)).decode()
        except crypto.DecryptionError:
            continue
        views.append(TextView(received_on=text.received_on, text=body))
    return views
