"""Attachment encryption with libsodium secretstream (crypto.md §2).

Fixed-size chunks keep memory flat for any file size. The plaintext is padded with zeros to a Padmé bucket
(Nikitin et al., PURBs, 2019: at most ~12% overhead) so the stored size says little; the real size is kept
inside the encrypted metadata and the padding is dropped on decryption.
"""

from collections.abc import Iterator
from typing import Protocol

import nacl.bindings as sodium
import nacl.exceptions

from confide.crypto.errors import DecryptionError
from confide.crypto.primitives import _check_key

CHUNK_SIZE = 64 * 1024
_MIN_BUCKET = 4096
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL


def padded_size(n: int) -> int:
    """Padmé: round n up so that only O(log log n) bits of its size remain visible."""
    if n <= _MIN_BUCKET:
        return _MIN_BUCKET
    e = n.bit_length() - 1  # floor(log2 n)
    s = e.bit_length()  # floor(log2 e) + 1
    mask = (1 << (e - s)) - 1
    return (n + mask) & ~mask


class StreamEncryptor:
    def __init__(self, key: bytes, *, ad: bytes) -> None:
        _check_key(key)
        self._ad = ad
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        self.header: bytes = sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, key)
        self._buffer = bytearray()
        self.plaintext_size = 0
        self._finished = False

    def _emit(self, chunk: bytes, tag: int) -> bytes:
        return sodium.crypto_secretstream_xchacha20poly1305_push(self._state, chunk, self._ad, tag)

    def push(self, data: bytes) -> bytes:
        if self._finished:
            raise ValueError("stream already finished")
        self.plaintext_size += len(data)
        self._buffer += data
        out = bytearray()
        # Keep at least one byte back so finish() always has a chunk to tag as final.
        while len(self._buffer) > CHUNK_SIZE:
            out += self._emit(bytes(self._buffer[:CHUNK_SIZE]), _TAG_MESSAGE)
            del self._buffer[:CHUNK_SIZE]
        return bytes(out)

    def finish(self) -> bytes:
        self._finished = True
        padding = padded_size(self.plaintext_size) - self.plaintext_size
        out = bytearray()
        while padding or self._buffer:
            room = CHUNK_SIZE - len(self._buffer)
            fill = min(room, padding)
            self._buffer += bytes(fill)
            padding -= fill
            tag = _TAG_FINAL if padding == 0 else _TAG_MESSAGE
            out += self._emit(bytes(self._buffer), tag)
            self._buffer.clear()
            if tag == _TAG_FINAL:
                break
        return bytes(out)


def stream_encrypt_bytes(key: bytes, data: bytes, *, ad: bytes) -> bytes:
    encryptor = StreamEncryptor(key, ad=ad)
    return encryptor.header + encryptor.push(data) + encryptor.finish()


class Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


def stream_decrypt(key: bytes, source: Readable, *, ad: bytes, plaintext_size: int) -> Iterator[bytes]:
    """Yield plaintext chunks (padding dropped). Fails on tampering, truncation or trailing data."""
    _check_key(key)
    header = source.read(_HEADER)
    if len(header) != _HEADER:
        raise DecryptionError("stream header missing")
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    try:
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
    except nacl.exceptions.CryptoError:
        raise DecryptionError("bad stream header") from None
    remaining = plaintext_size
    while True:
        chunk = source.read(CHUNK_SIZE + _ABYTES)
        if not chunk:
            raise DecryptionError("stream truncated")
        try:
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, chunk, ad)
        except nacl.exceptions.CryptoError:
            raise DecryptionError("stream chunk failed authentication") from None
        if remaining > 0:
            part = plain[:remaining]
            remaining -= len(part)
            yield part
        if tag == _TAG_FINAL:
            if source.read(1):
                raise DecryptionError("data after the final chunk")
            if remaining:
                raise DecryptionError("stream shorter than its recorded size")
            return
