"""Routes of cadre planning, mounted at ``quy-hoach/``."""

from django.urls import path

from . import views

app_name = "planning"

urlpatterns = [
    path("", views.list_view, name="list"),
    path("lap/", views.create_view, name="create"),
    path("<id:plan_id>/", views.detail_view, name="detail"),
    path("<id:plan_id>/them/", views.add_view, name="add"),
    path("<id:plan_id>/dua-ra/<id:entry_id>/", views.remove_view, name="remove"),
    path("ra-soat/<id:unit_id>/<int:year>/", views.review_view, name="review"),
    path("co-cau/", views.structure_view, name="structure"),
    path("bac-chuc-vu/", views.grades_view, name="grades"),
]
