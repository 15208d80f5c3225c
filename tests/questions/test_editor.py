"""The third party's editor: the organization's handlers and the operator add, edit, move and remove
questions, each save a new version; everyone else (outsider, other tenant, contact, call-taker, counselor)
gets the one 404 on every page. Malformed input is a clear 4xx and saves nothing."""

import pytest

from confide.audit.models import AuditEntry
from confide.questions.models import FormVersion
from confide.questions.selectors.forms import form_current
from tests.helpers.questions import questions_set
from tests.helpers.staff import csrf_from, make_staff

pytestmark = pytest.mark.django_db

NEW = {
    "kind": "choice",
    "required": "on",
    "label_en": "Which office?",
    "label_es": "¿Qué oficina?",
    "help_en": "Where you work most days.",
    "help_es": "Donde trabaja la mayoría de los días.",
    "options_en": "Main office\nField office",
    "options_es": "Oficina central\nOficina de campo",
}


def _post(client, url, data, page_url="/staff/questions/acme/"):
    page = client.get(page_url)
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_from(page)})


def _add(client, base=0, **changes):
    return _post(client, "/staff/questions/acme/new/", {**NEW, "base": base, **changes})


def _keys(org):
    version = form_current(organization_id=org.pk)
    return [q["key"] for q in version.questions] if version else []


def test_a_handler_adds_edits_moves_and_removes_questions(org, handler, login):
    client = login(handler)
    assert "Acme for America" in client.get("/staff/questions/").content.decode()
    added = _add(client)
    assert added.status_code == 303 and added["Location"] == "/staff/questions/acme/"
    assert (
        _add(client, base=1, kind="yes_no", label_en="Did you tell anyone?", label_es="¿Lo contó?").status_code == 303
    )
    assert _keys(org) == ["which_office", "did_you_tell_anyone"]
    page = client.get("/staff/questions/acme/").content.decode()
    assert "Which office?" in page and "¿Qué oficina?" in page and "Version 2" in page

    edit_url = "/staff/questions/acme/q/which_office/"
    form = client.get(edit_url).content.decode()
    assert "Oficina de campo" in form
    saved = _post(client, edit_url, {**NEW, "base": 2, "label_en": "Which office, mostly?"}, page_url=edit_url)
    assert saved.status_code == 303
    assert form_current(organization_id=org.pk).questions[0]["label"]["en"] == "Which office, mostly?"
    assert _keys(org) == ["which_office", "did_you_tell_anyone"]  # the key stays: earlier answers still match

    moved = _post(client, "/staff/questions/acme/q/did_you_tell_anyone/move/", {"base": 3, "direction": "up"})
    assert moved.status_code == 303 and _keys(org) == ["did_you_tell_anyone", "which_office"]
    removed = _post(client, "/staff/questions/acme/q/which_office/remove/", {"base": 4})
    assert removed.status_code == 303 and _keys(org) == ["did_you_tell_anyone"]
    assert list(FormVersion.objects.order_by("number").values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    assert AuditEntry.objects.filter(action="questions.changed", actor_id=handler.pk).count() == 5


def test_a_teammate_and_the_operator_may_edit_too(org, handler, teammate, excluded_handler, login):
    operator = make_staff("otto", role="operator")
    for number, user in enumerate([teammate, excluded_handler, operator]):
        response = _add(login(user), base=number, label_en=f"Office {number}?", label_es=f"¿Oficina {number}?")
        assert response.status_code == 303, user
    assert FormVersion.objects.count() == 3


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "contact", "call_taker", "counselor"])
def test_anyone_else_gets_404_on_every_editor_page(org, handler, persona, request, login):
    questions_set(org, handler)
    client = login(request.getfixturevalue(persona))
    assert "Acme" not in client.get("/staff/questions/").content.decode()
    token = csrf_from(client.get("/staff/questions/"))
    for url in ["/staff/questions/acme/", "/staff/questions/acme/q/team/", "/staff/questions/nobody/"]:
        assert client.get(url).status_code == 404, url
    for url in ["new/", "q/team/", "q/team/move/", "q/team/remove/"]:
        response = client.post(f"/staff/questions/acme/{url}", {**NEW, "base": 1, "csrfmiddlewaretoken": token})
        assert response.status_code == 404, url
    assert FormVersion.objects.count() == 1


def test_a_handler_cannot_open_another_organizations_questions(org, other_org, handler, other_tenant_handler, login):
    questions_set(other_org, other_tenant_handler)
    assert login(handler).get("/staff/questions/rival/").status_code == 404
    assert login(other_tenant_handler).get("/staff/questions/rival/").status_code == 200


def test_signed_out_visitors_go_to_the_sign_in(org, client):
    response = client.get("/staff/questions/acme/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


@pytest.mark.parametrize(
    ("changes", "field_text"),
    [
        ({"label_es": ""}, "This field is required."),
        ({"kind": "essay"}, "Select a valid choice."),
        ({"options_es": "Oficina central"}, "as many in Spanish as in English"),
        ({"options_en": "Only one", "options_es": "Solo una"}, "between 2 and 30 options"),
        ({"help_es": ""}, "Write this text in English and in Spanish."),
        ({"label_en": "x" * 301}, "at most 300 characters"),
        ({"base": "x"}, "This page is out of date."),
    ],
)
def test_a_malformed_question_comes_back_with_the_problem_and_saves_nothing(org, handler, login, changes, field_text):
    response = _add(login(handler), **changes)
    assert response.status_code == 400
    assert field_text in response.content.decode()
    assert not FormVersion.objects.exists()


def test_a_save_from_a_stale_page_is_refused_and_undoes_nothing(org, handler, teammate, login):
    questions_set(org, handler)
    client = login(teammate)
    response = _add(client, base=0)
    assert response.status_code == 409 and "Someone changed these questions" in response.content.decode()
    removed = _post(client, "/staff/questions/acme/q/team/remove/", {"base": 0})
    assert removed.status_code == 409
    assert FormVersion.objects.count() == 1


def test_a_save_that_changes_nothing_makes_no_version(org, handler, login):
    client = login(handler)
    _add(client)
    url = "/staff/questions/acme/q/which_office/"
    assert _post(client, url, {**NEW, "base": 1}, page_url=url).status_code == 303
    assert FormVersion.objects.count() == 1


def test_an_unknown_question_is_404(org, handler, login):
    questions_set(org, handler)
    client = login(handler)
    assert client.get("/staff/questions/acme/q/nope/").status_code == 404
    assert _post(client, "/staff/questions/acme/q/nope/remove/", {"base": 1}).status_code == 404
