"""Reports as stored, in three rooms: the case itself, investigations and sealed identities, and what comes
after speaking up. Everything else imports from here."""

from confide.reports.models.aftercare import CheckIn, CheckInPlan, Handover, HolderExclusionRequest
from confide.reports.models.case import (
    INBOX_ORDER,
    Attachment,
    AttachmentChunk,
    Author,
    CaseExclusion,
    CaseLink,
    DeletionRequest,
    InternalNote,
    KeyWrap,
    Label,
    Message,
    ReplyNotice,
    Report,
    Submission,
)
from confide.reports.models.investigation import (
    IdentityDisclosure,
    IdentityShare,
    Investigation,
    InvestigationEntry,
    RedactedVersion,
    RedactionLog,
    SealedIdentity,
)

__all__ = [
    "INBOX_ORDER",
    "Attachment",
    "AttachmentChunk",
    "Author",
    "CaseExclusion",
    "CaseLink",
    "CheckIn",
    "CheckInPlan",
    "DeletionRequest",
    "Handover",
    "HolderExclusionRequest",
    "IdentityDisclosure",
    "IdentityShare",
    "InternalNote",
    "Investigation",
    "InvestigationEntry",
    "KeyWrap",
    "Label",
    "Message",
    "RedactedVersion",
    "RedactionLog",
    "ReplyNotice",
    "Report",
    "SealedIdentity",
    "Submission",
]
