"""Creating staff accounts and their key pairs (crypto.md §1)."""

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from confide import crypto
from confide.accounts.keys import password_cost, wrapped_key_store
from confide.accounts.models import User
from confide.tenants.models import Organization
from confide.tenants.services import membership_add


def staff_create(
    *,
    username: str,
    password: str,
    role: str = User.Role.HANDLER,
    organizations: list[Organization] | tuple = (),
    email: str = "",
    validate: bool = True,
) -> User:
    """A staff user with a fresh key pair wrapped under their password. New handlers see reports filed
    from now on; existing ones need a colleague to re-wrap (case management). Raises ValidationError for a
    weak password when `validate`."""
    user = User(username=username, email=email, role=role, is_staff=role == User.Role.OPERATOR)
    if validate:
        validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save()
        pair = crypto.keypair_generate()
        user.public_key = pair.public_key
        wrapped_key_store(
            user,
            crypto.secret_key_wrap(
                pair.secret_key, password=password, owner_id=user.key_owner_id, cost=password_cost()
            ),
        )
        if role == User.Role.OPERATOR:
            user.is_superuser = True
        user.save()
        for organization in organizations:
            membership_add(organization=organization, user=user)
    return user
