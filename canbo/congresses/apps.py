from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CongressesConfig(AppConfig):
    name = "canbo.congresses"
    label = "congresses"
    verbose_name = _("Đại hội đảng")
    default_auto_field = "django.db.models.BigAutoField"
