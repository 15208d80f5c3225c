"""The respondent's reads: open rounds of an organization, and a free-text answer opened with its receipt."""

import uuid

from django.db.models import QuerySet

from confide import crypto
from confide.surveys import keys
from confide.surveys.access import TextAccess
from confide.surveys.content import SurveyNotFound
from confide.surveys.models import Round, SurveyText
from confide.tenants.models import Organization


def rounds_open_for(*, organization: Organization) -> QuerySet[Round]:
    return (
        Round.objects.filter(survey__organization=organization, closed_on__isnull=True)
        .select_related("survey", "survey__organization")
        .order_by("survey__title", "id")
    )


def round_open_get(*, organization: Organization, round_id: uuid.UUID | str) -> Round:
    """An open round of this organization, or SurveyNotFound (also for another organization's round)."""
    try:
        round_uuid = round_id if isinstance(round_id, uuid.UUID) else uuid.UUID(str(round_id))
    except ValueError:
        raise SurveyNotFound() from None
    found = rounds_open_for(organization=organization).filter(pk=round_uuid).first()
    if found is None:
        raise SurveyNotFound()
    return found


def text_access_get(*, receipt: str, organization: Organization) -> TextAccess | None:
    try:
        normalised = crypto.receipt_normalise(receipt)
    except crypto.ReceiptFormatError:
        return None
    text = (
        SurveyText.objects.filter(
            receipt_lookup=keys.text_receipt_lookup(normalised), round__survey__organization=organization
        )
        .select_related("round__survey__organization")
        .first()
    )
    if text is None:
        return None
    try:
        text_key = keys.text_key_for_receipt(
            text_id=text.pk, normalised=normalised, receipt_wrap=bytes(text.receipt_wrap)
        )
    except crypto.DecryptionError:
        return None
    return TextAccess(text=text, text_key=text_key)


def text_read(*, access: TextAccess) -> str:
    return crypto.aead_decrypt(access.text_key, bytes(access.text.content), ad=keys.ad_text(access.text.pk)).decode()
