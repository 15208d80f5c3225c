from django.apps import AppConfig


class HotlineConfig(AppConfig):
    name = "confide.hotline"
    default_auto_field = "django.db.models.BigAutoField"
