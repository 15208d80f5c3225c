"""Where each staff role starts after signing in: the one page their work begins on."""

from django.urls import reverse

from confide.accounts.models import User

_HOME_BY_ROLE: dict[str, str] = {
    User.Role.CALL_TAKER: "hotline:console",
    User.Role.COUNSELOR: "escrow:matches",
    User.Role.CONTACT: "letters:letters",
    User.Role.INVESTIGATOR: "investigation:list",
    User.Role.CUSTODIAN: "custodian:requests",
    User.Role.INDEPENDENT_BODY: "held:cases",
}


def staff_home_url(*, user: User) -> str:
    return reverse(_HOME_BY_ROLE.get(user.role, "cases:inbox"))
