"""A copy of the database alone cannot test a guessed receipt (crypto.md §3).

The attacker here is as strong as it gets: it holds every row and guesses the receipt (or invitation token)
right, but has no pepper. It tries every label registered in crypto.labels as an unpeppered key, against every
binary column, as a lookup value and as an AEAD key under each associated data the code uses. Nothing may
answer. Rows written before the pepper reached the wrap key are made the old way here and put through the
migration that covers them: afterwards they open for their receipt as before and answer nothing either.
"""

import importlib

import pytest
from django.apps import apps
from django.db import models

from confide import crypto
from confide.core import keyfiles
from confide.crypto import labels
from confide.escrow.keys import ad_vault
from confide.escrow.models import Vault
from confide.escrow.selectors.reporter import vault_access_get
from confide.letters.keys import ad_letter, ad_row
from confide.letters.models import Letter, Signature
from confide.letters.selectors.reporter import invitation_access_get
from confide.reports.keys import ad_report
from confide.reports.models import Report
from confide.reports.selectors.reporter import reporter_access_get
from tests.helpers.letters import participant, sign
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db

LETTER_PARTS = ("organizer", "invite", "participants", "sk", "content", "token", "signer", "signer-own", "signature")


def _ads(row: models.Model) -> list[bytes]:
    if isinstance(row, Report):
        return [ad_report(row.pk)]
    if isinstance(row, Vault):
        return [ad_vault(row.pk)]
    if isinstance(row, Letter):
        return [ad_letter(row.pk, part) for part in LETTER_PARTS]
    assert isinstance(row, Signature)
    return [ad_row(row.letter_id, part, row.pk) for part in LETTER_PARTS]


def checkable(row: models.Model, secret: str, *, pepper: bytes = b"") -> list[str]:
    """The columns of `row` that confirm `secret` to someone holding only `pepper` (none, by default)."""
    row.refresh_from_db()
    keys = [crypto.keyed_hash(label, pepper + secret.encode()) for label in labels.HASH_LABELS]
    found = []
    for field in row._meta.concrete_fields:
        value = getattr(row, field.attname)
        if not isinstance(field, models.BinaryField) or not value:
            continue
        value = bytes(value)
        for key in keys:
            if value == key or any(_opens(key, value, ad) for ad in _ads(row)):
                found.append(field.name)
                break
    return found


def _opens(key: bytes, value: bytes, ad: bytes) -> bool:
    try:
        crypto.aead_decrypt(key, value, ad=ad)
    except crypto.DecryptionError:
        return False
    return True


def test_the_check_finds_what_the_pepper_opens(org):
    """Guards the test: with the pepper, the report's lookup and wrap do confirm the receipt."""
    submitted = submit_report(org)
    assert set(checkable(submitted.report, submitted.receipt, pepper=keyfiles.pepper())) == {
        "receipt_lookup",
        "receipt_wrap",
    }


def test_a_report_row_confirms_no_receipt_without_the_pepper(org):
    submitted = submit_report(org)
    assert checkable(submitted.report, submitted.receipt) == []


def test_a_vault_row_confirms_no_receipt_without_the_pepper(org, make_vault):
    receipt, access = make_vault(org)
    assert checkable(access.vault, receipt) == []


def test_letter_rows_confirm_no_receipt_or_token_without_the_pepper(org, circulating):
    signer = sign(circulating.token, org, "sam@corp.example")
    letter = circulating.letter
    assert checkable(letter, circulating.receipt) == []
    assert checkable(letter, circulating.token) == []
    assert checkable(Signature.objects.get(pk=signer.signature_id), signer.receipt) == []


# Rows from before the change, and the migrations that cover them.


def _legacy(label: str, secret: str, key: bytes, ad: bytes) -> bytes:
    return crypto.aead_encrypt(crypto.keyed_hash(label, secret.encode()), key, ad=ad)


def _migrate(app: str, name: str) -> None:
    importlib.import_module(f"confide.{app}.migrations.{name}").cover(apps, None)


def test_an_old_report_is_covered_and_still_opens_for_its_receipt(org):
    submitted = submit_report(org)
    normalised = crypto.receipt_normalise(submitted.receipt)
    report_key = reporter_access_get(receipt=submitted.receipt).report_key
    Report.objects.filter(pk=submitted.report.pk).update(
        receipt_wrap=_legacy(labels.RECEIPT_KEY, normalised, report_key, ad_report(submitted.report.pk))
    )
    assert checkable(submitted.report, submitted.receipt) == ["receipt_wrap"]

    _migrate("reports", "0006_receipt_wraps_peppered")

    assert checkable(submitted.report, submitted.receipt) == []
    assert reporter_access_get(receipt=submitted.receipt).report_key == report_key


def test_a_purged_report_keeps_its_empty_wrap(org):
    submitted = submit_report(org)
    Report.objects.filter(pk=submitted.report.pk).update(receipt_wrap=b"")
    _migrate("reports", "0006_receipt_wraps_peppered")
    submitted.report.refresh_from_db()
    assert bytes(submitted.report.receipt_wrap) == b""


def test_an_old_vault_is_covered_and_still_opens_for_its_receipt(org, make_vault):
    receipt, access = make_vault(org)
    normalised = crypto.receipt_normalise(receipt)
    legacy = _legacy(labels.VAULT_RECEIPT_KEY, normalised, access.vault_key, ad_vault(access.vault.pk))
    Vault.objects.filter(pk=access.vault.pk).update(receipt_wrap=legacy)
    assert checkable(access.vault, receipt) == ["receipt_wrap"]

    _migrate("escrow", "0003_receipt_wraps_peppered")

    assert checkable(access.vault, receipt) == []
    assert vault_access_get(receipt=receipt, organization=org).vault_key == access.vault_key


def test_old_letter_wraps_are_covered_and_still_open(org, circulating):
    signer = sign(circulating.token, org, "sam@corp.example")
    letter = circulating.letter
    organizer = participant(circulating.receipt, org)
    own = participant(signer.receipt, org)
    organizer_receipt = crypto.receipt_normalise(circulating.receipt)
    signer_receipt = crypto.receipt_normalise(signer.receipt)
    key, signature_key = organizer.participant_key, own.signature_key
    Letter.objects.filter(pk=letter.pk).update(
        organizer_wrap=_legacy(labels.LETTER_RECEIPT_KEY, organizer_receipt, key, ad_letter(letter.pk, "organizer")),
        invite_wrap=_legacy(labels.LETTER_INVITE_KEY, circulating.token, key, ad_letter(letter.pk, "invite")),
    )
    Signature.objects.filter(pk=signer.signature_id).update(
        receipt_wrap=_legacy(
            labels.LETTER_RECEIPT_KEY, signer_receipt, key, ad_row(letter.pk, "signer", own.signature.pk)
        ),
        own_wrap=_legacy(
            labels.LETTER_RECEIPT_KEY, signer_receipt, signature_key, ad_row(letter.pk, "signer-own", own.signature.pk)
        ),
    )
    signature = Signature.objects.get(pk=signer.signature_id)
    assert checkable(letter, circulating.receipt) == ["organizer_wrap"]
    assert checkable(letter, circulating.token) == ["invite_wrap"]
    assert set(checkable(signature, signer.receipt)) == {"receipt_wrap", "own_wrap"}

    _migrate("letters", "0003_receipt_wraps_peppered")

    assert checkable(letter, circulating.receipt) == checkable(letter, circulating.token) == []
    assert checkable(signature, signer.receipt) == []
    assert participant(circulating.receipt, org).participant_key == key
    reopened = participant(signer.receipt, org)
    assert (reopened.participant_key, reopened.signature_key) == (key, signature_key)
    assert invitation_access_get(token=circulating.token, organization=org).participant_key == key


def test_the_reverse_migration_takes_the_cover_off_old_rows_only(org):
    old = submit_report(org)
    normalised = crypto.receipt_normalise(old.receipt)
    report_key = reporter_access_get(receipt=old.receipt).report_key
    legacy = _legacy(labels.RECEIPT_KEY, normalised, report_key, ad_report(old.report.pk))
    Report.objects.filter(pk=old.report.pk).update(receipt_wrap=legacy)
    migration = importlib.import_module("confide.reports.migrations.0006_receipt_wraps_peppered")
    migration.cover(apps, None)
    new = submit_report(org)  # written by the new code after the migration
    new_wrap = bytes(Report.objects.get(pk=new.report.pk).receipt_wrap)

    migration.uncover(apps, None)

    assert bytes(Report.objects.get(pk=old.report.pk).receipt_wrap) == legacy
    assert bytes(Report.objects.get(pk=new.report.pk).receipt_wrap) == new_wrap
