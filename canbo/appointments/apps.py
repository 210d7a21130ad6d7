from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class AppointmentsConfig(AppConfig):
    name = "canbo.appointments"
    label = "appointments"
    verbose_name = pgettext_lazy("menu", "Bổ nhiệm")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from canbo.planning.uow import register_appointment_facts
        from canbo.voting import seals

        from .selectors import sealed_session
        from .uow import DjangoAppointmentFacts

        register_appointment_facts(DjangoAppointmentFacts)
        seals.register(sealed_session)  # the wider meeting's result (AP-13)
