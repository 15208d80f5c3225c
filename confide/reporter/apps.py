from django.apps import AppConfig


class ReporterConfig(AppConfig):
    """Everything an anonymous reporter reaches: the report, vault and letter pages, and their API."""

    name = "confide.reporter"
    default_auto_field = "django.db.models.BigAutoField"
