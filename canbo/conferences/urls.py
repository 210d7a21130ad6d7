"""Conference pages under /hoi-nghi/."""

from django.urls import path

from . import views

app_name = "conferences"

urlpatterns = [
    path("", views.conference_list, name="list"),
    path("<int:cid>/", views.conference_detail, name="detail"),
    path("<int:cid>/diem-danh/", views.attendance_partial, name="attendance"),
    path("<int:cid>/chuong-trinh/", views.agenda_post, name="agenda"),
    path("<int:cid>/diem-cau/", views.site_post, name="add_site"),
    path("<int:cid>/trieu-tap/", views.convene_post, name="convene"),
    path("<int:cid>/noi-dung/<int:pos>/", views.show_item_post, name="show_item"),
    path("<int:cid>/trinh-chieu/", views.projector, name="projector"),
    path("<int:cid>/trinh-chieu/noi-dung/", views.projector_partial, name="projector_live"),
    path("diem-cau/<int:site_id>/", views.site_checkin, name="checkin"),
    path("can-bo/<int:person_id>/tin-nhiem/", views.person_history, name="person_history"),
]
