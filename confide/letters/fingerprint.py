"""Leak tracing: each recipient's copy carries a distinct code, invisibly and twice over.

1. Zero-width: after each sentence, a word joiner followed by the 32 code bits as zero-width space (0) and
   zero-width non-joiner (1). Survives copy-paste in every browser; trivially stripped by someone who knows.
2. Space variants: the j-th space between words is a normal space (bit j mod 32 = 0) or a no-break space (1).
   Survives stripping zero-width characters. An excerpt is matched at every rotation, so any part of the text
   long enough (≥ MIN_SPACE_BITS spaces) points at the copy.
Codes have exactly half their bits set, so a text with only normal spaces matches nothing.
Known limit: a text retyped, or with both zero-width characters stripped and spaces normalised, is untraceable.
"""

import re
import secrets
from collections.abc import Hashable, Mapping
from typing import TypeVar

CODE_BITS = 32
MIN_SPACE_BITS = 24
SPACE_AGREEMENT = 0.95
_ZERO, _ONE, _MARK = "\u200b", "\u200c", "\u2060"
_NBSP = "\u00a0"
_ZW_RE = re.compile(_MARK + f"([{_ZERO}{_ONE}]{{{CODE_BITS}}})")
_SENTENCE_END = re.compile(r"([.!?])(?=\s)")
_SPACES = re.compile(r"(?<=\S)[ \u00a0](?=\S)")

Key = TypeVar("Key", bound=Hashable)


def code_generate(*, taken: set[int] | frozenset[int] = frozenset()) -> int:
    while True:
        positions: set[int] = set()
        while len(positions) < CODE_BITS // 2:
            positions.add(secrets.randbelow(CODE_BITS))
        code = sum(1 << p for p in positions)
        if code not in taken:
            return code


def _bit(code: int, index: int) -> int:
    return (code >> (index % CODE_BITS)) & 1


def _zw(code: int) -> str:
    return _MARK + "".join(_ONE if _bit(code, i) else _ZERO for i in range(CODE_BITS))


def embed(text: str, *, code: int, start: int = 0) -> tuple[str, int]:
    """The text with `code` in it; returns the text and the space counter to continue from in the next field."""
    counter = start

    def space(_match: re.Match) -> str:
        nonlocal counter
        bit = _bit(code, counter)
        counter += 1
        return _NBSP if bit else " "

    marked = _SPACES.sub(space, text)
    marked = _SENTENCE_END.sub(lambda m: m.group(1) + _zw(code), marked)
    if text and not _ZW_RE.search(marked):
        marked += _zw(code)
    return marked, counter


def _zw_codes(text: str) -> set[int]:
    codes = set()
    for match in _ZW_RE.finditer(text):
        codes.add(sum(1 << i for i, ch in enumerate(match.group(1)) if ch == _ONE))
    return codes


def _space_bits(text: str) -> list[int]:
    cleaned = text.replace(_ZERO, "").replace(_ONE, "").replace(_MARK, "")
    return [1 if m.group(0) == _NBSP else 0 for m in _SPACES.finditer(cleaned)]


def _space_score(bits: list[int], code: int) -> float:
    best = 0
    for offset in range(CODE_BITS):
        agree = sum(1 for k, b in enumerate(bits) if b == _bit(code, k + offset))
        best = max(best, agree)
    return best / len(bits)


def match(text: str, *, candidates: Mapping[Key, int]) -> list[Key]:
    """The candidates (key -> code) whose code the pasted text carries. Empty: no match."""
    found = _zw_codes(text)
    hits = [key for key, code in candidates.items() if code in found]
    if hits:
        return hits
    bits = _space_bits(text)
    if len(bits) < MIN_SPACE_BITS or 1 not in bits:
        return []
    scores = {key: _space_score(bits, code) for key, code in candidates.items()}
    return [key for key, score in scores.items() if score >= SPACE_AGREEMENT]
