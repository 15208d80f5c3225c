from django.core.management.base import BaseCommand

from confide.letters.tasks import letter_reminder_schedule


class Command(BaseCommand):
    help = "Enqueue the daily reminder job for overdue letter answers if it is not waiting already (idempotent)."

    def handle(self, *args, **options):
        self.stdout.write("Letter reminders scheduled." if letter_reminder_schedule() else "Already scheduled.")
