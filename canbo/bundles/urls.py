"""URLs under /lien-thong/."""

from django.urls import URLPattern, URLResolver

app_name = "bundles"
urlpatterns: list[URLPattern | URLResolver] = []
