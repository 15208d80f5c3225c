"""Surveys for tests: defined, opened, credentials issued and redeemed through the real services."""

from confide.surveys.services.credentials import survey_credential_issue
from confide.surveys.services.definitions import round_open, survey_create
from confide.verification.services import VerifiedAccount, account_ref_for, roster_upload

QUESTIONS = ["I feel safe raising a problem here.", "Leaders act on what staff raise."]


def open_survey(organization, *, kind="climate", free_text="Anything else you want the third party to know?"):
    survey = survey_create(
        organization=organization,
        kind=kind,
        title="Spring climate check",
        questions=list(QUESTIONS),
        free_text_prompt=free_text,
    )
    return round_open(survey=survey)


def account(organization, email: str) -> VerifiedAccount:
    """What verification_confirm hands back for this address (the code round trip is tested where it lives)."""
    roster_upload(organization=organization, emails=[email])
    return VerifiedAccount(account_ref=account_ref_for(email=email), organization_id=organization.pk)


def credential_for(survey_round, email: str) -> str:
    return survey_credential_issue(survey_round=survey_round, account=account(survey_round.survey.organization, email))
