from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from confide.core import keyfiles
from confide.escrow.oprf_server import oprf_server
from confide.escrow.services.keyholder import oprf_public_key_from_file


class Command(BaseCommand):
    help = (
        "Run the OPRF key holder as an HTTP service (matching escrow). Point the web tier at it with "
        "CONFIDE_OPRF_URL=http://HOST:PORT. It needs the oprf.key secret, CONFIDE_OPRF_TOKEN (shared with the web "
        "tier) and the database (for rate limits and its own daily ceiling, CONFIDE_OPRF_CEILING_PER_DAY)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8765)

    def handle(self, *args, host, port, **options):
        if not settings.CONFIDE_OPRF_TOKEN:
            # Without a token any process that reaches the port could ask for evaluations under any rate key.
            raise CommandError(
                "Set CONFIDE_OPRF_TOKEN (a long random secret, the same on the web tier) before starting the key "
                "holder: it answers no caller without it."
            )
        public_key = oprf_public_key_from_file()  # fail now, not on the first request, when the key is missing
        server = oprf_server(host, port)
        self.stdout.write(f"OPRF key holder listening on http://{host}:{server.server_address[1]}/evaluate")
        self.stdout.write(
            f"Its public key (CONFIDE_OPRF_PUBLIC_KEY on the web tier): {keyfiles.encode_key(public_key)}"
        )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
