"""A check-in is answered once, even by answers arriving together (a double press, two tabs): threads with their
own connections, so the rows are committed (transaction=True). "Treated worse" sent twice at once opens one
retaliation case, or files one report, never two."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import time_machine
from django.db import connection

from confide.core.clock import today
from confide.core.errors import Conflict
from confide.escrow.models import VaultCheckIn
from confide.escrow.services.checkins import vault_checkin_answer, vault_checkins_start, vault_checkins_sweep
from confide.escrow.services.records import record_create
from confide.reports.models import CheckIn, Report
from confide.reports.selectors.reporter import reporter_access_get
from confide.reports.services.checkins import checkin_answer, checkins_sweep
from tests.helpers.escrow import new_vault
from tests.helpers.reports import submit_report

PARALLEL = 4
pytestmark = pytest.mark.django_db(transaction=True)


def _together(answer) -> list[bool]:
    barrier = threading.Barrier(PARALLEL)

    def one(_number: int) -> bool:
        try:
            barrier.wait()
            answer()
            return True
        except Conflict:
            return False
        finally:
            connection.close()

    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(one, range(PARALLEL)))


def test_treated_worse_sent_together_on_a_report_opens_one_case(org, handler):
    submitted = submit_report(org)
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        checkins_sweep()
    checkin = CheckIn.objects.get(report=submitted.report)

    def answer():
        checkin_answer(access=reporter_access_get(receipt=submitted.receipt), checkin_id=checkin.pk, answer="worse")

    assert sum(_together(answer)) == 1
    assert Report.objects.filter(category=Report.Category.RETALIATION).count() == 1


def test_treated_worse_sent_together_from_a_vault_files_one_report(org, handler):
    _receipt, access = new_vault(org)
    record_create(access=access, text="Kept for myself.")
    vault_checkins_start(access=access)
    with time_machine.travel(today() + timedelta(days=14), tick=False):
        vault_checkins_sweep()
    checkin = VaultCheckIn.objects.get()

    def answer():
        vault_checkin_answer(access=access, checkin_id=checkin.pk, answer="worse")

    assert sum(_together(answer)) == 1
    assert Report.objects.count() == 1
