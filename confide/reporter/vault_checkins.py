"""Retaliation check-ins on the vault home (issue 13), on the reporter's opt-in (reporter.optin_checkins)."""

from confide.escrow.services.checkins import (
    vault_checkin_answer,
    vault_checkin_plan_set,
    vault_checkins_start,
    vault_checkins_stop,
)
from confide.reporter.optin_checkins import checkin_views
from confide.reporter.vault import _home, vault_required

views = checkin_views(
    guard=vault_required,
    page=_home,
    home="vault:home",
    start=vault_checkins_start,
    answer=vault_checkin_answer,
    plan_set=vault_checkin_plan_set,
    stop=vault_checkins_stop,
)
start, answer, plan, stop = views.start, views.answer, views.plan, views.stop
