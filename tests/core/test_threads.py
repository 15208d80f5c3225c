import pytest
from django.db import transaction

from confide.core.threads import seq_next
from confide.reports.models import Message, Report
from tests.helpers.reports import submit_report


@pytest.mark.django_db(transaction=True)
def test_the_next_number_follows_the_last_message_of_that_thread_only(org):
    first, second = submit_report(org), submit_report(org)
    with transaction.atomic():
        numbers = [
            seq_next(parent=Report.objects.filter(pk=r.report.pk), messages=Message.objects.filter(report=r.report))
            for r in (first, second)
        ]
    last = Message.objects.filter(report=first.report).order_by("-seq").values_list("seq", flat=True).first() or 0
    assert numbers[0] == last + 1
    assert numbers[1] == (
        (Message.objects.filter(report=second.report).order_by("-seq").values_list("seq", flat=True).first() or 0) + 1
    )


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_there_is_no_lock_to_hold_so_it_refuses(org):
    report = submit_report(org).report
    with pytest.raises(RuntimeError, match="transaction"):
        seq_next(parent=Report.objects.filter(pk=report.pk), messages=Message.objects.filter(report=report))
