"""Hours per organization, in its own time zone; the console shows open or closed and the out-of-hours message."""

from datetime import UTC, datetime, time

import pytest
import time_machine
from django.core.exceptions import ValidationError

from confide.hotline.hours import hotline_open_at
from confide.hotline.models import HotlineSettings, validate_time_zone, validate_weekdays
from tests.helpers.staff import make_staff, staff_login

# 2026-11-23 is a Monday.
MONDAY_NOON_UTC = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _hours(**fields) -> HotlineSettings:
    return HotlineSettings(**{"time_zone": "UTC", "open_days": "12345", **fields})


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (datetime(2026, 11, 23, 8, 59, tzinfo=UTC), False),
        (datetime(2026, 11, 23, 9, 0, tzinfo=UTC), True),
        (datetime(2026, 11, 23, 16, 59, tzinfo=UTC), True),
        (datetime(2026, 11, 23, 17, 0, tzinfo=UTC), False),
        (datetime(2026, 11, 28, 12, 0, tzinfo=UTC), False),  # Saturday
    ],
)
def test_office_hours_on_open_days(when, expected):
    assert hotline_open_at(hotline=_hours(opens_at=time(9), closes_at=time(17)), now=when) is expected


def test_hours_are_in_the_organizations_time_zone():
    madrid = _hours(time_zone="Europe/Madrid", opens_at=time(9), closes_at=time(12, 30))
    assert hotline_open_at(hotline=madrid, now=MONDAY_NOON_UTC) is False  # 13:00 in Madrid
    assert hotline_open_at(hotline=madrid, now=MONDAY_NOON_UTC.replace(hour=11)) is True


def test_a_night_line_belongs_to_the_evening_it_started():
    night = _hours(open_days="5", opens_at=time(20), closes_at=time(2))  # Friday night
    assert hotline_open_at(hotline=night, now=datetime(2026, 11, 27, 21, 0, tzinfo=UTC)) is True
    assert hotline_open_at(hotline=night, now=datetime(2026, 11, 28, 1, 0, tzinfo=UTC)) is True  # Saturday 01:00
    assert hotline_open_at(hotline=night, now=datetime(2026, 11, 28, 3, 0, tzinfo=UTC)) is False
    assert hotline_open_at(hotline=night, now=datetime(2026, 11, 27, 1, 0, tzinfo=UTC)) is False  # Thursday night


def test_equal_times_mean_all_day_and_no_settings_mean_open():
    assert hotline_open_at(hotline=_hours(opens_at=time(0), closes_at=time(0)), now=MONDAY_NOON_UTC) is True
    assert hotline_open_at(hotline=None, now=MONDAY_NOON_UTC) is True


def test_bad_settings_are_refused_with_a_message():
    with pytest.raises(ValidationError):
        validate_time_zone("Mars/Olympus")
    with pytest.raises(ValidationError):
        validate_time_zone("")
    for bad in ["", "8", "112", "mon"]:
        with pytest.raises(ValidationError):
            validate_weekdays(bad)
    validate_weekdays("67")


@time_machine.travel(MONDAY_NOON_UTC.replace(hour=20), tick=False)
def test_the_console_shows_closed_lines_and_the_message_to_read(org, call_taker, login):
    HotlineSettings.objects.create(
        organization=org, phone_number="+1 800 555 0100", out_of_hours_message="Call us again from 9 tomorrow."
    )
    client = login(call_taker)
    console = client.get("/staff/hotline/").content.decode()
    assert "Closed now" in console and "+1 800 555 0100" in console
    assert "09:00–17:00 (UTC), Mon, Tue, Wed, Thu, Fri" in console
    script = client.get("/staff/hotline/acme/").content.decode()
    assert "The line is closed now" in script and "Call us again from 9 tomorrow." in script


@time_machine.travel(MONDAY_NOON_UTC, tick=False)
def test_the_console_shows_open_lines(org, call_taker, login):
    HotlineSettings.objects.create(organization=org)
    client = login(call_taker)
    assert "Open now" in client.get("/staff/hotline/").content.decode()
    assert "The line is closed now" not in client.get("/staff/hotline/acme/").content.decode()


def test_the_operator_edits_hours_in_the_admin(org, client):
    operator = make_staff("oper", role="operator")
    staff_login(client, operator)
    assert client.get("/operator/hotline/hotlinesettings/add/").status_code == 200
    response = client.post(
        "/operator/hotline/hotlinesettings/add/",
        {
            "organization": str(org.pk),
            "phone_number": "",
            "time_zone": "Europe/Madrid",
            "open_days": "12345",
            "opens_at": "08:00",
            "closes_at": "20:00",
            "out_of_hours_message": "Llame mañana.",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert HotlineSettings.objects.get(organization=org).time_zone == "Europe/Madrid"
    refused = client.post(
        f"/operator/hotline/hotlinesettings/{HotlineSettings.objects.get().pk}/change/",
        {"organization": str(org.pk), "time_zone": "Nowhere/None", "open_days": "9", "opens_at": "8", "closes_at": "9"},
    )
    assert refused.status_code == 200
    assert "Unknown time zone" in refused.content.decode()
