"""Inviting staff: the operator makes a link, the invitee chooses a username and password, and their key pair
is made then (so no one else ever knew the password it is wrapped under)."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from confide.accounts.content import InvitationInvalid, UsernameTaken
from confide.accounts.keys import invitation_lookup
from confide.accounts.models import Invitation, User
from confide.accounts.services.staff import staff_create
from confide.tenants.models import Organization

INVITATION_DAYS = 7


def invitation_prepare(*, invitation: Invitation, created_by: User | None = None) -> str:
    """Give an unsaved invitation its token (returned, to be shown once) and expiry."""
    token = secrets.token_urlsafe(24)
    invitation.lookup = invitation_lookup(token)
    invitation.created_by = created_by
    invitation.expires_at = timezone.now() + timedelta(days=INVITATION_DAYS)
    return token


def invitation_create(
    *, role: str, organizations: list[Organization], created_by: User | None = None
) -> tuple[str, Invitation]:
    invitation = Invitation(role=role)
    token = invitation_prepare(invitation=invitation, created_by=created_by)
    with transaction.atomic():
        invitation.save()
        invitation.organizations.set(organizations)
    return token, invitation


def invitation_get(*, token: str) -> Invitation:
    if not token or len(token) > 100:
        raise InvitationInvalid(_("This invitation link is not valid."))
    invitation = Invitation.objects.filter(lookup=invitation_lookup(token)).first()
    if invitation is None or invitation.used_by_id is not None or invitation.expires_at < timezone.now():
        raise InvitationInvalid(_("This invitation link is not valid, was used already, or has expired."))
    return invitation


def invitation_accept(*, token: str, username: str, password: str) -> User:
    """Raises InvitationInvalid, UsernameTaken, or ValidationError for a weak password."""
    with transaction.atomic():
        invitation = invitation_get(token=token)
        Invitation.objects.select_for_update().filter(pk=invitation.pk).first()
        if User.objects.filter(username=username).exists():
            raise UsernameTaken()
        user = staff_create(
            username=username,
            password=password,
            role=invitation.role,
            organizations=list(invitation.organizations.all()),
        )
        invitation.used_by = user
        invitation.save(update_fields=["used_by"])
    return user
