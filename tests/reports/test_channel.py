"""Each door records the channel a report came through in the clear (the organization's figures count by it),
and a report is not about leadership unless someone said so."""

import json

import pytest

from confide.escrow.services.conversion import record_to_report
from confide.escrow.services.records import record_create
from confide.reports.models import Report
from tests.helpers.escrow import new_vault
from tests.helpers.hotline import file_call
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db


def test_the_web_form_api_phone_line_and_escrow_each_record_their_channel(api, org, handler, call_taker, login):
    web = submit_report(org).report
    filed = api.post(
        "/api/orgs/acme/reports",
        json.dumps({"what_happened": "He kept texting me at night.", "category": "other"}),
        content_type="application/json",
    )
    assert filed.status_code == 201
    assert file_call(login(call_taker)).status_code == 200
    _, vault = new_vault(org)
    record = record_create(access=vault, text="He cornered me after the fundraiser.")
    converted = record_to_report(access=vault, record_id=record.id, category="sexual_harassment")
    assert converted is not None

    channels = dict(Report.objects.values_list("reference", "channel"))
    assert channels.pop(web.reference) == Report.Channel.WEB
    assert channels.pop(filed.json()["reference"]) == Report.Channel.API
    assert channels.pop(converted.report.reference) == Report.Channel.ESCROW
    assert list(channels.values()) == [Report.Channel.PHONE]
    assert not Report.objects.filter(about_leadership=True).exists()
