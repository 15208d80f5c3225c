"""Moved to confide.accounts.services.totp (and the sign-in throttle to services.sign_in). This name stays only
for tests/conftest.py's import until tests are reorganised; import from services.totp."""

from confide.accounts.services.totp import totp_secret_store

__all__ = ["totp_secret_store"]
