"""The offline-recovery flow (crypto.md §1): the recovery key restores a staff member's cases when their
password is lost, re-sealing every report key they held to a new key pair."""

from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from confide import crypto
from confide.accounts.keys import password_cost, wrapped_key_store
from confide.accounts.models import ApiToken, User
from confide.accounts.services.passkeys import passkeys_remove_all
from confide.audit.services import Action, audit_record
from confide.core import keyfiles
from confide.reports.content import RecoveryRefused
from confide.reports.models import KeyWrap, Report


@dataclass(frozen=True)
class Recovered:
    cases: int


def staff_recover(*, username: str, recovery_secret_key: bytes, new_password: str, reset_totp: bool) -> Recovered:
    """Give a staff member who lost their password a new key pair, and re-seal to it every case they held
    (opening each report key with the offline recovery key). Exclusions stay: no wrap, nothing re-sealed."""
    try:
        matches = crypto.public_key_from_secret(recovery_secret_key) == keyfiles.recovery_public_key()
    except crypto.CryptoError:
        matches = False
    if not matches:
        raise RecoveryRefused("This is not the deployment's recovery key.")
    user = User.objects.filter(username=username).first()
    if user is None:
        raise RecoveryRefused(f"No staff member {username!r}.")
    validate_password(new_password, user)
    pair = crypto.keypair_generate()
    wraps = list(KeyWrap.objects.filter(user=user).select_related("report"))
    for wrap in wraps:
        report: Report = wrap.report
        report_key = crypto.unseal(recovery_secret_key, bytes(report.recovery_wrap))
        wrap.sealed_key = crypto.seal(pair.public_key, report_key)
    with transaction.atomic():
        user.public_key = pair.public_key
        wrapped_key_store(
            user,
            crypto.secret_key_wrap(
                pair.secret_key, password=new_password, owner_id=user.key_owner_id, cost=password_cost()
            ),
        )
        user.set_password(new_password)
        if reset_totp:
            user.totp_sealed, user.totp_last_step = None, None
            passkeys_remove_all(user=user)
        user.save()
        KeyWrap.objects.bulk_update(wraps, ["sealed_key"], batch_size=500)
        ApiToken.objects.filter(user=user).delete()
        audit_record(actor=None, action=Action.STAFF_RECOVERED, subject=user)
    return Recovered(cases=len(wraps))
