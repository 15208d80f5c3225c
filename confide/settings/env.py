"""Settings from the environment, refused loudly when a value cannot mean what was meant (after healthchecks'
hc/settings.py envbool/envint): a typo in a deployment's environment stops the start instead of silently
becoming a default. Unset, or set to the empty string, means the default, except for envstr and envlist, where
empty is a value."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None or not value.strip() else value.strip()


def envstr(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    """1/0, true/false, yes/no, on/off, in any case; anything else is refused."""
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: use 1/0, true/false, yes/no or on/off.")


def envint(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: a whole number is needed.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number}: it must be at least {minimum}.")
    return number


def envfloat(name: str, default: float, *, minimum: float | None = None) -> float:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: a number is needed.") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ImproperlyConfigured(f"{name}={value!r}: a finite number is needed.")
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number}: it must be at least {minimum}.")
    return number


def envlist(name: str, default: list[str]) -> list[str]:
    """Comma-separated; blanks around an item are dropped, and so are empty items ("" is the empty list)."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]
