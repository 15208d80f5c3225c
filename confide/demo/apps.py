from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo organization, seeded through every domain's own services (`manage.py seed_demo`)."""

    name = "confide.demo"
    default_auto_field = "django.db.models.BigAutoField"
