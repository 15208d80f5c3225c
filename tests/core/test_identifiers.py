import pytest
from hypothesis import given
from hypothesis import strategies as st

from confide.core.identifiers import IdentifierError, email_canonical, handle_canonical, name_canonical, phone_canonical


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("Someone@Example.org", "email:someone@example.org"),
        ("  someone+campaign2026@EXAMPLE.ORG ", "email:someone@example.org"),
        ("ＳＯＭＥＯＮＥ@example.org", "email:someone@example.org"),  # full-width letters, NFKC
        ("ana@bücher.de", "email:ana@xn--bcher-kva.de"),
    ],
)
def test_email_table(raw, canonical):
    assert email_canonical(raw) == canonical


@pytest.mark.parametrize(
    ("raw", "region", "canonical"),
    [
        ("+1 (202) 555-0143", "US", "phone:+12025550143"),
        ("202.555.0143", "US", "phone:+12025550143"),
        ("020 7946 0958", "GB", "phone:+442079460958"),
        ("+44 20 7946 0958", "US", "phone:+442079460958"),
    ],
)
def test_phone_table(raw, region, canonical):
    assert phone_canonical(raw, region=region) == canonical


@pytest.mark.parametrize(
    ("raw", "platform", "canonical"),
    [("@Jane_Doe", "X", "handle:x:jane_doe"), ("jane.doe", "instagram", "handle:instagram:jane.doe")],
)
def test_handle_table(raw, platform, canonical):
    assert handle_canonical(raw, platform=platform) == canonical


def test_names_are_scoped_to_the_tenant():
    assert name_canonical("  Jane   O'Neil-Smith ", tenant="acme") == "name:acme:jane o'neil-smith"
    assert name_canonical("JANE O'NEIL-SMITH", tenant="acme") == name_canonical("jane o'neil-smith", tenant="acme")
    assert name_canonical("Jane Doe", tenant="acme") != name_canonical("Jane Doe", tenant="rival")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: email_canonical("not an email"), "name@example.org"),
        (lambda: email_canonical("+tag@example.org"), "name@example.org"),
        (lambda: phone_canonical("12345"), "country code"),
        (lambda: handle_canonical("has space", platform="x"), "without spaces"),
        (lambda: handle_canonical("jane", platform="myspace"), "platforms"),
        (lambda: name_canonical("Jane", tenant="acme"), "first and a last name"),
    ],
)
def test_malformed_identifiers_name_the_expected_form(call, message):
    with pytest.raises(IdentifierError, match=message):
        call()


local_parts = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._", min_size=1, max_size=20).filter(
    lambda s: not s.startswith(".")
)


@given(local=local_parts, tag=st.text(alphabet="abcxyz123", max_size=8), upper=st.booleans())
def test_email_canonical_is_idempotent_and_ignores_case_and_tags(local, tag, upper):
    raw = f"{local}+{tag}@Example.ORG" if tag else f"{local}@Example.ORG"
    raw = raw.upper() if upper else raw
    canonical = email_canonical(raw)
    assert canonical == f"email:{local}@example.org"
    assert email_canonical(canonical.removeprefix("email:")) == canonical


@given(digits=st.integers(min_value=2_000_000, max_value=9_999_999), spacer=st.sampled_from(["", " ", "-", "."]))
def test_phone_canonical_is_idempotent(digits, spacer):
    raw = f"+1 202{spacer}{str(digits)[:3]}{spacer}{str(digits)[3:]}"
    try:
        canonical = phone_canonical(raw)
    except IdentifierError:
        return  # not every generated number is assigned; validity is phonenumbers' call
    assert phone_canonical(canonical.removeprefix("phone:")) == canonical
