"""Collecting a person's identifiers from a form: canonical round trips, and errors that name the field."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confide.core.identifiers import IdentifierError, identifier_display, identifier_kind, identifiers_collect

LOCAL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._", min_size=1, max_size=20).filter(
    lambda s: not s.startswith(".")
)
HANDLE = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=30)


@given(local=LOCAL, upper=st.booleans())
def test_a_displayed_email_collects_back_to_the_same_identifier(local, upper):
    address = f"{local}@campaign.example"
    [canonical] = identifiers_collect(email=address.upper() if upper else address, tenant="acme")
    assert identifier_kind(canonical) == "email"
    assert identifiers_collect(email=identifier_display(canonical), tenant="acme") == [canonical]


@given(handle=HANDLE, at=st.booleans(), upper=st.booleans())
def test_handles_ignore_the_at_sign_and_case(handle, at, upper):
    typed = ("@" if at else "") + (handle.upper() if upper else handle)
    assert identifiers_collect(handle=typed, platform="instagram", tenant="acme") == [f"handle:instagram:{handle}"]


def test_every_given_identifier_is_collected_once_in_a_fixed_order():
    collected = identifiers_collect(
        email="Boss+x@Campaign.example",
        phone="+1 (202) 555-0143",
        handle="@Boss",
        platform="x",
        name="  Jo   DOE ",
        tenant="acme",
    )
    assert collected == [
        "email:boss@campaign.example",
        "phone:+12025550143",
        "handle:x:boss",
        "name:acme:jo doe",
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "nope"}, "email"),
        ({"phone": "555"}, "phone"),
        ({"handle": "a b", "platform": "x"}, "handle"),
        ({"handle": "ok", "platform": "myspace"}, "handle"),
        ({"name": "Cher"}, "name"),
        ({"email": "x" * 201}, "email"),
        ({}, None),
    ],
)
def test_a_bad_identifier_names_its_field(fields, field):
    with pytest.raises(IdentifierError) as raised:
        identifiers_collect(tenant="acme", **fields)
    assert raised.value.field == field and str(raised.value)
