"""Every keyed-hash label and every associated-data (AD) prefix Confide uses, in one place (crypto.md).

A label keeps one use of a hash or a key apart from every other: a value derived for one purpose must never be
accepted for another. Two uses sharing a label would break that, so tests/crypto/test_labels.py checks that
every label differs and that no AD prefix is the start of another. These strings are part of the storage
format: changing one makes what was stored under it unreadable, so they are never edited, only added.
"""

# keyed_hash labels: receipts (the pepper makes a lookup uncheckable from a database copy alone)
RECEIPT_LOOKUP = "receipt-lookup"
RECEIPT_KEY = "receipt-key"
VAULT_RECEIPT_LOOKUP = "vault-receipt-lookup"
VAULT_RECEIPT_KEY = "vault-receipt-key"
LETTER_RECEIPT_LOOKUP = "letter-receipt-lookup"
LETTER_RECEIPT_KEY = "letter-receipt-key"
LETTER_INVITE_LOOKUP = "letter-invite-lookup"
LETTER_INVITE_KEY = "letter-invite-key"
LETTER_VOUCH_LOOKUP = "letter-vouch-lookup"
LETTER_VOUCH_ACCOUNT = "letter-vouch-account"
LETTER_SIGNER = "letter-signer"
RECEIPT_WRAP_COVER = "receipt-wrap-cover"  # the pepper layer over wraps made before R took the pepper

# keyed_hash labels: the reporter's browser-session cookies (keys derived from Django's secret key)
REPORTER_COOKIE = "reporter-cookie"
VAULT_COOKIE = "vault-cookie"
LETTER_COOKIE = "letter-cookie"
SHOWN_RECEIPT_COOKIE = "shown-receipt-cookie"  # the receipt on its way from a POST to the page that shows it
TYPE_BACK = "receipt-type-back"  # the word positions a receipt page asks for

# keyed_hash labels: filing once (a form's one-time token, an API Idempotency-Key)
SUBMISSION_LOOKUP = "submission-lookup"
SUBMISSION_KEY = "submission-key"
SUBMISSION_BODY = "submission-body"

# keyed_hash labels: verified accounts and the escrow (crypto.md §4)
ACCOUNT = "account"
ACCOUNT_UNVERIFIED = "account-unverified"
ROSTER = "roster"
VERIFICATION_CODE = "verification-code"
VERIFICATION_MAIL = "verification-mail"  # the key of a queued code email (pepper-derived)
OPRF_RATE = "oprf-rate"
OPRF_POOL = "oprf-pool"  # unverified evaluations per organization and per deployment
MATCH_INDEX = "match-index"
SHARE_WRAP = "wrap"
SHARE_COEFFICIENT = "coef-"  # followed by the coefficient's number
UNVERIFIED_POINT = "unverified-p"

# keyed_hash labels: staff
TOTP_SECRET = "totp-secret"
SIGNIN_THROTTLE = "signin-throttle"
API_TOKEN_LOOKUP = "api-token-lookup"
API_TOKEN_UNLOCK = "api-token-unlock"
INVITATION = "invitation"
PASSKEY_CHALLENGE = "passkey-challenge"  # a waiting WebAuthn challenge is kept as this hash only
PASSKEY_USER = "passkey-user"  # the WebAuthn user handle: no id or name of the account in it
AUDIT = "audit"
THROTTLE_BUCKET = "throttle-bucket"  # names of the shared flood counters (no organization or report in clear)
HOTLINE_READ_BACK = "confide.hotline.read_back"  # salt of the read-back MAC under Django's secret key
# keyed_hash label: the key sealing reporters' reply-notice addresses, derived from the pepper
REPLY_NOTICE = "reply-notice"
# keyed_hash labels: verified-anonymous surveys (confide/surveys/DESIGN.md), each peppered
SURVEY_CREDENTIAL = "survey-credential"  # the MAC over (round, nonce) that a respondent redeems once
SURVEY_MARKER = "survey-marker"  # once per person and round, keyed by the round: unlinkable across rounds
SURVEY_SPENT = "survey-spent"  # the spent set, over a credential's nonce
SURVEY_PENDING = "survey-pending"  # the key of responses waiting for their batch
SURVEY_TEXT_LOOKUP = "survey-text-lookup"
SURVEY_TEXT_KEY = "survey-text-key"
# keyed_hash label: the key over the server's half of a sealed identity (pepper-derived, crypto.md §2)
IDENTITY_SHARE = "identity-share"

HASH_LABELS = [
    RECEIPT_LOOKUP,
    RECEIPT_KEY,
    VAULT_RECEIPT_LOOKUP,
    VAULT_RECEIPT_KEY,
    LETTER_RECEIPT_LOOKUP,
    LETTER_RECEIPT_KEY,
    LETTER_INVITE_LOOKUP,
    LETTER_INVITE_KEY,
    LETTER_VOUCH_LOOKUP,
    LETTER_VOUCH_ACCOUNT,
    LETTER_SIGNER,
    RECEIPT_WRAP_COVER,
    REPORTER_COOKIE,
    VAULT_COOKIE,
    LETTER_COOKIE,
    SHOWN_RECEIPT_COOKIE,
    TYPE_BACK,
    SUBMISSION_LOOKUP,
    SUBMISSION_KEY,
    SUBMISSION_BODY,
    ACCOUNT,
    ACCOUNT_UNVERIFIED,
    ROSTER,
    VERIFICATION_CODE,
    VERIFICATION_MAIL,
    OPRF_RATE,
    OPRF_POOL,
    MATCH_INDEX,
    SHARE_WRAP,
    SHARE_COEFFICIENT,
    UNVERIFIED_POINT,
    TOTP_SECRET,
    SIGNIN_THROTTLE,
    API_TOKEN_LOOKUP,
    API_TOKEN_UNLOCK,
    INVITATION,
    PASSKEY_CHALLENGE,
    PASSKEY_USER,
    AUDIT,
    THROTTLE_BUCKET,
    HOTLINE_READ_BACK,
    REPLY_NOTICE,
    SURVEY_CREDENTIAL,
    SURVEY_MARKER,
    SURVEY_SPENT,
    SURVEY_PENDING,
    SURVEY_TEXT_LOOKUP,
    SURVEY_TEXT_KEY,
    IDENTITY_SHARE,
]

# AD prefixes: each ciphertext is bound to what it is and to the row it belongs to
AD_REPORT = b"report:"
AD_MESSAGE = b"message:"
AD_FILE_KEY = b"file-key:"
AD_FILE_META = b"file-meta:"
AD_FILE_STREAM = b"file-stream:"
AD_NOTE = b"note:"
AD_VAULT = b"vault:"
AD_VAULT_RECORD = b"vault-record:"
AD_VAULT_COPY = b"vault-copy:"
AD_VAULT_THREAD = b"vault-thread:"
AD_LETTER = b"letter:"  # followed by the part ("text", "update", …), a colon and the ids
AD_TOTP = b"totp:"  # followed by the user's id
AD_USER = b"user:"  # followed by the user's id: a staff secret key's owner
AD_SESSION_UNLOCK = b"confide-session-unlock"
AD_SUBMISSION = b"submission:"  # followed by the row's lookup
AD_VERIFICATION_MAIL = b"verification-mail:"  # a queued code email, whose challenge id it carries inside
AD_REPLY_NOTICE = b"reply-notice:"  # followed by the report's id
# Signature context (not AEAD): an organization's figures exported by Confide, signed with Ed25519
AD_INSIGHT_EXPORT = b"confide-insight-export-v1:"
AD_SURVEY_PENDING = b"survey-pending:"  # followed by the round's id and the row's id
AD_SURVEY_TEXT = b"survey-text:"  # followed by the free-text answer's id
# Outside investigators and sealed identities (issue 15), each followed by the report's id (and the row's)
AD_IDENTITY = b"identity:"
AD_IDENTITY_SHARE = b"identity-half:"
AD_REDACTION_KEY = b"redaction-key:"
AD_REDACTED = b"redacted:"
AD_REDACTION_MAP = b"redaction-map:"
AD_INVESTIGATION_ENTRY = b"investigation-entry:"
AD_HANDOVER = b"handover:"  # followed by the report's and the handover's ids
AD_LINKED_CASE = b"linked-case:"  # followed by the retaliation case's id and the original's

AD_PREFIXES = [
    AD_REPORT,
    AD_MESSAGE,
    AD_FILE_KEY,
    AD_FILE_META,
    AD_FILE_STREAM,
    AD_NOTE,
    AD_VAULT,
    AD_VAULT_RECORD,
    AD_VAULT_COPY,
    AD_VAULT_THREAD,
    AD_LETTER,
    AD_TOTP,
    AD_USER,
    AD_SESSION_UNLOCK,
    AD_SUBMISSION,
    AD_VERIFICATION_MAIL,
    AD_REPLY_NOTICE,
    AD_INSIGHT_EXPORT,
    AD_SURVEY_PENDING,
    AD_SURVEY_TEXT,
    AD_IDENTITY,
    AD_IDENTITY_SHARE,
    AD_REDACTION_KEY,
    AD_REDACTED,
    AD_REDACTION_MAP,
    AD_INVESTIGATION_ENTRY,
    AD_HANDOVER,
    AD_LINKED_CASE,
]
