from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "confide.intake"
    default_auto_field = "django.db.models.BigAutoField"
