"""API routes of the classification cycle, mounted at ``/api/classification/``."""

from django.urls import include, path, re_path

from . import api

urlpatterns = [
    path("cycles/", api.OpenCycleView.as_view(), name="classification-open"),
    path("cycles/<id:cycle_id>/compute/", api.ComputeView.as_view(), name="classification-compute"),
    path("cycles/<id:cycle_id>/quota/", api.QuotaView.as_view(), name="classification-quota"),
    path("cycles/<id:cycle_id>/publish/", api.PublishView.as_view(), name="classification-publish"),
    path(
        "cycles/<id:cycle_id>/units/<id:unit_id>/subjects/",
        api.UnitSubjectsView.as_view(),
        name="classification-subjects",
    ),
    path(
        "cycles/<id:cycle_id>/units/<id:unit_id>/stats/",
        api.StatsView.as_view(),
        name="classification-stats",
    ),
    path("subjects/<id:pk>/", api.SubjectView.as_view(), name="classification-subject"),
    path(
        "subjects/<id:pk>/",
        include(
            [
                re_path(
                    r"^(?P<step>self|comment|appraisal|decision|complaint|reclassification)/$",
                    api.StepView.as_view(),
                    name="classification-step",
                )
            ]
        ),
    ),
]
