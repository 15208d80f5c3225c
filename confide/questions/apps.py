from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "confide.questions"
    default_auto_field = "django.db.models.BigAutoField"
