"""API routes of the classification cycle, mounted at ``/api/classification/``."""

from django.urls import path, re_path

from . import api

urlpatterns = [
    path("cycles/", api.OpenCycleView.as_view(), name="classification-open"),
    path(
        "cycles/<int:cycle_id>/compute/", api.ComputeView.as_view(), name="classification-compute"
    ),
    path("cycles/<int:cycle_id>/quota/", api.QuotaView.as_view(), name="classification-quota"),
    path(
        "cycles/<int:cycle_id>/publish/", api.PublishView.as_view(), name="classification-publish"
    ),
    path(
        "cycles/<int:cycle_id>/units/<int:unit_id>/subjects/",
        api.UnitSubjectsView.as_view(),
        name="classification-subjects",
    ),
    path(
        "cycles/<int:cycle_id>/units/<int:unit_id>/stats/",
        api.StatsView.as_view(),
        name="classification-stats",
    ),
    path("subjects/<int:pk>/", api.SubjectView.as_view(), name="classification-subject"),
    re_path(
        r"^subjects/(?P<pk>\d+)/(?P<step>self|comment|appraisal|decision|complaint|reclassification)/$",
        api.StepView.as_view(),
        name="classification-step",
    ),
]
