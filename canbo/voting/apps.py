from django.apps import AppConfig


class VotingConfig(AppConfig):
    name = "canbo.voting"
    label = "voting"
    default_auto_field = "django.db.models.BigAutoField"
