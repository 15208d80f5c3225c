"""What a counselor does with a match: open it (decrypts every entry, audited) and write to one of its
reporters through their anonymous thread (audited). Never anything below the threshold, and no OPRF."""

import json
import uuid
from datetime import date

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.core.identifiers import identifier_display, identifier_kind
from confide.escrow.access import CounselorAccess, OpenedEntry, OpenedMatch
from confide.escrow.content import MatchNotFound
from confide.escrow.models import Entry, Match, ThreadMessage
from confide.escrow.services.threads import thread_message_create


def _sealed(entry: Entry) -> crypto.SealedEntry:
    return crypto.SealedEntry(index=bytes(entry.index), blob=bytes(entry.blob), ciphertext=bytes(entry.ciphertext))


def _opened(entry: Entry, raw: bytes) -> OpenedEntry:
    data = json.loads(raw)
    return OpenedEntry(
        id=entry.id,
        identifier=identifier_display(data["identifier"]),
        kind=identifier_kind(data["identifier"]),
        text=data["text"],
        written_on=date.fromisoformat(data["written_on"]),
        organization=data["organization"],
        verified=bool(data["verified"]) and entry.verified,
        vault_id=uuid.UUID(data["vault"]),
        thread_key=bytes.fromhex(data["thread_key"]),
    )


def _unverified_at(access: CounselorAccess, data: dict, threshold: int) -> list[tuple[Entry, bytes]]:
    """Unverified entries naming the same person: opened with the key a verified entry carries, flagged."""
    try:
        index, wrap_key = bytes.fromhex(data["unverified_index"]), bytes.fromhex(data["unverified_wrap"])
    except (KeyError, ValueError):
        return []
    found = []
    for entry in Entry.objects.filter(index=index, threshold=threshold, verified=False):
        try:
            [raw] = crypto.entries_open_with_wrap_key(
                entries=[_sealed(entry)], wrap_key=wrap_key, counselor_secret_key=access.team_secret
            )
        except crypto.CryptoError:
            continue
        found.append((entry, raw))
    return found


def match_open(*, access: CounselorAccess, match_id: uuid.UUID) -> OpenedMatch:
    """Open every entry of a match; audited (opening, and each entry read). MatchNotFound for no such match."""
    match = Match.objects.filter(pk=match_id).first()
    if match is None:
        raise MatchNotFound()
    rows = list(Entry.objects.filter(index=match.index, threshold=match.threshold, verified=match.verified))
    try:
        raws = crypto.entries_open(
            entries=[_sealed(e) for e in rows], threshold=match.threshold, counselor_secret_key=access.team_secret
        )
    except crypto.CryptoError:
        audit_record(actor=access.user, action=Action.ESCROW_MATCH_OPENED, obj=match)
        return OpenedMatch(match=match, entries=[], openable=False)
    pairs = list(zip(rows, raws, strict=True))
    if match.verified and raws:
        pairs += _unverified_at(access, json.loads(raws[0]), match.threshold)
    opened = [_opened(entry, raw) for entry, raw in pairs]
    audit_record(actor=access.user, action=Action.ESCROW_MATCH_OPENED, obj=match)
    for entry, _raw in pairs:
        audit_record(actor=access.user, action=Action.ESCROW_ENTRY_READ, obj=entry)
    return OpenedMatch(match=match, entries=opened, openable=True)


def match_message_create(
    *, access: CounselorAccess, opened: OpenedMatch, entry: OpenedEntry, body: str
) -> ThreadMessage:
    """Write to the reporter behind one entry of an opened match; audited against the match."""
    message = thread_message_create(
        vault_id=entry.vault_id,
        thread_key=entry.thread_key,
        body=body,
        author_kind=ThreadMessage.Author.COUNSELOR,
        author=access.user,
    )
    audit_record(actor=access.user, action=Action.ESCROW_MESSAGE, obj=opened.match)
    return message
