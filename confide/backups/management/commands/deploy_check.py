import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from confide.backups.deploy_checks import FAIL, OK, WARN, deploy_findings


class Command(BaseCommand):
    help = (
        "Check a production deployment: Django's `check --deploy`, then Confide's own list (secrets present and "
        "private, the recovery secret absent, the key holder's token and pinned key, no access log, trusted "
        "proxies, PostgreSQL, shared limits). Prints OK/WARN/FAIL with a fix for each; exits 1 on any FAIL."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gunicorn-conf",
            type=Path,
            default=Path(settings.BASE_DIR) / "gunicorn.conf.py",
            help="the gunicorn configuration the web instances run with",
        )

    def handle(self, *args, gunicorn_conf: Path, **options):
        findings = deploy_findings(
            settings_module=os.environ.get("DJANGO_SETTINGS_MODULE", ""), gunicorn_conf=gunicorn_conf
        )
        style = {OK: self.style.SUCCESS, WARN: self.style.WARNING, FAIL: self.style.ERROR}
        for finding in findings:
            self.stdout.write(style[finding.level](f"{finding.level:<4} {finding.name}: {finding.text}"))
        failed = sum(finding.level == FAIL for finding in findings)
        if failed:
            raise CommandError(f"{failed} check(s) failed: fix them before serving reporters.")
        self.stdout.write(self.style.SUCCESS("Ready for production."))
