"""Election pages under /dai-hoi/<congress>/bau-cu/ (URL namespace ``elections``)."""

from django.urls import path

from . import views

app_name = "elections"

E = "<id:congress_id>/bau-cu/<id:election_id>"

urlpatterns = [
    path("<id:congress_id>/bau-cu/", views.election_list, name="list"),
    path("<id:congress_id>/bau-cu/cong-bo/", views.announcement, name="announcement"),
    path(
        "<id:congress_id>/bau-cu/cong-bo/noi-dung/",
        views.announcement_live,
        name="announcement_live",
    ),
    path("<id:congress_id>/bau-cu/bao-cao.pdf", views.report, name="report"),
    path("<id:congress_id>/bau-cu/chuan-y/", views.approve, name="approve"),
    path(f"{E}/", views.detail, name="detail"),
    path(f"{E}/danh-sach/", views.add_candidate, name="add_candidate"),
    path(f"{E}/rut-ten/", views.withdraw, name="withdraw"),
    path(f"{E}/xin-y-kien/", views.opinion, name="opinion"),
    path(f"{E}/bieu-quyet-danh-sach/", views.approve_list, name="approve_list"),
    path(f"{E}/vong-bau/", views.start_round, name="start_round"),
    path(f"{E}/ket-qua/", views.record_result, name="record_result"),
    path(f"{E}/ket-thuc/", views.close, name="close"),
    path(f"{E}/buoc/", views.step, name="step"),
    path(f"{E}/vong/<id:round_id>/ky/", views.sign, name="sign"),
    path(f"{E}/vong/<id:round_id>/bien-ban.pdf", views.minutes, name="minutes"),
]
