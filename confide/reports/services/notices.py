"""The reporter's optional reply notice: an address given for that one purpose, sealed so that the database
alone never reveals it (keys.reply_notice_key), removable at any time, gone with the report's content."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from confide import crypto
from confide.core.errors import Refused
from confide.core.throttle import receipt_write_allow
from confide.reports import keys
from confide.reports.access import ReporterAccess
from confide.reports.models import ReplyNotice, Report

ADDRESS_MAX = 254  # RFC 5321's limit on a forward path


def _address_clean(address: object) -> str:
    text = address.strip() if isinstance(address, str) else ""
    try:
        if not text or len(text) > ADDRESS_MAX or "\x00" in text:
            raise ValidationError("")
        validate_email(text)
    except ValidationError:
        raise Refused(_("An email address looks like name@example.org."), field="address") from None
    return text


def reply_notice_set(*, access: ReporterAccess, address: str) -> ReplyNotice:
    """Replaces any address on file. Nothing is sent now: no confirmation mail that a stranger's address could
    be flooded with, and nothing whose time points at this visit."""
    receipt_write_allow(holder_id=access.report.pk)
    report = access.report
    sealed = crypto.aead_encrypt(
        keys.reply_notice_key(), _address_clean(address).encode(), ad=keys.ad_reply_notice(report.pk)
    )
    notice, _created = ReplyNotice.objects.update_or_create(
        report=report, defaults={"sealed_address": sealed, "pending": False}
    )
    return notice


def reply_notice_remove(*, access: ReporterAccess) -> None:
    ReplyNotice.objects.filter(report=access.report).delete()


def reply_notice_due(*, report: Report) -> None:
    """A handler wrote: the next digest slot tells the reporter, if they left an address."""
    ReplyNotice.objects.filter(report=report).update(pending=True)


def reply_notice_sent(*, report_id: uuid.UUID) -> None:
    ReplyNotice.objects.filter(report_id=report_id).update(pending=False)
