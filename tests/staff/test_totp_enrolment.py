"""Setting up the authenticator: a QR code drawn on the server (inline SVG, no script, no image request) that
encodes the otpauth URI, with the key still shown for typing, on a page no browser keeps."""

import html
import re

import pyotp
import pytest
import segno
from django.test import Client

from confide.accounts.services.totp import ISSUER
from tests.helpers.staff import PASSWORD, csrf_from, make_staff

pytestmark = pytest.mark.django_db

BORDER = 4  # the quiet zone, in modules


def _enrolment_page(org):
    make_staff("nadia", [org], totp=False)
    client = Client(enforce_csrf_checks=True)
    page = client.get("/staff/login/")
    client.post(
        "/staff/login/", {"username": "nadia", "password": PASSWORD, "code": "", "csrfmiddlewaretoken": csrf_from(page)}
    )
    return client, client.get("/staff/two-factor/")


def _dark_modules(svg: str) -> set[tuple[int, int]]:
    """The modules an SVG path of horizontal runs paints (M/m move, h draws), as (row, column)."""
    path = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg)
    assert path, "no drawn path in the SVG"
    x = y = 0.0
    dark = set()
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.group(1)):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            run = int(first)
            dark |= {(int(y) - BORDER, int(x) + i - BORDER) for i in range(run)}
            x += run
    return dark


def test_the_enrolment_page_shows_a_qr_code_of_the_otpauth_uri_and_the_key(org):
    _client, page = _enrolment_page(org)
    text = page.content.decode()
    secret = text.split('aria-label="Setup key">')[1].split("<")[0].strip()
    uri = pyotp.TOTP(secret).provisioning_uri(name="nadia", issuer_name=ISSUER)
    assert html.escape(uri) in text  # still offered for apps that take an address
    svg = re.search(r"<svg[^>]*>.*?</svg>", text, re.S)
    assert svg, "no inline SVG on the page"
    assert "<title>QR code to add this account to an authenticator app</title>" in svg.group(0)
    expected = segno.make_qr(uri, error="m").matrix
    assert _dark_modules(svg.group(0)) == {(r, c) for r, row in enumerate(expected) for c, bit in enumerate(row) if bit}
    assert "<script" not in text and "<img" not in text


def test_the_enrolment_page_is_never_cached_and_its_secret_never_logged(org, log_buffer):
    _client, page = _enrolment_page(org)
    secret = page.content.decode().split('aria-label="Setup key">')[1].split("<")[0].strip()
    assert page["Cache-Control"] == "no-store"
    assert secret not in log_buffer.getvalue()
