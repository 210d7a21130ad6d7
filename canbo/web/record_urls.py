"""Routes of the clerk's record forms (included into the web shell's namespace)."""

from django.urls import path

from . import record_views

urlpatterns = [
    path(
        "people/<id:person_id>/cap-nhat/<slug:action>/",
        record_views.person_action_view,
        name="person_action",
    ),
    path(
        "units/<id:unit_id>/cap-nhat/<slug:action>/",
        record_views.unit_action_view,
        name="unit_action",
    ),
]
