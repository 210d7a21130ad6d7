"""Conference pages under /hoi-nghi/ (URL namespace ``conferences``)."""

from django.urls import path

from . import conference_views as views
from . import invitation_views

app_name = "conferences"

urlpatterns = [
    path("", views.conference_list, name="list"),
    path("<id:cid>/", views.conference_detail, name="detail"),
    path("<id:cid>/diem-danh/", views.attendance_partial, name="attendance"),
    path("<id:cid>/chuong-trinh/", views.agenda_post, name="agenda"),
    path("<id:cid>/diem-cau/", views.site_post, name="add_site"),
    path("<id:cid>/trieu-tap/", views.convene_post, name="convene"),
    path("<id:cid>/giay-trieu-tap/", invitation_views.invitations, name="invitations"),
    path("<id:cid>/noi-dung/<id:pos>/", views.show_item_post, name="show_item"),
    path("<id:cid>/trinh-chieu/", views.projector, name="projector"),
    path("<id:cid>/trinh-chieu/noi-dung/", views.projector_partial, name="projector_live"),
    path("diem-cau/<id:site_id>/", views.site_checkin, name="checkin"),
    path("can-bo/<id:person_id>/tin-nhiem/", views.person_history, name="person_history"),
]
