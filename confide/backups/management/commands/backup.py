from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from confide.backups.services import backup_write
from confide.core.errors import Refused


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database (attachments included) to a new file. "
        "Back up the secrets folder separately."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the file to create (refused if it exists)")

    def handle(self, *args, path: Path, **options):
        try:
            summary = backup_write(path=path)
        except Refused as refused:
            raise CommandError(refused.message) from None
        self.stdout.write(
            self.style.SUCCESS(f"Backup written to {summary.path}: {summary.rows} rows of {summary.models} tables.")
        )
        self.stdout.write(
            "It opens nothing without the secrets folder (CONFIDE_SECRETS_DIR): keep that backed up apart."
        )
