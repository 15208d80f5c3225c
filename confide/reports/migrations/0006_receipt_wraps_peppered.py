"""Receipt wraps made before R took the pepper go under the pepper cover (crypto.md §3): from here on no stored
value lets a copy of the database alone test a guessed receipt. The reverse takes the cover off;
rows written since stay peppered."""

from django.db import migrations

from confide.core.receipt_covers import receipt_wraps_cover, receipt_wraps_uncover
from confide.reports.keys import ad_report


def _each(apps, step):
    step(apps.get_model("reports", "Report"), [("receipt_wrap", lambda row: ad_report(row.pk))])


def cover(apps, schema_editor):
    _each(apps, receipt_wraps_cover)


def uncover(apps, schema_editor):
    _each(apps, receipt_wraps_uncover)


class Migration(migrations.Migration):
    dependencies = [("reports", "0005_report_purged_on_deletionrequest")]

    operations = [migrations.RunPython(cover, uncover, elidable=False)]
