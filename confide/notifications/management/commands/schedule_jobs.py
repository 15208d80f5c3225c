from django.core.management.base import BaseCommand

from confide.notifications.tasks import digest_schedule


class Command(BaseCommand):
    help = "Enqueue the recurring background jobs if they are not waiting already (idempotent)."

    def handle(self, *args, **options):
        created = digest_schedule()
        self.stdout.write("Digest job scheduled." if created else "Digest job already scheduled.")
