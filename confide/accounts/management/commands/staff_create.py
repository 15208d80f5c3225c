import getpass
import sys

from django.core.management.base import BaseCommand, CommandError

from confide.accounts.models import User
from confide.accounts.services.provisioning import ProvisioningError, staff_provision


class Command(BaseCommand):
    help = "Create a staff user with a key pair. The password is read from stdin or a prompt, never argv."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=[r.value for r in User.Role], default=User.Role.HANDLER)
        parser.add_argument("--org", action="append", default=[], help="Organization slug (repeatable).")
        parser.add_argument("--password-stdin", action="store_true", help="Read the password from standard input.")

    def handle(self, *args, username, role, org, password_stdin, **options):
        if password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Again: "):
                raise CommandError("The passwords differ.")
        try:
            user = staff_provision(username=username, password=password, role=role, org_slugs=org)
        except ProvisioningError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Created {user.role} {user.username}."))
