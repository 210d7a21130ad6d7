from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "canbo.elections"
    label = "elections"
    verbose_name = _("Bầu cử")
    default_auto_field = "django.db.models.BigAutoField"
