from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "confide.surveys"
    default_auto_field = "django.db.models.BigAutoField"
