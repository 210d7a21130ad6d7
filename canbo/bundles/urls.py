"""URLs under /lien-thong/."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "bundles"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("xuat/", views.export, name="export"),
    path("tai-len/", views.upload, name="upload"),
    path("goi/<int:receipt_id>/", views.receipt, name="receipt"),
    path("du-lieu/<slug:kind>/", views.records, name="records"),
    path("he-thong/dang-ky/", views.register, name="register"),
    path("he-thong/thu-hoi/", views.revoke, name="revoke"),
]
