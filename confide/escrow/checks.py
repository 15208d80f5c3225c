"""The escrow's deployment check (registered by apps.py, so it imports no models): a remote key holder needs
its public key pinned before the first reporter names anyone."""

import binascii

from django.conf import settings
from django.core import checks

from confide.core import keyfiles


def oprf_public_key_configured() -> bytes | None:
    """CONFIDE_OPRF_PUBLIC_KEY, decoded, or None when it is missing or malformed."""
    try:
        key = keyfiles.decode_key(getattr(settings, "CONFIDE_OPRF_PUBLIC_KEY", ""))
    except (ValueError, binascii.Error):
        return None
    return key if len(key) == 32 else None


def oprf_settings_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Fail at deployment, not on a reporter's first entry, when a remote key holder has no pinned key."""
    if settings.CONFIDE_OPRF_URL and oprf_public_key_configured() is None:
        return [
            checks.Error(
                "CONFIDE_OPRF_URL is set without a valid CONFIDE_OPRF_PUBLIC_KEY.",
                hint="Run `manage.py oprf_public_key` where the oprf.key file is and set its output.",
                id="escrow.E001",
            )
        ]
    return []
