import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from confide.core.keyfiles import decode_key
from confide.reports.content import RecoveryRefused
from confide.reports.services.recovery import staff_recover


class Command(BaseCommand):
    help = (
        "Restore a staff member's access after a lost password, with the offline recovery key. Reads the recovery "
        "key and then the new password from standard input (or prompts)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--stdin", action="store_true", help="Read the recovery key and password from stdin.")
        parser.add_argument("--reset-totp", action="store_true", help="Also clear their authenticator (re-enrol).")

    def handle(self, *args, username, stdin, reset_totp, **options):
        if stdin:
            recovery = sys.stdin.readline().strip()
            password = sys.stdin.readline().rstrip("\n")
        else:
            recovery = getpass.getpass("Recovery key: ")
            password = getpass.getpass("New password for the staff member: ")
        try:
            result = staff_recover(
                username=username,
                recovery_secret_key=decode_key(recovery),
                new_password=password,
                reset_totp=reset_totp,
            )
        except (RecoveryRefused, ValueError) as error:
            raise CommandError(str(error) or "The recovery key is not valid base64.") from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"{username} has a new key; {result.cases} case(s) re-sealed to it."))
