"""Staff of every role sign in at the same page: it greets them all, and each role's pages name its own work."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_greets_every_role(db):
    html = Client().get("/staff/login/").content.decode()
    assert "<title>Staff sign-in" in html
    assert "<h1>Staff sign-in</h1>" in html
    assert "Case handler" not in html and "Case handling" not in html


def test_the_home_page_links_to_the_staff_sign_in(db):
    html = Client().get("/").content.decode()
    assert "Staff sign-in" in html and "Case handler sign-in" not in html


@pytest.mark.parametrize(
    ("persona", "path", "brand"),
    [
        ("handler", "/staff/", "Case handling"),
        ("call_taker", "/staff/hotline/", "Hotline"),
        ("boss", "/staff/letters/", "Letters"),
    ],
)
def test_signed_in_pages_name_the_role_s_work(request, login, persona, path, brand):
    html = login(request.getfixturevalue(persona)).get(path).content.decode()
    assert f'<span class="brand">Confide · {brand}</span>' in html
