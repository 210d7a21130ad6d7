"""URLs under /chuong-trinh-cong-tac/."""

from django.urls import URLPattern, URLResolver

app_name = "programme"
urlpatterns: list[URLPattern | URLResolver] = []
