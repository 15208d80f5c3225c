import secrets

from django.core.management.base import BaseCommand

from confide.demo.seed import DEMO_CALL_TAKER, demo_seed, hotline_demo_seed
from confide.escrow.demo import DEMO_COUNSELOR, demo_counselor_seed
from confide.letters.provisioning import DEMO_CONTACT, demo_contact_seed
from confide.verification.services import domain_allow

DEMO_DOMAIN = "demo.example"


class Command(BaseCommand):
    help = "Create the demo organization `demo` and its case handler `demo-handler` (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Password for demo-handler when it is created (default: random).")

    def handle(self, *args, password=None, **options):
        result = demo_seed(password=password or secrets.token_urlsafe(12))
        if result.created_handler:
            self.stdout.write(self.style.SUCCESS("Demo organization and case handler created."))
            self.stdout.write(f"  Case handler login: http://127.0.0.1:8000/staff/login/  user: {result.username}")
            self.stdout.write(f"  Password: {result.password}")
        else:
            self.stdout.write(
                f"Demo already seeded; {result.username} keeps its password "
                "(its key is wrapped under it; change it from the staff pages, not here)."
            )
        self.stdout.write("  Reporter intake: http://127.0.0.1:8000/r/demo/")
        # Any demo.example address can prove membership; the code is printed on the server's console.
        domain_allow(organization=result.organization, domain=DEMO_DOMAIN)
        self.stdout.write(f"  Staff addresses for one-time codes: anything@{DEMO_DOMAIN} (codes print on the console)")
        call_taker_password = hotline_demo_seed(
            organization=result.organization, password=password or secrets.token_urlsafe(12)
        )
        if call_taker_password:
            self.stdout.write(f"  Hotline console: http://127.0.0.1:8000/staff/hotline/  user: {DEMO_CALL_TAKER}")
            self.stdout.write(f"  Password: {call_taker_password}")
        contact_password = password or secrets.token_urlsafe(12)
        if demo_contact_seed(organization=result.organization, password=contact_password):
            self.stdout.write(
                f"  Letters recipient (organization contact): {DEMO_CONTACT}  password: {contact_password}"
            )
        self.stdout.write("  Collective letters: http://127.0.0.1:8000/r/demo/letters/")
        counselor_password = password or secrets.token_urlsafe(12)
        if demo_counselor_seed(password=counselor_password):
            self.stdout.write(f"  Escrow counselor: {DEMO_COUNSELOR}  password: {counselor_password}")
        self.stdout.write("  Reporter vault (matching escrow): http://127.0.0.1:8000/r/demo/vault/")
