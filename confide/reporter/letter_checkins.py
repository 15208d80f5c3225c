"""Retaliation check-ins on a signer's letter page (issue 13), on their opt-in (reporter.optin_checkins)."""

from confide.letters.services.checkins import (
    signer_checkin_answer,
    signer_checkin_plan_set,
    signer_checkins_start,
    signer_checkins_stop,
)
from confide.reporter.letters import _mine_page, with_letter
from confide.reporter.optin_checkins import checkin_views

views = checkin_views(
    guard=with_letter,
    page=_mine_page,
    home="letters_public:mine",
    start=signer_checkins_start,
    answer=signer_checkin_answer,
    plan_set=signer_checkin_plan_set,
    stop=signer_checkins_stop,
)
start, answer, plan, stop = views.start, views.answer, views.plan, views.stop
