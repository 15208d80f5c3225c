import sys

from django.core.management.base import BaseCommand, CommandError

from confide.tenants.models import Organization
from confide.verification.content import VerificationError
from confide.verification.services import domain_allow, roster_upload


class Command(BaseCommand):
    help = "Upload an organization's staff roster (one address per line, from a file or stdin) and allowed domains."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--file", help="a file of addresses, one per line; '-' for standard input")
        parser.add_argument("--replace", action="store_true", help="replace the current roster")
        parser.add_argument("--domain", action="append", default=[], help="also accept every address at DOMAIN")

    def handle(self, *args, slug, file, replace, domain, **options):
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None:
            raise CommandError(f"No organization with the intake address {slug!r}.")
        try:
            for name in domain:
                self.stdout.write(f"Allowed domain: {domain_allow(organization=organization, domain=name).domain}")
            if file:
                if file == "-":
                    lines = sys.stdin.read().splitlines()
                else:
                    with open(file, encoding="utf-8") as fh:
                        lines = fh.read().splitlines()
                size = roster_upload(organization=organization, emails=lines, replace=replace)
                self.stdout.write(f"The roster of {slug} now has {size} addresses (stored as keyed hashes).")
        except VerificationError as exc:
            raise CommandError(exc.message) from None
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from None
