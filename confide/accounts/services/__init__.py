"""Every write of the accounts app, one module per job:

- staff.py: staff_create (an account and its key pair)
- sign_in.py: staff_unlock, staff_sign_in, SignedIn
- sign_in_throttle.py: the sign-in throttle's two counters (strangers' failures, wrong second factors)
- totp.py: the second factor (enrol, match, no replay)
- passkeys.py, passkey_sign_in.py, passkey_challenges.py: WebAuthn passkeys, the other second factor
- sessions.py: the unlocked key between requests (session blob + unlock cookie)
- tokens.py: API tokens (issue, resolve, revoke)
- passwords.py: staff_password_change
- invitations.py: invitation links
- provisioning.py: the operator's management commands

Import from those modules; this package re-exports nothing.
"""
