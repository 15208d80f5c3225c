from django.core.management.base import BaseCommand

from confide.escrow.services.matching import match_notifications_send, matches_detect, matches_detect_all


class Command(BaseCommand):
    help = (
        "Run the matching job now (it also runs every CONFIDE_MATCH_HOURS as a background task). With --all, "
        "recount every index in the table instead of only those written since the last run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", dest="everything")

    def handle(self, *args, everything, **options):
        changed = matches_detect_all() if everything else matches_detect()
        sent = match_notifications_send()
        self.stdout.write(f"{changed} match(es) new or grown; {sent} counselor email(s) sent.")
