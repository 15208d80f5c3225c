from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from confide.backups.services import backup_restore
from confide.core.errors import Refused


class Command(BaseCommand):
    help = "Restore a backup onto a freshly migrated, empty database (refused otherwise), then schedule the jobs."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            summary = backup_restore(path=path)
        except Refused as refused:
            raise CommandError(refused.message) from None
        call_command("schedule_jobs", stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Restored {summary.rows} rows of {summary.models} tables from {summary.path}.")
        )
        self.stdout.write("Put the secrets folder of the same deployment in place: without it nothing opens.")
