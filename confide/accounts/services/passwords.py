"""A staff member changes their password: the key is re-wrapped under it, nothing is re-encrypted."""

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from confide import crypto
from confide.accounts.keys import password_cost, wrapped_key_of, wrapped_key_store
from confide.accounts.models import ApiToken, User
from confide.audit.services import Action, audit_record


def staff_password_change(*, user: User, old_password: str, new_password: str) -> None:
    """Raises WrongPasswordError for a wrong old password, ValidationError for a weak new one."""
    wrapped = wrapped_key_of(user)
    if wrapped is None or not user.check_password(old_password):
        raise crypto.WrongPasswordError("wrong password")
    validate_password(new_password, user)
    rewrapped = crypto.secret_key_rewrap(
        wrapped, old_password=old_password, new_password=new_password, owner_id=user.key_owner_id, cost=password_cost()
    )
    with transaction.atomic():
        wrapped_key_store(user, rewrapped)
        user.set_password(new_password)
        user.save()
        # A new password is how staff shut out whoever learnt the old one: tokens issued under it go too.
        ApiToken.objects.filter(user=user).delete()
        audit_record(actor=user, action=Action.STAFF_PASSWORD_CHANGED, subject=user)
