"""Issuing a survey credential after the one-time code (confide.verification). Two writes that share nothing:
the marker (this person, this round: keyed by the round) is stored; the credential (a MAC over the round and a
random nonce) goes to the respondent's browser and is never stored. Nothing ties one to the other afterwards."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from confide.surveys import keys
from confide.surveys.content import CredentialSpent, SurveyNotFound
from confide.surveys.models import Marker, Round
from confide.verification.services import VerifiedAccount


def survey_credential_issue(*, survey_round: Round, account: VerifiedAccount) -> str:
    """The credential for one response, or CredentialSpent when this person had theirs for this round."""
    if survey_round.survey.organization_id != account.organization_id or survey_round.closed_on is not None:
        raise SurveyNotFound()
    try:
        with transaction.atomic():
            Marker.objects.create(round=survey_round, marker=keys.marker_of(survey_round.pk, account.account_ref))
    except IntegrityError:
        raise CredentialSpent(_("You have already taken part in this round of the survey.")) from None
    return keys.credential_make(survey_round.pk)
