"""The passkeys page: register several, name and remove them; bad answers refused with nothing saved; and
every persona sees and touches only their own."""

import json
import uuid

import pytest
from django.test import Client

from confide.accounts.models import Passkey, PasskeyChallenge
from confide.audit.models import AuditEntry
from confide.reports.services.recovery import staff_recover
from tests.helpers.passkeys import SoftAuthenticator, b64, options_of, passkey_add
from tests.helpers.staff import csrf_from, make_staff

pytestmark = pytest.mark.django_db


def problem_of(response) -> str:
    return response.content.decode().split('role="alert">')[1].split("</")[0]


def test_a_staff_member_adds_several_passkeys_and_sees_them_by_name(login, handler):
    client = login(handler)
    first, _key = passkey_add(client, "Work laptop")
    second, _other = passkey_add(client, "Blue security key")
    assert first.status_code == second.status_code == 302
    page = client.get("/staff/passkeys/").content.decode()
    assert "Work laptop" in page and "Blue security key" in page
    assert sorted(Passkey.objects.filter(user=handler).values_list("name", flat=True)) == [
        "Blue security key",
        "Work laptop",
    ]
    assert AuditEntry.objects.filter(action="staff.passkey_added", actor_id=handler.pk).count() == 2


def test_the_registration_options_exclude_the_passkeys_already_there(login, handler):
    client = login(handler)
    _response, authenticator = passkey_add(client)
    options = json.loads(options_of(client.get("/staff/passkeys/"), "data-passkey-create"))
    assert [c["id"] for c in options["excludeCredentials"]] == [b64(authenticator.credential_id)]
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["user"]["name"] == "hana" and str(handler.pk) not in options["user"]["id"]


@pytest.mark.parametrize(
    "site",
    [
        {"origin": "https://evil.example", "rp_id": "evil.example"},
        {"origin": "https://evil.example"},
        {"rp_id": "evil.example"},
    ],
    ids=["another-site", "another-origin", "another-rp-id"],
)
def test_a_passkey_made_for_another_site_is_refused_and_nothing_is_saved(login, handler, site):
    response, _key = passkey_add(login(handler), **site)
    assert response.status_code == 400
    assert "not made for this site" in problem_of(response)
    assert not Passkey.objects.exists()


@pytest.mark.parametrize(
    "answer", ["", "not json", "[]", "[" * 5000, '{"id": "x"}', json.dumps({"id": "AA", "rawId": "AA", "response": {}})]
)
def test_a_malformed_or_missing_answer_is_a_clear_400(login, handler, answer):
    client = login(handler)
    page = client.get("/staff/passkeys/")
    response = client.post(
        "/staff/passkeys/", {"name": "Laptop", "passkey": answer, "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert response.status_code == 400 and problem_of(response)
    assert not Passkey.objects.exists()


def test_an_answer_is_accepted_once(login, handler):
    client = login(handler)
    page = client.get("/staff/passkeys/")
    answer = SoftAuthenticator().create(options_of(page, "data-passkey-create"))
    form = {"name": "Laptop", "passkey": answer, "csrfmiddlewaretoken": csrf_from(page)}
    assert client.post("/staff/passkeys/", form).status_code == 302
    assert client.post("/staff/passkeys/", form).status_code == 400
    assert Passkey.objects.count() == 1


def test_a_challenge_issued_to_someone_else_does_not_register(login, handler, teammate):
    theirs = login(teammate).get("/staff/passkeys/")
    answer = SoftAuthenticator().create(options_of(theirs, "data-passkey-create"))
    client = login(handler)
    page = client.get("/staff/passkeys/")
    response = client.post(
        "/staff/passkeys/", {"name": "Laptop", "passkey": answer, "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert response.status_code == 400 and not Passkey.objects.exists()


def test_an_expired_challenge_does_not_register(login, handler):
    client = login(handler)
    page = client.get("/staff/passkeys/")
    answer = SoftAuthenticator().create(options_of(page, "data-passkey-create"))
    PasskeyChallenge.objects.update(expires_at="2000-01-01T00:00:00Z")
    response = client.post(
        "/staff/passkeys/", {"name": "Laptop", "passkey": answer, "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert response.status_code == 400 and not Passkey.objects.exists()


@pytest.mark.parametrize("name", ["", "   ", "x" * 61])
def test_a_passkey_needs_a_short_name(login, handler, name):
    response, _key = passkey_add(login(handler), name)
    assert response.status_code == 400 and not Passkey.objects.exists()


def test_rename_and_remove(login, handler):
    client = login(handler)
    passkey_add(client)
    passkey = Passkey.objects.get()
    token = csrf_from(client.get("/staff/passkeys/"))
    renamed = client.post(f"/staff/passkeys/{passkey.pk}/rename/", {"name": "Old laptop", "csrfmiddlewaretoken": token})
    assert renamed.status_code == 302 and Passkey.objects.get().name == "Old laptop"
    empty = client.post(f"/staff/passkeys/{passkey.pk}/rename/", {"name": " ", "csrfmiddlewaretoken": token})
    assert empty.status_code == 400 and Passkey.objects.get().name == "Old laptop"
    removed = client.post(f"/staff/passkeys/{passkey.pk}/remove/", {"csrfmiddlewaretoken": token})
    assert removed.status_code == 302 and not Passkey.objects.exists()
    assert AuditEntry.objects.filter(action="staff.passkey_removed", actor_id=handler.pk).exists()


def test_nobody_sees_renames_or_removes_another_persons_passkey(login, personas, other_tenant_handler):
    owner = login(personas.owner)
    passkey_add(owner, "Hana's laptop")
    passkey = Passkey.objects.get()
    for persona in (personas.teammate, personas.outsider, personas.other_tenant, personas.excluded):
        client = login(persona)
        page = client.get("/staff/passkeys/")
        assert page.status_code == 200 and "Hana&#x27;s laptop" not in page.content.decode()
        token = csrf_from(page)
        rename = client.post(f"/staff/passkeys/{passkey.pk}/rename/", {"name": "Mine", "csrfmiddlewaretoken": token})
        remove = client.post(f"/staff/passkeys/{passkey.pk}/remove/", {"csrfmiddlewaretoken": token})
        assert rename.status_code == remove.status_code == 404, persona.username
    assert Passkey.objects.get().name == "Hana's laptop"
    unknown = owner.post(
        f"/staff/passkeys/{uuid.uuid4()}/remove/", {"csrfmiddlewaretoken": csrf_from(owner.get("/staff/passkeys/"))}
    )
    assert unknown.status_code == 404


@pytest.mark.parametrize(
    "role",
    ["operator", "handler", "counselor", "call_taker", "contact", "independent_body", "investigator", "custodian"],
)
def test_every_staff_role_manages_its_own_passkeys(login, org, role):
    user = make_staff(f"someone-{role.replace('_', '-')}", [org], role=role)
    response, _key = passkey_add(login(user))
    assert response.status_code == 302 and Passkey.objects.filter(user=user).count() == 1


def test_strangers_and_half_signed_in_staff_reach_nothing(org, handler):
    passkey_add_target = f"/staff/passkeys/{uuid.uuid4()}/"
    stranger = Client()
    assert stranger.get("/staff/passkeys/")["Location"].startswith("/staff/login/")
    for action in ("rename/", "remove/"):
        assert stranger.post(passkey_add_target + action, {"name": "x"})["Location"].startswith("/staff/login/")
    make_staff("nadia", [org], totp=False)
    enrolling = Client()
    page = enrolling.get("/staff/login/")
    enrolling.post(
        "/staff/login/",
        {
            "username": "nadia",
            "password": "correct horse battery staple",
            "code": "",
            "csrfmiddlewaretoken": csrf_from(page),
        },
    )
    assert enrolling.get("/staff/passkeys/")["Location"] == "/staff/two-factor/"


def test_resetting_the_second_factor_takes_the_passkeys_too(login, handler, recovery_secret_key):
    passkey_add(login(handler))
    staff_recover(
        username="hana", recovery_secret_key=recovery_secret_key, new_password="a new long password 1", reset_totp=True
    )
    assert not Passkey.objects.exists()


def test_the_relying_party_comes_from_the_settings_when_they_name_one(login, handler, settings):
    settings.CONFIDE_WEBAUTHN_RP_ID = "confide.example"
    settings.CONFIDE_WEBAUTHN_ORIGIN = "https://confide.example"
    client = login(handler)
    options = json.loads(options_of(client.get("/staff/passkeys/"), "data-passkey-create"))
    assert options["rp"] == {"id": "confide.example", "name": "Confide"}
    as_the_request_host, _key = passkey_add(client)
    assert as_the_request_host.status_code == 400
    as_configured, _key = passkey_add(client, origin="https://confide.example")
    assert as_configured.status_code == 302 and Passkey.objects.count() == 1
