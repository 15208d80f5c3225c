"""Shapes of the letters API."""

from datetime import date
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from confide.letters.content import MAX_ANSWER, MAX_ATTENDEES, MAX_REQUEST, MAX_SHORT, MAX_TEXT, MAX_TITLE, MAX_TRACE
from confide.letters.selectors.common import LetterOverview, UpdateView

ContactId = Annotated[int, Field(ge=1, le=2_147_483_647)]
Short = Annotated[str, Field(max_length=MAX_SHORT)]


class ContactOut(Schema):
    id: int
    name: str
    independent_body: bool = False  # the only recipients a letter about the leadership may have


class DraftIn(Schema):
    title: str = Field(max_length=MAX_TITLE)
    text: str = Field(max_length=MAX_TEXT)
    request: str = Field(default="", max_length=MAX_REQUEST)
    recipients: list[ContactId] = Field(max_length=50)
    threshold: int = Field(ge=-1_000_000, le=1_000_000)
    deadline: date | None = None
    release_at_deadline: bool = False
    attendees: list[Short] = Field(default=[], max_length=MAX_ATTENDEES)
    fingerprinted: bool = Field(
        default=True, description="Mark each recipient's copy invisibly so that a leaked copy can be traced."
    )
    about_leadership: bool = Field(
        default=False,
        description="About the candidate or senior leadership: then the recipients may only be independent bodies.",
    )


class Drafted(Schema):
    receipt: str
    invitation_token: str
    status: str


class UpdateOut(Schema):
    seq: int
    author_kind: str
    body: str
    created_on: date


class LetterOut(Schema):
    """What participants see: the letter and the count, never a signer."""

    status: str
    title: str
    text: str
    request: str
    recipients: list[str]
    attendees: list[str]
    threshold: int
    signatures: int
    deadline: date | None
    fingerprinted: bool
    about_leadership: bool = False
    meeting_status: str
    meeting: dict
    updates: list[UpdateOut]


class OwnSignatureOut(Schema):
    name: str
    role: str
    cohort: str
    visibility: str


class MineOut(LetterOut):
    role: Literal["organizer", "signer"]
    signature_id: str | None
    signature: OwnSignatureOut | None = Field(description="A signer's own signature, as they signed it.")
    invitation_token: str | None


class EmailIn(Schema):
    email: str = Field(max_length=254)


class ChallengeOut(Schema):
    challenge: str
    detail: str


class SignIn(Schema):
    challenge: str | None = Field(default=None, max_length=64)
    code: str | None = Field(default=None, max_length=12)
    vouch: str | None = Field(default=None, max_length=200)
    name: str = Field(max_length=MAX_SHORT)
    role: str = Field(default="", max_length=MAX_SHORT)
    cohort: str = Field(default="", max_length=MAX_SHORT)
    visibility: Literal["name", "verified"]


class SignedOut(Schema):
    receipt: str
    signature_id: str
    signatures: int


class SignatureOut(Schema):
    id: str
    name: str
    role: str
    cohort: str
    visibility: str


class LetterSummary(Schema):
    id: str
    organization: str
    status: str
    threshold: int
    signatures: int
    created_on: date
    released_on: date | None
    meeting_status: str


class ThirdPartyLetterOut(LetterOut):
    id: str
    organization: str
    signature_list: list[SignatureOut]


class ReviewIn(Schema):
    decision: Literal["approve", "decline"]
    note: str = Field(default="", max_length=MAX_REQUEST)


class ReleaseIn(Schema):
    confirm_verified: bool


class CopySummary(Schema):
    id: str
    organization: str
    released_on: date | None
    acknowledged_on: date | None


class CopyOut(CopySummary):
    title: str
    text: str
    request: str
    signatures: list[str]
    attendees: list[str]
    meeting_status: str
    meeting: dict
    updates: list[UpdateOut]


class LetterMessageIn(Schema):
    """The organizer's message, or a recipient's answer."""

    body: str = Field(max_length=MAX_ANSWER)


class ThirdPartyMessageIn(Schema):
    body: str = Field(max_length=MAX_REQUEST)
    to_recipients: bool = Field(default=False, description="After delivery, also to the recipients.")


class GrantIn(Schema):
    username: str = Field(max_length=150)


class MeetingIn(Schema):
    times: list[Short] | None = Field(default=None, max_length=10)
    attendee: str | None = Field(default=None, max_length=MAX_SHORT)
    decision: Literal["accept", "decline"] | None = None
    status: Literal["scheduled", "held", "follow_up"] | None = None
    note: str = Field(default="", max_length=MAX_ANSWER)


class TraceIn(Schema):
    text: str = Field(max_length=MAX_TRACE)


class TraceMatch(Schema):
    letter_id: str
    copy_id: str
    recipient: str


class VouchOut(Schema):
    code: str


def letter_out(overview: LetterOverview) -> dict:
    letter, content = overview.letter, overview.content
    return {
        "status": letter.status,
        "title": content.title,
        "text": content.text,
        "request": content.request,
        "recipients": [r.name for r in content.recipients],
        "attendees": content.attendees,
        "threshold": letter.threshold,
        "signatures": overview.count,
        "deadline": letter.deadline,
        "fingerprinted": letter.fingerprinted,
        "about_leadership": letter.about_leadership,
        "meeting_status": letter.meeting_status,
        "meeting": overview.meeting,
        "updates": [updates_out(u) for u in overview.updates],
    }


def updates_out(update: UpdateView) -> dict:
    return {"seq": update.seq, "author_kind": update.author_kind, "body": update.body, "created_on": update.created_on}
