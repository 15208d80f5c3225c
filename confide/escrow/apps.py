from django.apps import AppConfig
from django.core import checks


class EscrowConfig(AppConfig):
    name = "confide.escrow"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from confide.escrow.keyholder import oprf_settings_check

        checks.register(oprf_settings_check)
