"""Redeeming a credential: the answers are counted once, sealed until their batch, and a free-text answer is
sealed to the handlers like a report, with a receipt for its author (crypto.md §2–3)."""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.core import keyfiles
from confide.core.clock import today
from confide.reports.selectors.reporter import intake_target_get
from confide.surveys import keys
from confide.surveys.content import (
    CredentialSpent,
    PendingAnswers,
    SurveyNotFound,
    SurveyRefused,
    answers_clean,
    free_text_clean,
)
from confide.surveys.models import Pending, Round, Spent, SurveyText, SurveyTextWrap


@dataclass(frozen=True)
class Responded:
    receipt: str | None  # only when a free-text answer was given; shown once, never stored


def _text_rows(*, survey_round: Round, text: str, language: str) -> tuple[SurveyText, list[SurveyTextWrap], str]:
    target = intake_target_get(slug=survey_round.survey.organization.slug)
    if target is None:
        raise SurveyNotFound()
    text_id = uuid.uuid4()
    text_key = crypto.random_key()
    receipt = crypto.receipt_generate(language)
    normalised = crypto.receipt_normalise(receipt)
    row = SurveyText(
        id=text_id,
        round=survey_round,
        received_on=today(),
        receipt_lookup=keys.text_receipt_lookup(normalised),
        receipt_wrap=keys.text_receipt_wrap(text_id=text_id, normalised=normalised, text_key=text_key),
        recovery_wrap=crypto.seal(keyfiles.recovery_public_key(), text_key),
        content=crypto.aead_encrypt(text_key, text.encode(), ad=keys.ad_text(text_id)),
    )
    wraps = [
        SurveyTextWrap(text_id=text_id, user_id=user_id, sealed_key=crypto.seal(public_key, text_key))
        for user_id, public_key in target.handler_keys
    ]
    return row, wraps, receipt


def survey_respond(
    *,
    survey_round: Round,
    credential: str,
    answers: list[object],
    free_text: str = "",
    language: str = crypto.DEFAULT_RECEIPT_LANGUAGE,
) -> Responded:
    """Count one response for the credential, or refuse it whole: nothing is written unless all of it is."""
    if survey_round.closed_on is not None:
        raise SurveyNotFound()
    nonce = keys.credential_nonce(survey_round.pk, credential)
    if nonce is None:
        raise SurveyRefused(
            _("This survey credential is not valid for this survey. Confirm your address again."),
            field="credential",
        )
    cleaned = answers_clean(answers, questions=len(survey_round.survey.questions))
    text = free_text_clean(free_text) if survey_round.survey.free_text_prompt else ""
    pending_id = uuid.uuid4()
    pending = Pending(
        id=pending_id,
        round=survey_round,
        sealed=crypto.aead_encrypt(
            keys.pending_key(), PendingAnswers(cleaned).to_bytes(), ad=keys.ad_pending(survey_round.pk, pending_id)
        ),
    )
    text_rows = _text_rows(survey_round=survey_round, text=text, language=language) if text else None
    try:
        with transaction.atomic():
            # A close that committed meanwhile wins: its last batch must not leave a row behind it.
            still_open = Round.objects.select_for_update().filter(pk=survey_round.pk, closed_on__isnull=True)
            if still_open.values_list("pk", flat=True).first() is None:
                raise SurveyNotFound()
            Spent.objects.create(round=survey_round, nonce_hash=keys.spent_hash(nonce))
            pending.save(force_insert=True)
            if text_rows is not None:
                text_rows[0].save(force_insert=True)
                SurveyTextWrap.objects.bulk_create(text_rows[1])
    except IntegrityError:
        raise CredentialSpent(_("This survey credential has been used already: your answers were counted.")) from None
    return Responded(receipt=text_rows[2] if text_rows is not None else None)
