"""URLs under /chuong-trinh-cong-tac/."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "programme"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index_view, name="index"),
    path("them/<id:unit_id>/<int:year>/", views.create_view, name="create"),
    path("de-an/<id:item_id>/", views.item_view, name="item"),
    path("de-an/<id:item_id>/tien-do/", views.progress_view, name="progress"),
    path("de-an/<id:item_id>/trang-thai/", views.status_view, name="status"),
    path("de-an/<id:item_id>/tai-lieu/", views.document_view, name="document"),
    path("tai-lieu/<id:document_id>/", views.download_view, name="download"),
    path(
        "tong-ket/<id:unit_id>/<int:year>.<str:fmt>",
        views.export_view,
        name="export",
    ),
]
