"""Web shell routes."""

from django.urls import path  # noqa: F401

app_name = "web"

urlpatterns: list = []
