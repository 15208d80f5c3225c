from django.core.management.base import BaseCommand

from confide.core import keyfiles
from confide.escrow.services.keyholder import oprf_public_key_from_file


class Command(BaseCommand):
    help = (
        "Print the OPRF key holder's public key (base64) from its oprf.key file. Set it as "
        "CONFIDE_OPRF_PUBLIC_KEY on the web tier when the key holder runs as `oprf_serve`."
    )
    # Run where the key file is, whatever the web-tier settings say (the check it would fail is what it fixes).
    requires_system_checks: list[str] = []

    def handle(self, *args, **options):
        self.stdout.write(keyfiles.encode_key(oprf_public_key_from_file()))
