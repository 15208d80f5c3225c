"""Staff API tokens: a bearer token that both authenticates and unlocks; the token table alone can do neither."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from confide import crypto
from confide.accounts.access import Unlocked
from confide.accounts.keys import api_token_lookup, api_token_unlock_key
from confide.accounts.models import ApiToken


def api_token_issue(*, unlocked: Unlocked) -> tuple[str, ApiToken]:
    token = secrets.token_urlsafe(32)
    row = ApiToken(
        user=unlocked.user,
        lookup=api_token_lookup(token),
        expires_at=timezone.now() + timedelta(seconds=settings.CONFIDE_API_TOKEN_AGE),
    )
    row.unlock_blob = crypto.aead_encrypt(api_token_unlock_key(token), unlocked.secret_key, ad=row.id.bytes)
    row.save()
    return token, row


def api_token_resolve(*, token: str) -> Unlocked | None:
    if not token or len(token) > 100:
        return None
    row = (
        ApiToken.objects.select_related("user")
        .filter(lookup=api_token_lookup(token), expires_at__gt=timezone.now(), user__is_active=True)
        .first()
    )
    if row is None:
        return None
    try:
        secret_key = crypto.aead_decrypt(api_token_unlock_key(token), bytes(row.unlock_blob), ad=row.id.bytes)
    except crypto.DecryptionError:
        return None
    return Unlocked(user=row.user, secret_key=secret_key)


def api_token_revoke(*, token: str) -> None:
    ApiToken.objects.filter(lookup=api_token_lookup(token)).delete()
