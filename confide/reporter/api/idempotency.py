"""The `Idempotency-Key` header of the calls that make something and answer a receipt once: a report, a
letter's draft, a vault. Retried with the same key (and body), the call makes nothing more and answers the same
(reports.services.once); only a peppered keyed hash of the key is kept, the answer encrypted under it."""

from typing import Any

from django.http import HttpResponse
from ninja import Header

from confide.reports.services.once import Answer

REPLAYED = "Idempotent-Replayed"


def idempotency_header(made: str) -> Any:
    """The optional header, described for what the call makes ("the report is filed", "the vault is opened")."""
    description = (
        f"Optional. Send the same key again (a retry after a timeout) and {made} once: the same key with the same "
        "body gets the same answer (201, the same receipt, with `Idempotent-Replayed: true`) for at least 24 "
        "hours; the same key with a different body gets 409 and makes nothing. Use a new random key (for example "
        "a UUID) every time. Only a keyed hash of the key is kept, with the answer encrypted under it."
    )
    return Header(None, alias="Idempotency-Key", min_length=1, max_length=255, description=description)


def replayed_mark(response: HttpResponse, answer: Answer) -> None:
    if answer.replayed:
        response[REPLAYED] = "true"
