"""All of Confide's cryptography, behind one narrow API (crypto.md). Nothing else imports nacl or rbcl."""

from confide.crypto.errors import (
    CryptoError,
    DecryptionError,
    KeyFormatError,
    ReceiptFormatError,
    WrongPasswordError,
)
from confide.crypto.macs import mac_hex_equal, salted_mac_hex, sha256_hex
from confide.crypto.oprf import OprfError, OprfVerifyError
from confide.crypto.oprf import public_key as oprf_public_key
from confide.crypto.oprf import random_scalar as oprf_key_generate
from confide.crypto.oprf import voprf_blind as oprf_blind
from confide.crypto.oprf import voprf_blind_evaluate as oprf_blind_evaluate
from confide.crypto.oprf import voprf_finalize as oprf_finalize
from confide.crypto.passwords import (
    PRODUCTION_COST,
    TEST_COST,
    PasswordCost,
    WrappedSecretKey,
    secret_key_rewrap,
    secret_key_unwrap,
    secret_key_wrap,
    session_unlock_open,
    session_unlock_seal,
)
from confide.crypto.primitives import (
    KEY_BYTES,
    KeyPair,
    aead_decrypt,
    aead_encrypt,
    constant_time_equal,
    keyed_hash,
    keypair_generate,
    public_key_from_secret,
    random_bytes,
    random_key,
    seal,
    unseal,
)
from confide.crypto.receipt_wraps import (
    receipt_unwrap,
    receipt_wrap,
    receipt_wrap_cover,
    receipt_wrap_key,
    receipt_wrap_uncover,
)
from confide.crypto.receipts import (
    RECEIPT_BITS,
    RECEIPT_WORDS,
    receipt_generate,
    receipt_lookup,
    receipt_normalise,
    receipt_words,
)
from confide.crypto.shares import (
    SealedEntry,
    entries_open,
    entries_open_with_wrap_key,
    entry_seal,
    match_index,
    unlinked_input,
    wrap_key_for,
)
from confide.crypto.streams import (
    CHUNK_SIZE,
    StreamEncryptor,
    padded_size,
    stream_decrypt,
    stream_encrypt_bytes,
)

__all__ = [
    "CHUNK_SIZE",
    "KEY_BYTES",
    "PRODUCTION_COST",
    "RECEIPT_BITS",
    "RECEIPT_WORDS",
    "TEST_COST",
    "CryptoError",
    "DecryptionError",
    "KeyFormatError",
    "KeyPair",
    "OprfError",
    "OprfVerifyError",
    "PasswordCost",
    "ReceiptFormatError",
    "SealedEntry",
    "StreamEncryptor",
    "WrappedSecretKey",
    "WrongPasswordError",
    "aead_decrypt",
    "aead_encrypt",
    "constant_time_equal",
    "entries_open",
    "entries_open_with_wrap_key",
    "entry_seal",
    "keyed_hash",
    "keypair_generate",
    "mac_hex_equal",
    "match_index",
    "oprf_blind",
    "oprf_blind_evaluate",
    "oprf_finalize",
    "oprf_key_generate",
    "oprf_public_key",
    "padded_size",
    "public_key_from_secret",
    "random_bytes",
    "random_key",
    "receipt_generate",
    "receipt_lookup",
    "receipt_normalise",
    "receipt_unwrap",
    "receipt_words",
    "receipt_wrap",
    "receipt_wrap_cover",
    "receipt_wrap_key",
    "receipt_wrap_uncover",
    "salted_mac_hex",
    "seal",
    "secret_key_rewrap",
    "secret_key_unwrap",
    "secret_key_wrap",
    "session_unlock_open",
    "session_unlock_seal",
    "sha256_hex",
    "stream_decrypt",
    "stream_encrypt_bytes",
    "unlinked_input",
    "unseal",
    "wrap_key_for",
]
