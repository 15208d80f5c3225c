from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Everything behind staff sign-in: cases, counsel, letters, the hotline console, the operator site."""

    name = "confide.staff"
    default_auto_field = "django.db.models.BigAutoField"
