"""The one error family the domain raises. The web layer maps it once (confide.web.errors) for pages and the
API, so a service never knows about HTTP and a view never guesses a status.

- `Refused`: the request cannot be done as asked. `message` is a sentence for the person who asked (already
  translated), `field` names the input at fault when there is one.
- `NotFound`: the thing is missing *or* the caller may not see it — deliberately one error (threat model G3,
  G4), always answered with the same words.
- `Conflict`: the request is well formed but the thing's state forbids it now (an illegal transition).
- `Unavailable`: a service we depend on is down; the caller may try again (`retry_after` seconds).
"""


class Refused(Exception):
    """Bad input or a refused step; answered with a 4xx (400 unless a subclass says otherwise)."""

    status = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = str(message)
        self.field = field


class NotFound(Refused):
    """Missing or not visible: one answer for both, so a guess learns nothing."""

    status = 404

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        super().__init__(message or "Not found.", field=field)


class Conflict(Refused):
    status = 409


class Unavailable(Refused):
    """A dependency is down or busy: answered 503 (or 429 for a spent allowance) with Retry-After."""

    status = 503

    def __init__(self, message: str, *, retry_after: int = 60, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.retry_after = retry_after
