"""URLs under /bao-cao/: the hub, the results reports and the dashboard."""

from django.urls import URLPattern, URLResolver, path, re_path

from . import views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.hub, name="hub"),
    path("tong-quan/", views.overview, name="overview"),
    re_path(r"^(?P<slug>xep-loai|tin-nhiem|dai-hoi)/$", views.report, name="report"),
    re_path(
        r"^(?P<slug>xep-loai|tin-nhiem|dai-hoi)\.(?P<fmt>xlsx|pdf)$",
        views.export,
        name="export",
    ),
]
