from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from confide.insights.exports import export_public_key, export_verify


class Command(BaseCommand):
    help = (
        "Check that an exported report (JSON, CSV or PDF) is the one this deployment signed: "
        "`manage.py insight_verify FILE SIGNATURE_FILE [--public-key KEY]`. `--print-key` prints the deployment's "
        "public key, for readers who verify elsewhere."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?")
        parser.add_argument("signature", nargs="?")
        parser.add_argument("--public-key", default=None)
        parser.add_argument("--print-key", action="store_true")

    def handle(self, *args, **options):
        if options["print_key"]:
            self.stdout.write(export_public_key())
            return
        if not options["file"] or not options["signature"]:
            raise CommandError("Give the exported file and its signature file.")
        try:
            data = Path(options["file"]).read_bytes()
            signature = Path(options["signature"]).read_text()
        except OSError as error:
            raise CommandError(f"Cannot read {error.filename}.") from None
        if not export_verify(data, signature, public_key=options["public_key"]):
            raise CommandError("NOT VERIFIED: this file is not the one the deployment signed.")
        self.stdout.write("Verified: these are the figures Confide produced.")
