from django.core.management.base import BaseCommand, CommandError

from confide.accounts.models import User
from confide.accounts.services.invitations import INVITATION_DAYS, invitation_create
from confide.tenants.models import Organization


class Command(BaseCommand):
    help = "Make a one-time link for a new staff member (valid for a week)."

    def add_arguments(self, parser):
        parser.add_argument("--role", choices=[r.value for r in User.Role], default=User.Role.HANDLER)
        parser.add_argument("--org", action="append", default=[], help="Organization slug (repeatable).")
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, role, org, base_url, **options):
        organizations = list(Organization.objects.filter(slug__in=org))
        missing = set(org) - {o.slug for o in organizations}
        if missing:
            raise CommandError(f"No such organization: {', '.join(sorted(missing))}.")
        token, _ = invitation_create(role=role, organizations=organizations)
        self.stdout.write(f"Send this link privately; it works once, for {INVITATION_DAYS} days:")
        self.stdout.write(f"  {base_url.rstrip('/')}/staff/join/{token}/")
