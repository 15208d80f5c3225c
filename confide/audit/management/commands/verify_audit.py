from django.core.management.base import BaseCommand, CommandError

from confide.audit.selectors import audit_chain_verify


class Command(BaseCommand):
    help = "Walk the hash-chained audit log and name the first broken row."

    def handle(self, *args, **options):
        report = audit_chain_verify()
        if not report.ok:
            raise CommandError(
                f"Audit log broken at row {report.first_broken_seq}: {report.reason} "
                f"({report.checked} rows verified before it)."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {report.checked} rows verified."))
