"""Reading a receipt over the phone: the spelling alphabet, and the receipt words a caller may hear as another
word."""

import unicodedata

NATO = {
    "a": "Alfa",
    "b": "Bravo",
    "c": "Charlie",
    "d": "Delta",
    "e": "Echo",
    "f": "Foxtrot",
    "g": "Golf",
    "h": "Hotel",
    "i": "India",
    "j": "Juliett",
    "k": "Kilo",
    "l": "Lima",
    "m": "Mike",
    "n": "November",
    "o": "Oscar",
    "p": "Papa",
    "q": "Quebec",
    "r": "Romeo",
    "s": "Sierra",
    "t": "Tango",
    "u": "Uniform",
    "v": "Victor",
    "w": "Whiskey",
    "x": "X-ray",
    "y": "Yankee",
    "z": "Zulu",
}


def spelled(word: str) -> list[str]:
    """The spelling alphabet for a receipt word: the same code words in English and Spanish (ICAO). An accented
    letter is spelled as its plain letter ("limón": ... Oscar, November): receipts are accepted without accents."""
    return [NATO.get(_plain(letter), letter) for letter in word.lower()]


def _plain(letter: str) -> str:
    return unicodedata.normalize("NFKD", letter)[0]


# Words of the EFF large list that sound like another word. Receipts issued before the curated lists
# (confide/crypto/WORDLISTS.md) are drawn from it, and still read on callbacks; the new English list leaves them
# out. Heard without spelling, the caller may write the other word down; the first four pairs are both receipt
# words, so a wrong one still looks like a receipt. Found by checking a list of common English homophones against
# the list: tests/hotline/test_spelling.py keeps every entry on it.


SOUNDS_LIKE = {
    "cache": "cash",
    "cash": "cache",
    "carat": "carrot",
    "carrot": "carat",
    "cannon": "canon",
    "canon": "cannon",
    "flier": "flyer",
    "flyer": "flier",
    "browse": "brows",
    "chili": "chilly",
    "clause": "claws",
    "coral": "choral",
    "cymbal": "symbol",
    "duct": "ducked",
    "grill": "grille",
    "jam": "jamb",
    "manor": "manner",
    "overdue": "overdo",
    "paced": "paste",
    "patience": "patients",
    "petal": "pedal",
    "prize": "pries",
    "rack": "wrack",
    "rumor": "roomer",
    "size": "sighs",
    "very": "vary",
    "whole": "hole",
    "borough": "burrow",
    "knickers": "nickers",
}


def sounds_like(word: str) -> str:
    return SOUNDS_LIKE.get(word.lower(), "")


def receipt_spelled(receipt: str) -> list[tuple[str, list[str], str]]:
    """Each word of a receipt with its spelling and the word it may be heard as: what the hotline reads out and
    what the reporter's receipt page shows (templates/receipt_words.html)."""
    return [(word, spelled(word), sounds_like(word)) for word in receipt.split()]
