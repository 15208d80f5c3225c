"""Vault receipt wraps made before R took the pepper go under the pepper cover (crypto.md §3). The reverse takes
the cover off; rows written since stay peppered."""

from django.db import migrations

from confide.core.receipt_covers import receipt_wraps_cover, receipt_wraps_uncover
from confide.escrow.keys import ad_vault


def _each(apps, step):
    step(apps.get_model("escrow", "Vault"), [("receipt_wrap", lambda row: ad_vault(row.pk))])


def cover(apps, schema_editor):
    _each(apps, receipt_wraps_cover)


def uncover(apps, schema_editor):
    _each(apps, receipt_wraps_uncover)


class Migration(migrations.Migration):
    dependencies = [("escrow", "0002_pending_index")]

    operations = [migrations.RunPython(cover, uncover, elidable=False)]
