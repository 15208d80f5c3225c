"""Receipt words that are easy to mishear are flagged when the receipt is read to a caller."""

from confide import crypto
from confide.core.spelling import SOUNDS_LIKE, sounds_like, spelled
from tests.helpers.hotline import post

RECEIPT = "cash abacus very carrot abacus abacus abacus abacus"


def test_every_flagged_word_is_a_receipt_word():
    # Of the receipts issued before the curated lists: the new English list leaves sound-alikes out.
    words = set(crypto.receipt_legacy_words())
    assert set(SOUNDS_LIKE) <= words
    assert not set(SOUNDS_LIKE) & set(crypto.receipt_words("en"))


def test_sound_alikes_that_are_both_receipt_words_flag_each_other():
    words = set(crypto.receipt_legacy_words())
    for word, other in SOUNDS_LIKE.items():
        if other in words:
            assert SOUNDS_LIKE[other] == word


def test_a_spanish_word_is_spelled_without_its_accents_which_the_receipt_does_not_need():
    assert spelled("Limón") == ["Lima", "India", "Mike", "Oscar", "November"]
    assert spelled("año")[1] == "November"


def test_a_plain_word_is_not_flagged():
    assert sounds_like("abacus") == ""
    assert sounds_like("Cash") == "cache"


def test_the_receipt_page_flags_words_that_sound_like_others(org, call_taker, login):
    client = login(call_taker)
    page = client.get("/staff/hotline/acme/")
    response = post(client, "/staff/hotline/acme/receipt/", page, {"receipt": RECEIPT, "heard": "", "lang": "en"})
    text = response.content.decode()
    assert response.status_code == 400
    assert "Sounds like “cache”: spell it letter by letter." in text
    assert "Sounds like “carat”" in text and "Sounds like “vary”" in text
    assert text.count("Sounds like") == 3


def test_the_flag_is_in_spanish_on_a_spanish_call(org, call_taker, login):
    client = login(call_taker)
    page = client.get("/staff/hotline/acme/?lang=es")
    response = post(client, "/staff/hotline/acme/receipt/", page, {"receipt": RECEIPT, "heard": "", "lang": "es"})
    assert "Suena como «cache»: deletréela letra por letra." in response.content.decode()
