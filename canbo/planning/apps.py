from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "canbo.planning"
    label = "planning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from canbo.voting import certifications

        from .confidence_hook import on_certified

        # A certified band B or C result makes its mandatory removal task at once (PL-10).
        certifications.register(on_certified)
