"""Routes of the classification cycle pages, mounted at ``danh-gia/``."""

from django.urls import include, path, re_path

from . import views

app_name = "classification"

urlpatterns = [
    path("", views.cycles_view, name="cycles"),
    path("mo-dot/", views.open_cycle_view, name="open"),
    path("<id:cycle_id>/", views.cycle_view, name="cycle"),
    path("<id:cycle_id>/tinh-de-xuat/", views.compute_view, name="compute"),
    path("<id:cycle_id>/cong-bo/", views.publish_view, name="publish"),
    path("<id:cycle_id>/nhom/", views.group_view, name="group"),
    path("<id:cycle_id>/nhom/giai-quyet/", views.resolve_quota_view, name="resolve_quota"),
    path("<id:cycle_id>/don-vi/<id:unit_id>/", views.unit_view, name="unit"),
    path("<id:cycle_id>/don-vi/<id:unit_id>/mau.xlsx", views.template_view, name="template"),
    path("<id:cycle_id>/don-vi/<id:unit_id>/nhap/", views.upload_view, name="upload"),
    path("<id:cycle_id>/thong-ke/<id:unit_id>/", views.stats_view, name="stats"),
    path(
        "<id:cycle_id>/xuat/<id:unit_id>/",
        include(
            [
                re_path(
                    r"^(?P<form>danh-sach|thong-ke)\.(?P<fmt>xlsx|pdf)$",
                    views.export_view,
                    name="export",
                )
            ]
        ),
    ),
    path("doi-tuong/<id:pk>/", views.subject_view, name="subject"),
    path(
        "doi-tuong/<id:pk>/",
        include(
            [
                re_path(
                    r"^(?P<step>self|comment|appraisal|decision|complaint|reclassification)/$",
                    views.step_view,
                    name="step",
                )
            ]
        ),
    ),
    path("lich-su/nguoi/<id:person_id>/", views.person_history_view, name="person_history"),
    path("lich-su/don-vi/<id:unit_id>/", views.unit_history_view, name="unit_history"),
]
