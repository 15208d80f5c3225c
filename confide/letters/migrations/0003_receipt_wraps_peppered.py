"""Organizer, signer and invitation wraps made before their keys took the pepper go under the pepper cover
(crypto.md §3). The reverse takes the cover off;
rows written since stay peppered."""

from django.db import migrations

from confide.core.receipt_covers import receipt_wraps_cover, receipt_wraps_uncover
from confide.letters.keys import ad_letter, ad_row


def _each(apps, step):
    step(
        apps.get_model("letters", "Letter"),
        [
            ("organizer_wrap", lambda row: ad_letter(row.pk, "organizer")),
            ("invite_wrap", lambda row: ad_letter(row.pk, "invite")),
        ],
    )
    step(
        apps.get_model("letters", "Signature"),
        [
            ("receipt_wrap", lambda row: ad_row(row.letter_id, "signer", row.pk)),
            ("own_wrap", lambda row: ad_row(row.letter_id, "signer-own", row.pk)),
        ],
        also=["letter_id"],
    )


def cover(apps, schema_editor):
    _each(apps, receipt_wraps_cover)


def uncover(apps, schema_editor):
    _each(apps, receipt_wraps_uncover)


class Migration(migrations.Migration):
    dependencies = [("letters", "0002_second_round")]

    operations = [migrations.RunPython(cover, uncover, elidable=False)]
