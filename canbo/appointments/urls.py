from django.urls import path

from . import views

app_name = "appointments"

urlpatterns = [
    path("", views.process_list, name="list"),
    path("bo-nhiem-lai/", views.reappointments, name="reappointments"),
    path("<int:process_id>/", views.detail, name="detail"),
    path("<int:process_id>/buoc/<str:kind>/", views.step, name="step"),
    path("<int:process_id>/ho-so/", views.dossier, name="dossier"),
    path("<int:process_id>/ho-so/thanh-phan/", views.dossier_item, name="dossier_item"),
    path("<int:process_id>/truong-hop-dac-biet/", views.override, name="override"),
    path("<int:process_id>/quyet-dinh/", views.decide, name="decide"),
]
