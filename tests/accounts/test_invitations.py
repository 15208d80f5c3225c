import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from confide.accounts.models import Invitation, User
from confide.accounts.services.sign_in import staff_unlock
from tests.helpers.staff import csrf_from, make_staff, staff_login

pytestmark = pytest.mark.django_db
NEW = {"username": "nadia", "password": "a long new passphrase", "password_again": "a long new passphrase"}


def invite(*args) -> str:
    out = io.StringIO()
    call_command("staff_invite", *args, stdout=out)
    return re.search(r"(/staff/join/[^/\s]+/)", out.getvalue()).group(1)


def join(path: str, data: dict):
    client = Client(enforce_csrf_checks=True)
    page = client.get(path)
    if page.status_code != 200:
        return page
    return client.post(path, {**data, "csrfmiddlewaretoken": csrf_from(page)})


def test_an_invited_handler_joins_with_their_own_password_and_key(org):
    path = invite("--org", "acme")
    assert join(path, NEW).status_code == 200
    user = User.objects.get(username="nadia")
    assert user.memberships.get().organization == org and user.has_keys
    assert staff_unlock(username="nadia", password=NEW["password"]).secret_key
    assert join(path, {**NEW, "username": "other"}).status_code == 404, "a link works once"


def test_bad_links_and_bad_input_are_refused(org):
    assert Client().get("/staff/join/not-a-token/").status_code == 404
    path = invite("--org", "acme")
    assert join(path, {**NEW, "password_again": "different"}).status_code == 400
    assert join(path, {**NEW, "password": "short", "password_again": "short"}).status_code == 400
    make_staff("taken")
    assert join(path, {**NEW, "username": "taken"}).status_code == 400
    assert Invitation.objects.get().used_by is None


def test_the_operator_invites_from_the_admin(org):
    operator = make_staff("otto", role="operator")
    client = staff_login(Client(), operator)
    response = client.post(
        "/operator/accounts/invitation/add/", {"role": "handler", "organizations": [str(org.pk)]}, follow=True
    )
    link = re.search(r"(/staff/join/[^/\s]+/)", response.content.decode()).group(1)
    assert join(link, NEW).status_code == 200
    assert User.objects.get(username="nadia").memberships.get().organization == org
