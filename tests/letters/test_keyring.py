"""Handlers who join after a letter was drafted get L from a colleague who holds it; an excluded handler never
does, and nobody else can be given it (G3, G4, G6)."""

import pytest

from confide.audit.models import AuditEntry
from confide.letters.content import LetterError, LetterNotFound
from confide.letters.models import LetterExclusion, LetterKeyWrap
from confide.letters.services.keyring import letter_access_grant, letter_conflict_declare
from tests.helpers.letters import third_party
from tests.helpers.staff import csrf_from, make_staff

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.fixture
def newcomer(org, circulating):
    """A handler who joined the organization after the letter was drafted."""
    return make_staff("newcomer", [org])


def test_a_handler_who_joined_later_has_no_access_until_granted(circulating, handler, newcomer):
    with pytest.raises(LetterNotFound):
        third_party(newcomer, circulating.letter)
    letter_access_grant(access=third_party(handler, circulating.letter), username="newcomer")
    access = third_party(newcomer, circulating.letter)
    assert access.letter.pk == circulating.letter.pk
    entry = AuditEntry.objects.filter(action="letter.access_grant").get()
    assert entry.actor_id == handler.pk and entry.subject_id == newcomer.pk


def test_an_excluded_handler_is_never_granted_again(circulating, handler, teammate):
    letter_conflict_declare(access=third_party(teammate, circulating.letter))
    assert LetterExclusion.objects.filter(letter=circulating.letter, user=teammate).exists()
    with pytest.raises(LetterError) as refused:
        letter_access_grant(access=third_party(handler, circulating.letter), username=teammate.username)
    assert refused.value.status == 409
    assert not LetterKeyWrap.objects.filter(letter=circulating.letter, user=teammate).exists()
    with pytest.raises(LetterNotFound):
        third_party(teammate, circulating.letter)


@pytest.mark.parametrize("persona", ["boss", "bystander", "other_tenant_handler", "outsider", "teammate", None])
def test_only_a_handler_of_the_organization_without_access_can_be_granted(circulating, handler, persona, request):
    username = request.getfixturevalue(persona).username if persona else "nobody-at-all"
    before = LetterKeyWrap.objects.count()
    with pytest.raises(LetterError) as refused:
        letter_access_grant(access=third_party(handler, circulating.letter), username=username)
    assert refused.value.status == 400 and refused.value.field == "username"
    assert LetterKeyWrap.objects.count() == before


def test_the_letter_page_offers_and_records_a_grant(circulating, handler, newcomer, login):
    staff = login(handler)
    url = f"/staff/letters/{circulating.letter.pk}/"
    page = staff.get(url)
    assert 'value="newcomer"' in page.content.decode()
    response = staff.post(url + "grant/", {"username": "newcomer", "csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 303
    assert login(newcomer).get(url).status_code == 200
    assert 'value="newcomer"' not in staff.get(url).content.decode()


def test_the_letter_page_refuses_a_bad_grant_with_a_400(circulating, handler, boss, login):
    staff = login(handler)
    url = f"/staff/letters/{circulating.letter.pk}/"
    page = staff.get(url)
    response = staff.post(url + "grant/", {"username": boss.username, "csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 400 and "Only an active handler" in response.content.decode()
    assert not LetterKeyWrap.objects.filter(user=boss).exists()


@pytest.mark.parametrize("persona", ["newcomer", "outsider", "other_tenant_handler", "boss"])
def test_only_a_holder_can_grant_on_the_page(circulating, persona, request, login):
    staff = login(request.getfixturevalue(persona))
    page = staff.get("/staff/letters/")
    url = f"/staff/letters/{circulating.letter.pk}/grant/"
    response = staff.post(url, {"username": "newcomer", "csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 404
    assert not LetterKeyWrap.objects.filter(user__username__in=["newcomer", "outsider", "boss"]).exists()


def test_the_api_grants_and_refuses_with_4xx(api, circulating, handler, teammate, newcomer, boss, token_for):
    url = f"/api/staff/letters/{circulating.letter.pk}/grants"
    headers = token_for(handler)
    assert api.post(url, {"username": "newcomer"}, content_type=JSON, **headers).status_code == 204
    assert api.get(f"/api/staff/letters/{circulating.letter.pk}", **token_for(newcomer)).status_code == 200
    again = api.post(url, {"username": "newcomer"}, content_type=JSON, **headers)
    assert again.status_code == 400 and again.json()["detail"]
    assert api.post(url, {"username": boss.username}, content_type=JSON, **headers).status_code == 400
    api.post(f"/api/staff/letters/{circulating.letter.pk}/conflict", **token_for(teammate))
    excluded = api.post(url, {"username": teammate.username}, content_type=JSON, **headers)
    assert excluded.status_code == 409 and "conflict" in excluded.json()["detail"]


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "boss"])
def test_the_api_grant_is_404_for_everyone_else(api, circulating, newcomer, persona, request, token_for):
    url = f"/api/staff/letters/{circulating.letter.pk}/grants"
    headers = token_for(request.getfixturevalue(persona))
    assert api.post(url, {"username": "newcomer"}, content_type=JSON, **headers).status_code == 404
    assert not LetterKeyWrap.objects.filter(user=newcomer).exists()
