from django.apps import AppConfig
from django.core import checks

from confide.escrow.checks import oprf_settings_check


class EscrowConfig(AppConfig):
    name = "confide.escrow"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        checks.register(oprf_settings_check)
