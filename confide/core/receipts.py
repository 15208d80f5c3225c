"""Receipt input for every receipt-opened resource (reports, vaults, letters).

A malformed receipt must cost what a wrong one costs, or the response time would tell an attacker which
guesses are well formed: a malformed receipt is replaced by a decoy that every caller then looks up like a
real one, and only afterwards refused.
"""

from dataclasses import dataclass

from confide import crypto

_DECOY = "decoy " * 7 + "decoy"


@dataclass(frozen=True)
class ReceiptInput:
    normalised: str  # the canonical receipt, or the decoy
    valid: bool  # False when `normalised` is the decoy

    def __repr__(self) -> str:
        return f"ReceiptInput(valid={self.valid})"  # never the receipt itself


def receipt_normalise_or_decoy(receipt: object) -> ReceiptInput:
    """Never raises: look up `normalised` whatever `valid` says, then refuse when `valid` is False."""
    try:
        return ReceiptInput(crypto.receipt_normalise(receipt if isinstance(receipt, str) else ""), True)
    except crypto.ReceiptFormatError:
        return ReceiptInput(_DECOY, False)
