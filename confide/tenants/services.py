import unicodedata
import uuid

from django.utils.translation import gettext as _

from confide.core.errors import NotFound, Refused
from confide.tenants.models import Membership, Organization

TITLE_MAX = Membership._meta.get_field("title").max_length or 80

# A staff member's role decides what a membership lets them do; only handler memberships receive report keys.
_MEMBERSHIP_ROLE_FOR_USER_ROLE = {
    "call_taker": Membership.Role.CALL_TAKER,
    "contact": Membership.Role.CONTACT,
    "independent_body": Membership.Role.INDEPENDENT_BODY,
}


def organization_create(*, slug: str, name: str) -> Organization:
    return Organization.objects.create(slug=slug, name=name)


def membership_add(*, organization: Organization, user) -> Membership:
    role = _MEMBERSHIP_ROLE_FOR_USER_ROLE.get(user.role, Membership.Role.HANDLER)
    membership, _ = Membership.objects.get_or_create(organization=organization, user=user, defaults={"role": role})
    return membership


def body_title_set(*, user, organization_id: uuid.UUID, title: str) -> Membership:
    """An independent body chooses how reporters see it for one organization: what it is ("union
    representative"), and a personal name only if it wants one there (issue 13). NotFound for any membership
    that is not this user's as an independent body, whether it exists or not."""
    membership = Membership.objects.filter(
        user_id=user.pk, organization_id=organization_id, role=Membership.Role.INDEPENDENT_BODY
    ).first()
    if membership is None:
        raise NotFound()
    text = " ".join(str(title).split())
    if not text:
        raise Refused(_("Say what you are, for example: union representative."), field="title")
    if len(text) > TITLE_MAX or any(unicodedata.category(c).startswith("C") for c in text):
        raise Refused(
            _("Use at most %(count)d letters, numbers and punctuation.") % {"count": TITLE_MAX}, field="title"
        )
    membership.title = text
    membership.save(update_fields=["title"])
    return membership
