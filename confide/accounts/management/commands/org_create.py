from django.core.management.base import BaseCommand, CommandError

from confide.accounts.services.provisioning import ProvisioningError, organization_provision


class Command(BaseCommand):
    help = "Create an organization (tenant) with its intake address /r/<slug>/."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("name")

    def handle(self, *args, slug, name, **options):
        try:
            organization = organization_provision(slug=slug, name=name)
        except ProvisioningError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Created {organization.name}: intake at /r/{organization.slug}/"))
