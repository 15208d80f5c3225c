"""Reads of reply notices. Only the reporter (whether one is on file, never the address) and the digest job
(the addresses due) read them; no staff page or API does."""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from confide import crypto
from confide.reports import keys
from confide.reports.models import ReplyNotice, Report


@dataclass(frozen=True)
class DueNotice:
    report_id: uuid.UUID
    address: str = field(repr=False)


def reply_notice_on_file(*, report: Report) -> bool:
    return ReplyNotice.objects.filter(report=report).exists()


def reply_notices_due() -> Iterator[DueNotice]:
    """Addresses owed a notice, opened one at a time; one that does not open (a changed pepper) is skipped."""
    for notice in ReplyNotice.objects.filter(pending=True).order_by("pk").iterator():
        try:
            address = crypto.aead_decrypt(
                keys.reply_notice_key(), bytes(notice.sealed_address), ad=keys.ad_reply_notice(notice.report_id)
            ).decode()
        except crypto.DecryptionError:
            continue
        yield DueNotice(report_id=notice.report_id, address=address)
