"""URLs under /thong-ke/."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "stats"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index_view, name="index"),
    path("so-sanh/", views.compare_view, name="compare"),
    path("xuat/<id:unit_id>/<str:code>.<str:fmt>", views.export_view, name="export"),
]
