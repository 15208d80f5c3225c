from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from confide.escrow.content import TeamRefused
from confide.escrow.services.team import counselor_enrol


class Command(BaseCommand):
    help = (
        "Create the counselor team key for the FIRST counselor (an existing staff user with the counselor role). "
        "Later counselors are added by a signed-in counselor at /staff/escrow/counselors/add/."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No staff user {username}.")
        try:
            counselor_enrol(user=user)
        except TeamRefused as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"{username} holds the counselor team key."))
