"""What a counselor may read: matches, never anything below the threshold. Access control for matches lives
here. Counselors have no OPRF access: nothing in this module evaluates one."""

import json
import uuid
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.core.identifiers import identifier_display, identifier_kind
from confide.escrow.models import Entry, Match
from confide.escrow.team import counselor_team_secret


class MatchNotFound(Exception):
    pass


@dataclass(frozen=True)
class CounselorAccess:
    user: object
    team_secret: bytes = field(repr=False)


def counselor_access_get(*, user, secret_key: bytes | None) -> CounselorAccess | None:
    if secret_key is None:
        return None
    team_secret = counselor_team_secret(user=user, secret_key=secret_key)
    if team_secret is None:
        return None
    return CounselorAccess(user=user, team_secret=team_secret)


def matches_list(*, access: CounselorAccess) -> QuerySet[Match]:
    return Match.objects.all()


@dataclass(frozen=True)
class OpenedEntry:
    id: uuid.UUID
    identifier: str
    kind: str
    text: str
    written_on: date
    organization: str
    verified: bool
    vault_id: uuid.UUID
    thread_key: bytes = field(repr=False)


@dataclass(frozen=True)
class OpenedMatch:
    match: Match
    entries: list[OpenedEntry]
    openable: bool  # False when withdrawals left fewer than the threshold


def _sealed(entry: Entry) -> crypto.SealedEntry:
    return crypto.SealedEntry(index=bytes(entry.index), blob=bytes(entry.blob), ciphertext=bytes(entry.ciphertext))


def _opened(entry: Entry, raw: bytes) -> tuple[OpenedEntry, dict]:
    data = json.loads(raw)
    return (
        OpenedEntry(
            id=entry.id,
            identifier=identifier_display(data["identifier"]),
            kind=identifier_kind(data["identifier"]),
            text=data["text"],
            written_on=date.fromisoformat(data["written_on"]),
            organization=data["organization"],
            verified=bool(data["verified"]) and entry.verified,
            vault_id=uuid.UUID(data["vault"]),
            thread_key=bytes.fromhex(data["thread_key"]),
        ),
        data,
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
    """Open every entry of a match; audited (opening, and each entry read)."""
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
    opened = [_opened(entry, raw)[0] for entry, raw in pairs]
    audit_record(actor=access.user, action=Action.ESCROW_MATCH_OPENED, obj=match)
    for entry, _raw in pairs:
        audit_record(actor=access.user, action=Action.ESCROW_ENTRY_READ, obj=entry)
    return OpenedMatch(match=match, entries=opened, openable=True)


def match_entry_get(*, opened: OpenedMatch, entry_id: uuid.UUID) -> OpenedEntry:
    for entry in opened.entries:
        if entry.id == entry_id:
            return entry
    raise MatchNotFound()
