"""Credentials, once per person and round, refusals that count nothing, and what the rows share (nothing)."""

import base64

import pytest

from confide.surveys import keys
from confide.surveys.content import CredentialSpent, SurveyNotFound, SurveyRefused
from confide.surveys.models import Marker, Pending, Spent, SurveyText, Tally
from confide.surveys.services.credentials import survey_credential_issue
from confide.surveys.services.definitions import round_close, round_open
from confide.surveys.services.responses import survey_respond
from tests.helpers.surveys import account, credential_for, open_survey

pytestmark = pytest.mark.django_db


def test_a_credential_counts_once_and_a_second_one_is_refused_to_the_same_person(org):
    survey_round = open_survey(org)
    credential = credential_for(survey_round, "ann@acme.org")
    survey_respond(survey_round=survey_round, credential=credential, answers=[4, 5])
    with pytest.raises(CredentialSpent):
        survey_respond(survey_round=survey_round, credential=credential, answers=[1, 1])
    with pytest.raises(CredentialSpent):
        survey_credential_issue(survey_round=survey_round, account=account(org, "ANN@acme.org "))
    assert Pending.objects.count() == 1 and Spent.objects.count() == 1 and Marker.objects.count() == 1


@pytest.mark.parametrize("answers", [[0, 3], [6, 3], [3], [3, 3, 3], ["x", 3], [3.5, 3], [None, 3], [True, 3], ["", 3]])
def test_answers_out_of_range_or_missing_are_refused_and_count_nothing(org, answers):
    survey_round = open_survey(org)
    credential = credential_for(survey_round, "ann@acme.org")
    with pytest.raises(SurveyRefused):
        survey_respond(survey_round=survey_round, credential=credential, answers=answers)
    assert Pending.objects.count() == 0 and Spent.objects.count() == 0
    survey_respond(survey_round=survey_round, credential=credential, answers=[3, 3])  # still unspent
    assert Pending.objects.count() == 1


@pytest.mark.parametrize("tamper", ["forged", "altered", "truncated", "garbage", "empty"])
def test_forged_or_altered_credentials_are_refused(org, tamper):
    survey_round = open_survey(org)
    good = credential_for(survey_round, "ann@acme.org")
    forged = {
        "forged": base64.urlsafe_b64encode(bytes(keys.NONCE_BYTES + keys.TAG_BYTES)).decode(),
        "altered": good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB"),
        "truncated": good[:-1],
        "garbage": "é" * len(good),
        "empty": "",
    }[tamper]
    with pytest.raises(SurveyRefused) as refused:
        survey_respond(survey_round=survey_round, credential=forged, answers=[3, 3])
    assert refused.value.field == "credential"
    assert Pending.objects.count() == 0


def test_a_credential_of_another_round_or_organization_is_refused(org, other_org):
    first = open_survey(org)
    other = open_survey(other_org)
    credential = credential_for(first, "ann@acme.org")
    with pytest.raises(SurveyRefused):
        survey_respond(survey_round=other, credential=credential, answers=[3, 3])
    with pytest.raises(SurveyNotFound):  # an address verified for one organization gets no other's credential
        survey_credential_issue(survey_round=other, account=account(org, "ann@acme.org"))


def test_a_closed_round_takes_no_answer(org):
    survey_round = open_survey(org)
    credential = credential_for(survey_round, "ann@acme.org")
    round_close(survey_round=survey_round)
    survey_round.refresh_from_db()
    with pytest.raises(SurveyNotFound):
        survey_respond(survey_round=survey_round, credential=credential, answers=[3, 3])


def test_one_person_answers_each_round_and_their_markers_share_nothing(org):
    survey_round = open_survey(org)
    credential_for(survey_round, "ann@acme.org")
    round_close(survey_round=survey_round)
    second = round_open(survey=survey_round.survey)
    credential_for(second, "ann@acme.org")  # a new round: allowed again
    first_marker, second_marker = (bytes(m.marker) for m in Marker.objects.order_by("round__opened_on", "round_id"))
    ref = account(org, "ann@acme.org").account_ref
    assert first_marker != second_marker
    assert ref not in first_marker + second_marker


def test_the_marker_and_the_response_rows_share_no_value(org):
    """The person's marker and their answer's rows: no common column value, no foreign key between them."""
    survey_round = open_survey(org)
    credential = credential_for(survey_round, "ann@acme.org")
    survey_respond(survey_round=survey_round, credential=credential, answers=[2, 4], free_text="More to say")
    marker = Marker.objects.get()
    values = {bytes(marker.marker), str(marker.pk)}
    for row in [Spent.objects.get(), Pending.objects.get(), SurveyText.objects.get()]:
        stored = {str(v) if not isinstance(v, bytes | memoryview) else bytes(v) for v in row.__dict__.values()}
        assert not values & stored
    assert credential not in str(Spent.objects.values_list()) + str(Pending.objects.values_list())


def test_the_free_text_box_is_ignored_when_the_survey_has_none(org):
    survey_round = open_survey(org, free_text="")
    responded = survey_respond(
        survey_round=survey_round,
        credential=credential_for(survey_round, "ann@acme.org"),
        answers=[1, 2],
        free_text="Not asked for",
    )
    assert responded.receipt is None and SurveyText.objects.count() == 0 and Tally.objects.count() == 0


def test_too_long_a_free_text_answer_is_refused_and_counts_nothing(org):
    survey_round = open_survey(org)
    with pytest.raises(SurveyRefused) as refused:
        survey_respond(
            survey_round=survey_round,
            credential=credential_for(survey_round, "ann@acme.org"),
            answers=[1, 2],
            free_text="x" * 5001,
        )
    assert refused.value.field == "free_text" and Pending.objects.count() == 0


def test_a_response_racing_the_close_of_its_round_is_refused_whole(org):
    """The page loaded the round open; the third party closed it before the answer committed."""
    survey_round = open_survey(org)
    credential = credential_for(survey_round, "ann@acme.org")
    round_close(survey_round=type(survey_round).objects.get(pk=survey_round.pk))
    assert survey_round.closed_on is None  # the stale copy the request holds
    with pytest.raises(SurveyNotFound):
        survey_respond(survey_round=survey_round, credential=credential, answers=[3, 3])
    assert Pending.objects.count() == 0 and Spent.objects.count() == 0
