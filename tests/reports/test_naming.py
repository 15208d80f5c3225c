import pytest

from confide.reports.models import CaseExclusion, KeyWrap
from confide.reports.naming import handlers_named
from tests.helpers.reports import submit_report
from tests.helpers.staff import make_staff

HANDLERS = {1: ("hana", "Hana", "Novak"), 2: ("tomas", "Tomás", "Reyes"), 3: ("al", "Al", "Li")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", set()),
        ("Please keep Hana Novak away from this", {1}),
        ("not NOVAK, and not tomas", {1, 2}),
        ("tomás reyes", {2}),
        ("Hanako from the office", set()),  # whole words only
        ("al", set()),  # too short to match safely; the lead can still record the conflict
        ("anyone but the candidate", set()),
    ],
)
def test_it_finds_named_handlers(text, expected):
    assert handlers_named(text=text, handlers=HANDLERS) == expected


@pytest.mark.django_db
def test_a_named_handler_never_receives_the_key(org, handler, teammate):
    teammate.first_name, teammate.last_name = "Tomas", "Reyes"
    teammate.save()
    make_staff("xena", [org])
    result = submit_report(org, avoid_handlers="Please not Tomas Reyes")
    holders = set(KeyWrap.objects.filter(report=result.report).values_list("user__username", flat=True))
    assert holders == {"hana", "xena"}
    assert CaseExclusion.objects.filter(report=result.report, user=teammate).exists()
