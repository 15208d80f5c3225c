from django.core.management.base import BaseCommand

from confide.escrow.tasks import escrow_match_schedule
from confide.insights.tasks import insight_close_schedule
from confide.letters.tasks import letter_reminder_schedule
from confide.notifications.tasks import digest_schedule, retention_schedule
from confide.surveys.tasks import survey_tally_schedule


class Command(BaseCommand):
    help = "Enqueue the recurring background jobs if they are not waiting already (idempotent)."

    def handle(self, *args, **options):
        for name, schedule in [
            ("Digest", digest_schedule),
            ("Retention", retention_schedule),
            ("Escrow matching", escrow_match_schedule),
            ("Letter reminders", letter_reminder_schedule),
            ("Figures of the closed period", insight_close_schedule),
            ("Survey tallies", survey_tally_schedule),
        ]:
            self.stdout.write(f"{name} job scheduled." if schedule() else f"{name} job already scheduled.")
