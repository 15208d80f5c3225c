"""`seed_demo --reset-passwords`: the demo logins print once, and their keys are wrapped under those passwords,
so a lost demo password cannot be changed the normal way. Each existing demo account gets a new random password
over a NEW key pair, its authenticator cleared (it enrols again at the next sign-in) and its API tokens revoked.

What was sealed to the old key stays sealed to it: the account's access to earlier demo cases and letters, and
the counselor's copy of the team key, are removed rather than left unopenable. To keep them, the operator uses
`staff_recover USER --reset-totp` with the recovery key instead. Demo accounts only: never a real one."""

import secrets
from dataclasses import dataclass

from django.db import transaction

from confide import crypto
from confide.accounts.keys import password_cost, wrapped_key_store
from confide.accounts.models import ApiToken, User
from confide.audit.services import Action, audit_record
from confide.demo.seed import DEMO_CALL_TAKER, DEMO_HANDLER
from confide.escrow.demo import DEMO_COUNSELOR
from confide.escrow.models import CounselorKeyWrap
from confide.letters.models import LetterKeyWrap
from confide.letters.provisioning import DEMO_CONTACT
from confide.reports.models import KeyWrap

DEMO_USERNAMES = (DEMO_HANDLER, DEMO_CALL_TAKER, DEMO_CONTACT, DEMO_COUNSELOR)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str


def demo_passwords_reset() -> list[DemoLogin]:
    """New password and key pair for every demo account that exists, in DEMO_USERNAMES order."""
    logins = []
    for user in sorted(
        User.objects.filter(username__in=DEMO_USERNAMES), key=lambda u: DEMO_USERNAMES.index(u.username)
    ):
        password = secrets.token_urlsafe(12)
        pair = crypto.keypair_generate()
        with transaction.atomic():
            user.public_key = pair.public_key
            wrapped_key_store(
                user,
                crypto.secret_key_wrap(
                    pair.secret_key, password=password, owner_id=user.key_owner_id, cost=password_cost()
                ),
            )
            user.set_password(password)
            user.totp_sealed, user.totp_last_step = None, None
            user.save()
            KeyWrap.objects.filter(user=user).delete()
            LetterKeyWrap.objects.filter(user=user).delete()
            CounselorKeyWrap.objects.filter(user=user).delete()
            ApiToken.objects.filter(user=user).delete()
            audit_record(actor=None, action=Action.STAFF_RECOVERED, subject=user)
        logins.append(DemoLogin(user.username, password))
    return logins
