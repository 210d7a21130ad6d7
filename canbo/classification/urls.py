"""Routes of the classification cycle pages, mounted at ``danh-gia/``."""

from django.urls import path, re_path

from . import views

app_name = "classification"

urlpatterns = [
    path("", views.cycles_view, name="cycles"),
    path("mo-dot/", views.open_cycle_view, name="open"),
    path("<int:cycle_id>/", views.cycle_view, name="cycle"),
    path("<int:cycle_id>/tinh-de-xuat/", views.compute_view, name="compute"),
    path("<int:cycle_id>/cong-bo/", views.publish_view, name="publish"),
    path("<int:cycle_id>/nhom/", views.group_view, name="group"),
    path("<int:cycle_id>/nhom/giai-quyet/", views.resolve_quota_view, name="resolve_quota"),
    path("<int:cycle_id>/don-vi/<int:unit_id>/", views.unit_view, name="unit"),
    path("<int:cycle_id>/don-vi/<int:unit_id>/mau.xlsx", views.template_view, name="template"),
    path("<int:cycle_id>/don-vi/<int:unit_id>/nhap/", views.upload_view, name="upload"),
    path("<int:cycle_id>/thong-ke/<int:unit_id>/", views.stats_view, name="stats"),
    re_path(
        r"^(?P<cycle_id>\d+)/xuat/(?P<unit_id>\d+)/(?P<form>danh-sach|thong-ke)\.(?P<fmt>xlsx|pdf)$",
        views.export_view,
        name="export",
    ),
    path("doi-tuong/<int:pk>/", views.subject_view, name="subject"),
    re_path(
        r"^doi-tuong/(?P<pk>\d+)/(?P<step>self|comment|appraisal|decision|complaint|reclassification)/$",
        views.step_view,
        name="step",
    ),
    path("lich-su/nguoi/<int:person_id>/", views.person_history_view, name="person_history"),
    path("lich-su/don-vi/<int:unit_id>/", views.unit_history_view, name="unit_history"),
]
