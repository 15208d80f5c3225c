import secrets

from django.core.management.base import BaseCommand

from confide.core.serving import DEFAULT_BIND, bind_url
from confide.demo.passwords import demo_passwords_reset
from confide.demo.seed import DEMO_CALL_TAKER, demo_seed, hotline_demo_seed
from confide.escrow.demo import DEMO_COUNSELOR, demo_counselor_seed
from confide.letters.provisioning import DEMO_CONTACT, demo_contact_seed
from confide.settings.env import envstr
from confide.verification.services import domain_allow

DEMO_DOMAIN = "demo.example"


def site_url(path: str) -> str:
    """`path` on the server `make run` starts: the links follow CONFIDE_BIND, as gunicorn.conf.py does."""
    base = bind_url(envstr("CONFIDE_BIND", DEFAULT_BIND))
    return f"{base.rstrip('/')}{path}" if base else path


class Command(BaseCommand):
    help = (
        "Create the demo organization `demo` and its staff (idempotent). --reset-passwords gives every demo "
        "account a new random password and prints it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", help="Password for the demo accounts when they are created (default: random)."
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="New random passwords (over new keys) for the demo accounts, printed; their authenticators are "
            "cleared and they lose what was sealed to their old keys.",
        )

    def handle(self, *args, password=None, reset_passwords=False, **options):
        if reset_passwords:
            self._reset()
            return
        result = demo_seed(password=password or secrets.token_urlsafe(12))
        if result.created_handler:
            self.stdout.write(self.style.SUCCESS("Demo organization and case handler created."))
            self.stdout.write(f"  Case handler login: {site_url('/staff/login/')}  user: {result.username}")
            self.stdout.write(f"  Password: {result.password}")
        else:
            self.stdout.write(
                f"Demo already seeded; {result.username} keeps its password "
                "(lost it? `manage.py seed_demo --reset-passwords`)."
            )
        self.stdout.write(f"  Reporter intake: {site_url('/r/demo/')}")
        # Any demo.example address can prove membership; the code is printed on the server's console.
        domain_allow(organization=result.organization, domain=DEMO_DOMAIN)
        self.stdout.write(f"  Staff addresses for one-time codes: anything@{DEMO_DOMAIN} (codes print on the console)")
        call_taker_password = hotline_demo_seed(
            organization=result.organization, password=password or secrets.token_urlsafe(12)
        )
        if call_taker_password:
            self.stdout.write(f"  Hotline console: {site_url('/staff/hotline/')}  user: {DEMO_CALL_TAKER}")
            self.stdout.write(f"  Password: {call_taker_password}")
        contact_password = password or secrets.token_urlsafe(12)
        if demo_contact_seed(organization=result.organization, password=contact_password):
            self.stdout.write(
                f"  Letters recipient (organization contact): {DEMO_CONTACT}  password: {contact_password}"
            )
        self.stdout.write(f"  Collective letters: {site_url('/r/demo/letters/')}")
        counselor_password = password or secrets.token_urlsafe(12)
        if demo_counselor_seed(password=counselor_password):
            self.stdout.write(f"  Escrow counselor: {DEMO_COUNSELOR}  password: {counselor_password}")
        self.stdout.write(f"  Reporter vault (matching escrow): {site_url('/r/demo/vault/')}")

    def _reset(self):
        logins = demo_passwords_reset()
        if not logins:
            self.stdout.write("No demo accounts yet: run `manage.py seed_demo` first.")
            return
        self.stdout.write(
            self.style.SUCCESS(f"New passwords for the demo accounts (sign in at {site_url('/staff/login/')}):")
        )
        for login in logins:
            self.stdout.write(f"  user: {login.username}  password: {login.password}")
        self.stdout.write(
            "Each sets up its authenticator again at the next sign-in. They have new keys: cases, letters and "
            "escrow matches sealed to the old ones are no longer theirs (use staff_recover with the recovery key "
            "to keep them)."
        )
