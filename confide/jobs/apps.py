from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "confide.jobs"
    default_auto_field = "django.db.models.BigAutoField"
