"""Who holds the key to a report, as its reporter sees them (issue 13): by role and a stable pseudonym, with the
days the case was read or exported, when someone was given access and when someone stepped away. Everything
comes from the key wraps and the audit log, by the day; reading this list records nothing, so it tells staff
nothing about the reporter.

The pseudonyms are stable without storing them: the holders who received the key when the report arrived (no
grant in the log) come first, in the order of their accounts, then everyone given access later, in the order
of the log. Both orders only ever grow at the end, so "Case handler B" stays B."""

import uuid
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from confide.accounts.models import User
from confide.audit.models import AuditEntry
from confide.audit.services import Action
from confide.reports.access import ReporterAccess
from confide.reports.models import Author, Handover, HolderExclusionRequest, KeyWrap, Message, Report
from confide.tenants.models import Membership

_JOINED = {str(Action.CASE_ACCESS_GRANT), str(Action.CASE_HANDOVER)}
_STEPPED_AWAY = {str(Action.CASE_CONFLICT_DECLARED), str(Action.CASE_CONFLICT_RECORDED)}
_READ = {str(Action.CASE_READ), str(Action.CASE_ATTACHMENT_READ)}
_EXPORTED = {str(Action.CASE_EXPORTED)}
_TRACKED = _JOINED | _STEPPED_AWAY | _READ | _EXPORTED


def body_title(*, user_id: int | None, organization_id: uuid.UUID) -> str:
    """The title an independent body registered under for this organization ("union representative")."""
    if user_id is None:
        return ""
    title = (
        Membership.objects.filter(
            user_id=user_id, organization_id=organization_id, role=Membership.Role.INDEPENDENT_BODY
        )
        .values_list("title", flat=True)
        .first()
    )
    return title or ""


def body_label(*, user_id: int | None, organization_id: uuid.UUID) -> str:
    title = body_title(user_id=user_id, organization_id=organization_id)
    if title:
        return _("Independent body: %(title)s") % {"title": title}
    return _("Independent body")


def holder_author_name(*, message: Message, organization_id: uuid.UUID, for_staff: bool) -> str:
    """Who wrote a body's or the service's line in a thread: the body by its title (staff also read its
    account name), the service as a notice."""
    if message.author_kind == Author.SYSTEM:
        return _("Notice")
    label = body_label(user_id=message.author_id, organization_id=organization_id)
    if for_staff and message.author is not None:
        return f"{label} ({message.author.get_username()})"
    return label


def handover_line(*, title: str, for_staff: bool) -> str:
    """The service's line in the thread when a body takes the case; the stored text is the body's title, so
    the line reads in the reader's language."""
    holder = _("Independent body — %(title)s") % {"title": title} if title else _("Independent body")
    if for_staff:
        return _("The case is now held by: %(holder)s") % {"holder": holder}
    return _("Your case is now held by: %(holder)s") % {"holder": holder}


def _letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: as many pseudonyms as a team can have."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


@dataclass
class HolderView:
    slot: int  # the holder's stable position: what the reporter's exclusion request names
    label: str
    holds_key: bool
    is_body: bool = False
    given_access_on: date | None = None
    stepped_away_on: date | None = None
    read_on: list[date] = field(default_factory=list)
    exported_on: list[date] = field(default_factory=list)
    request_outcome: str | None = None  # None: never asked; "" pending; "excluded"; "answered"
    requested_on: date | None = None
    decided_on: date | None = None

    @property
    def request_pending(self) -> bool:
        return self.request_outcome == HolderExclusionRequest.Outcome.PENDING

    @property
    def may_ask(self) -> bool:
        return self.holds_key and not self.request_pending


def _holder_ids(report: Report) -> tuple[list[int], list[AuditEntry]]:
    entries = list(
        AuditEntry.objects.filter(object_type="report", object_id=str(report.pk), action__in=_TRACKED).only(
            "seq", "at", "actor_id", "action", "subject_id"
        )
    )
    joined: dict[int, int] = {}
    stepped: set[int] = set()
    for entry in entries:
        if entry.subject_id is None:
            continue
        if entry.action in _JOINED:
            joined.setdefault(entry.subject_id, entry.seq)
        elif entry.action in _STEPPED_AWAY:
            stepped.add(entry.subject_id)
    wrapped = set(KeyWrap.objects.filter(report=report).values_list("user_id", flat=True))
    ever = wrapped | set(joined) | stepped
    first = sorted(user_id for user_id in ever if user_id not in joined)
    later = sorted((user_id for user_id in ever if user_id in joined), key=lambda user_id: joined[user_id])
    return first + later, entries


def holder_at(*, report: Report, slot: int) -> User | None:
    """The holder at a slot of the holders list, while they hold the key (what an exclusion request names)."""
    ordered = _holder_ids(report)[0]
    if not 0 <= slot < len(ordered):
        return None
    return User.objects.filter(pk=ordered[slot], key_wraps__report=report).first()


def holders_get(*, access: ReporterAccess) -> list[HolderView]:
    report = access.report
    ordered, entries = _holder_ids(report)
    roles = dict(User.objects.filter(pk__in=ordered).values_list("pk", "role"))
    wrapped = set(KeyWrap.objects.filter(report=report).values_list("user_id", flat=True))
    bodies = set(Handover.objects.filter(report=report).values_list("body_id", flat=True))
    requests = {row.user_id: row for row in HolderExclusionRequest.objects.filter(report=report)}
    views: dict[int, HolderView] = {}
    per_role: dict[str, int] = {}
    for slot, user_id in enumerate(ordered):
        role = roles.get(user_id, User.Role.HANDLER)
        is_body = user_id in bodies or role == User.Role.INDEPENDENT_BODY
        if is_body:
            label = body_label(user_id=user_id, organization_id=report.organization_id)
        else:
            # Roles other than a handler's (an investigator) count on their own: "Outside investigator A".
            index = per_role.get(role, 0)
            per_role[role] = index + 1
            role_label = User.Role(role).label if role in User.Role.values else User.Role.HANDLER.label
            label = f"{role_label} {_letters(index)}"
        view = HolderView(slot=slot, label=label, holds_key=user_id in wrapped, is_body=is_body)
        request = requests.get(user_id)
        if request is not None:
            view.request_outcome, view.requested_on, view.decided_on = (
                request.outcome,
                request.requested_on,
                request.decided_on,
            )
        views[user_id] = view
    for entry in entries:
        day = entry.at.date()
        if entry.action in _JOINED and entry.subject_id in views:
            views[entry.subject_id].given_access_on = views[entry.subject_id].given_access_on or day
        elif entry.action in _STEPPED_AWAY and entry.subject_id in views:
            views[entry.subject_id].stepped_away_on = day
        elif entry.action in _READ and entry.actor_id in views:
            days = views[entry.actor_id].read_on
            if day not in days:
                days.append(day)
        elif entry.action in _EXPORTED and entry.actor_id in views:
            days = views[entry.actor_id].exported_on
            if day not in days:
                days.append(day)
    return [views[user_id] for user_id in ordered]


@dataclass(frozen=True)
class HoldersPage:
    holders: list[HolderView]
    held_by_body: bool  # an independent body holds the case: the reporter may let their identity go with it
    identity_shared_on: date | None


def holders_page_get(*, access: ReporterAccess) -> HoldersPage:
    """The reporter's holders section: the list, and whether their identity goes to the bodies."""
    handovers = list(Handover.objects.filter(report=access.report).values_list("identity_shared_on", flat=True))
    shared = [day for day in handovers if day is not None]
    return HoldersPage(
        holders=holders_get(access=access),
        held_by_body=bool(handovers),
        identity_shared_on=min(shared) if shared else None,
    )
